import { type AutomationKind, automationInfo } from "@billcycle/core";
import { type Executor, isUuid, tables } from "@billcycle/db";
import { and, eq, inArray } from "drizzle-orm";
import { DateTime } from "luxon";
import { z } from "zod";

/** A history entry in a biller's words: who did it, and why, instead of "system:on_kept" or "run:<uuid>". */
export type HistoryWords = { actorName: string; causeText: string | null };

/** A history entry's actor and cause as a biller reads them (the raw `actor` and `cause` stay for scripts). */
export const historyWordsShape = {
  actorName: z.string().describe("who made the change, in words: a user's name, “Automation (on Kept)”"),
  causeText: z.string().nullable().describe("why, in words: “Nightly invoice creation run of Dec 5”"),
};

type Entry = { actor: string; cause: unknown };

/** The engine's own actors ("system:<job>") by job; an unknown job is shown as its words. */
const systemNames: Record<string, string> = {
  on_kept: "Automation (on Kept)",
  setup: "Practice setup",
  acknowledgments: "Automation (acknowledgments)",
  outreach: "Automation (payment reminders)",
  twilio: "Text message replies",
  "share-documents": "Automation (document sharing)",
};

const codeWords = (code: string) => code.replaceAll(/[_-]/g, " ");

const isAutomation = (job: string): job is AutomationKind => Object.hasOwn(automationInfo, job);

const systemName = (job: string) =>
  systemNames[job] ?? `Automation (${isAutomation(job) ? automationInfo[job].title : codeWords(job)})`;

/** Causes the writers record as a bare code. */
const causeCodes: Record<string, string> = {
  on_kept: "the session was marked Kept",
  manual: "started by hand",
  schedule: "on schedule",
  reviewed: "reviewed and opened",
};

type Run = { automation: AutomationKind; trigger: "schedule" | "manual"; localDate: string };

const runWords = (run: Run) => {
  const title = automationInfo[run.automation].title;
  const day = DateTime.fromISO(run.localDate).toFormat("LLL d");
  return run.trigger === "schedule"
    ? `Nightly ${title.toLowerCase()} run of ${day}`
    : `${title} run started by hand on ${day}`;
};

const objectCause = (c: Record<string, unknown>, runs: Map<string, Run>): string | null => {
  const str = (k: string) => (typeof c[k] === "string" ? (c[k] as string) : null);
  const list = (k: string) => (Array.isArray(c[k]) ? (c[k] as unknown[]).map(String).join(", ") : "");
  switch (c.kind) {
    case "run": {
      const id = str("id");
      const run = id ? runs.get(id) : undefined;
      if (run) return runWords(run);
      const automation = str("automation");
      const title = automation && isAutomation(automation) ? automationInfo[automation].title : "automation";
      // No run recorded: the automation was called directly (by hand, or the on-Kept path).
      return id ? `an ${title} run` : `${title}, started by hand`;
    }
    case "file":
      return `sent in file ${str("name") ?? ""}`.trim();
    case "scrub":
      return c.passed
        ? "passed the scrubber"
        : `the scrubber rejected it (${list("codes") || "see its messages"})`;
    case "acknowledgment": {
      const codes = [str("code"), list("codes")].filter(Boolean).join(", ");
      return `the clearinghouse's ${str("ack") ?? ""} acknowledgment${codes ? ` (${codes})` : ""}`;
    }
    case "remittance":
      return `the payer's remittance: ${str("status") ?? str("statusCode") ?? "posted"}`;
    case "user": {
      const action = str("action");
      const reason = str("reason");
      return [action ? codeWords(action) : null, reason].filter(Boolean).join(": ") || null;
    }
    default:
      return null;
  }
};

/**
 * Puts history entries (invoice or claim status changes) in words: user and API-token actors by name, the engine
 * as "Automation (…)", runs as "Nightly invoice creation run of Dec 5". Looks up only this practice's people,
 * tokens and runs, in three queries whatever the number of entries.
 */
export const describeHistory = async (
  tx: Executor,
  practiceId: string,
  entries: readonly Entry[],
): Promise<HistoryWords[]> => {
  const idsOf = (prefix: string, values: unknown[]) => [
    ...new Set(
      values
        .filter((v): v is string => typeof v === "string" && v.startsWith(prefix))
        .map((v) => v.slice(prefix.length))
        .filter(isUuid),
    ),
  ];
  const userIds = idsOf(
    "user:",
    entries.map((e) => e.actor),
  );
  const tokenIds = idsOf(
    "token:",
    entries.map((e) => e.actor),
  );
  const runIds = [
    ...idsOf(
      "run:",
      entries.map((e) => e.cause),
    ),
    ...entries
      .map((e) => e.cause)
      .filter((c): c is { kind: "run"; id: string } => {
        const o = c as { kind?: unknown; id?: unknown } | null;
        return !!o && typeof o === "object" && o.kind === "run" && typeof o.id === "string" && isUuid(o.id);
      })
      .map((c) => c.id),
  ];
  const [users, tokens, runRows] = await Promise.all([
    userIds.length
      ? tx
          .select({ id: tables.users.id, name: tables.users.name })
          .from(tables.users)
          .innerJoin(tables.memberships, eq(tables.memberships.userId, tables.users.id))
          .where(and(eq(tables.memberships.practiceId, practiceId), inArray(tables.users.id, userIds)))
      : [],
    tokenIds.length
      ? tx
          .select({ id: tables.apiTokens.id, name: tables.apiTokens.name, userName: tables.users.name })
          .from(tables.apiTokens)
          .innerJoin(tables.users, eq(tables.users.id, tables.apiTokens.userId))
          .innerJoin(
            tables.memberships,
            and(
              eq(tables.memberships.userId, tables.users.id),
              eq(tables.memberships.practiceId, practiceId),
            ),
          )
          .where(inArray(tables.apiTokens.id, tokenIds))
      : [],
    runIds.length
      ? tx
          .select({
            id: tables.automationRuns.id,
            automation: tables.automationRuns.automation,
            trigger: tables.automationRuns.trigger,
            localDate: tables.automationRuns.localDate,
          })
          .from(tables.automationRuns)
          .where(
            and(eq(tables.automationRuns.practiceId, practiceId), inArray(tables.automationRuns.id, runIds)),
          )
      : [],
  ]);
  const userNames = new Map(users.map((u) => [u.id, u.name]));
  const tokenNames = new Map(tokens.map((t) => [t.id, `API token “${t.name}” of ${t.userName}`]));
  const runs = new Map<string, Run>(runRows.map((r) => [r.id, r]));

  const actorName = (actor: string) => {
    const colon = actor.indexOf(":");
    if (colon < 0) return codeWords(actor);
    const [kind, rest] = [actor.slice(0, colon), actor.slice(colon + 1)];
    if (kind === "user") return userNames.get(rest) ?? "A former member of the practice";
    if (kind === "token") return tokenNames.get(rest) ?? "A revoked API token";
    if (kind === "system") return systemName(rest);
    return codeWords(actor);
  };
  const causeText = (cause: unknown): string | null => {
    if (cause === null || cause === undefined || cause === "") return null;
    if (typeof cause === "string") {
      if (cause.startsWith("run:")) {
        const run = runs.get(cause.slice(4));
        return run ? runWords(run) : "an automation run";
      }
      return causeCodes[cause] ?? cause;
    }
    if (typeof cause === "object") return objectCause(cause as Record<string, unknown>, runs);
    return null;
  };
  return entries.map((e) => ({ actorName: actorName(e.actor), causeText: causeText(e.cause) }));
};
