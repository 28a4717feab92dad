import { readFileSync, writeFileSync } from "node:fs";
import {
  applyBulkOutreachAction,
  applyOutreachAction,
  exportCollectionsCsv,
  getOutreachTimeline,
  listOutreachSets,
  listOutreachSetsQuerySchema,
  listRuleSets,
  type OutreachSetView,
  ruleSetInputSchema,
  saveRuleSet,
  startOutreachSet,
} from "@billcycle/app";
import {
  DomainError,
  formatCents,
  type OutreachAction,
  outreachActions,
  outreachSetStatusLabel,
  systemClock,
} from "@billcycle/core";
import type { Database } from "@billcycle/db";
import { type Command, Option } from "commander";
import { z } from "zod";
import { cliActor } from "../cli-actor";
import { openConfiguredDatabase } from "../open-configured-database";
import { cliInstant, practiceTimeZone } from "../practice-time";
import { parseAmountToCents } from "./payments";

const out = (line = "") => process.stdout.write(`${line}\n`);

const withActor = async (
  practiceId: string,
  fn: (database: Database, actor: Awaited<ReturnType<typeof cliActor>>, timeZone: string) => Promise<void>,
) => {
  const database = await openConfiguredDatabase(() => undefined);
  try {
    await fn(database, await cliActor(database, practiceId), await practiceTimeZone(database, practiceId));
  } finally {
    await database.close();
  }
};

/** VALIDATION_FAILED naming each field, as the API answers it (not a stack of zod internals). */
const parseOrRefuse = <S extends z.ZodType>(schema: S, value: unknown): z.infer<S> => {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(input)"}: ${i.message}`);
  throw new DomainError("VALIDATION_FAILED", issues.join("; "), {
    issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
  });
};

/** "write-off", "write_off" or "Write Off" → write_off; anything else is refused with the choices. */
export const parseOutreachAction = (text: string): OutreachAction => {
  const key = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  if ((outreachActions as readonly string[]).includes(key)) return key as OutreachAction;
  throw new DomainError("VALIDATION_FAILED", `${text} is not an action (${outreachActions.join(", ")})`, {
    field: "action",
  });
};

const setLine = (s: OutreachSetView, timeZone: string) =>
  [
    s.id,
    outreachSetStatusLabel[s.status].padEnd(11),
    formatCents(s.amountOutstandingCents).padStart(11),
    `${s.patient.firstName} ${s.patient.lastName}`.padEnd(24),
    s.ruleSet.name.padEnd(16),
    `step ${Math.min(s.stepIndex + 1, s.stepCount)}/${s.stepCount}`,
    s.nextSendAt ? `next ${cliInstant(s.nextSendAt, timeZone)}` : "nothing scheduled",
    s.willFailReasons.length ? `will fail: ${s.willFailReasons.map((r) => r.code).join(", ")}` : "",
  ]
    .join("  ")
    .trimEnd();

/** `billcycle outreach …`: invoice sets (list, timeline, start, actions), rule sets and the collections export. */
export const registerOutreachCommands = (program: Command) => {
  const practice = () => new Option("--practice <id>", "practice id").makeOptionMandatory();
  const outreach = program
    .command("outreach")
    .description("patient outreach: invoice sets, their timelines and actions, rule sets, collections");

  outreach
    .command("sets")
    .description("invoice sets, newest first, with the Invoices screen's filters")
    .addOption(practice())
    .option("--search <text>", "patient name, phone number, or set/patient id")
    .option("--status <list>", "comma-separated: active,paused,expired,failed,will_fail,paid,…")
    .option("--min <dollars>", "amount outstanding at least")
    .option("--max <dollars>", "amount outstanding at most")
    .option("--created-from <iso>", "set created at or after (ISO instant)")
    .option("--created-to <iso>", "set created at or before")
    .option("--send-from <iso>", "next message at or after")
    .option("--send-to <iso>", "next message at or before")
    .option("--rule-set <id>", "only sets on this rule set")
    .option("--limit <n>", "at most this many", "50")
    .action(
      async (o: {
        practice: string;
        search?: string;
        status?: string;
        min?: string;
        max?: string;
        createdFrom?: string;
        createdTo?: string;
        sendFrom?: string;
        sendTo?: string;
        ruleSet?: string;
        limit: string;
      }) =>
        withActor(o.practice, async (database, actor, timeZone) => {
          const query = parseOrRefuse(listOutreachSetsQuerySchema, {
            search: o.search,
            status: o.status,
            minAmountCents: o.min === undefined ? undefined : parseAmountToCents(o.min),
            maxAmountCents: o.max === undefined ? undefined : parseAmountToCents(o.max),
            createdFrom: o.createdFrom,
            createdTo: o.createdTo,
            nextSendFrom: o.sendFrom,
            nextSendTo: o.sendTo,
            ruleSetId: o.ruleSet,
            limit: o.limit,
          });
          const { items, nextCursor } = await listOutreachSets(database, {
            actor,
            query,
            now: systemClock.now(),
          });
          for (const s of items) out(setLine(s, timeZone));
          out(`${items.length} set(s)${nextCursor ? " (more: narrow the filters or raise --limit)" : ""}`);
        }),
    );

  outreach
    .command("timeline")
    .description("one set's Invoice Timeline: messages, delivery reports, replies, payments, status changes")
    .addOption(practice())
    .argument("<setId>", "the invoice set")
    .action(async (setId: string, o: { practice: string }) =>
      withActor(o.practice, async (database, actor, timeZone) => {
        const { set, events } = await getOutreachTimeline(database, { actor, setId, now: systemClock.now() });
        out(setLine(set, timeZone));
        for (const e of events) {
          const d = e.details ?? {};
          const what = e.message
            ? `${e.message.channel} ${e.message.status}${e.message.failureCode ? ` (${e.message.failureCode})` : ""}: ${e.message.body}`
            : e.kind === "status"
              ? `${String(d.from)} -> ${String(d.to)}${d.reason ? ` (${String(d.reason)})` : ""}`
              : JSON.stringify(d);
          out(`  ${cliInstant(e.at, timeZone)}  ${e.kind.padEnd(12)} ${e.actor.padEnd(18)} ${what}`);
        }
      }),
    );

  outreach
    .command("start")
    .description("start a set by hand for a patient with an open balance")
    .addOption(practice())
    .option("--rule-set <id>", "the rule set (default: the practice's default)")
    .argument("<clientId>", "the patient")
    .action(async (clientId: string, o: { practice: string; ruleSet?: string }) =>
      withActor(o.practice, async (database, actor, timeZone) => {
        const setId = await startOutreachSet(database, {
          actor,
          clientId,
          ruleSetId: o.ruleSet,
          now: systemClock.now(),
        });
        const { items } = await listOutreachSets(database, {
          actor,
          query: parseOrRefuse(listOutreachSetsQuerySchema, { search: setId }),
          now: systemClock.now(),
        });
        out(`started ${setId}`);
        for (const s of items) out(setLine(s, timeZone));
      }),
    );

  outreach
    .command("action")
    .description(
      "Write Off, Send to Collections, Change Rule Set, Pause, Resume or Cancel: one set (refused with its code " +
        "when its status does not allow it) or several (each done or skipped with its code)",
    )
    .addOption(practice())
    .option("--rule-set <id>", "Change Rule Set: the rule set to continue with")
    .option("--reason <text>", "why, for the timeline")
    .argument("<action>", `one of ${outreachActions.join(", ")}`)
    .argument("<setIds...>", "the invoice set(s)")
    .action(
      async (
        actionText: string,
        setIds: string[],
        o: { practice: string; ruleSet?: string; reason?: string },
      ) =>
        withActor(o.practice, async (database, actor, timeZone) => {
          const request = { action: parseOutreachAction(actionText), ruleSetId: o.ruleSet, reason: o.reason };
          const now = systemClock.now();
          if (setIds.length === 1) {
            out(
              setLine(
                await applyOutreachAction(database, { actor, setId: setIds[0]!, request, now }),
                timeZone,
              ),
            );
            return;
          }
          const r = await applyBulkOutreachAction(database, { actor, setIds, request, now });
          for (const id of r.doneIds) out(`done     ${id}`);
          for (const s of r.skipped) out(`skipped  ${s.setId}  ${s.code}: ${s.reason}`);
          out(`${r.done} done, ${r.skipped.length} skipped`);
          if (r.skipped.length > 0) process.exitCode = 2;
        }),
    );

  outreach
    .command("rule-sets")
    .description("the practice's rule sets and their steps")
    .addOption(practice())
    .action(async (o: { practice: string }) =>
      withActor(o.practice, async (database, actor) => {
        for (const r of await listRuleSets(database, actor)) {
          out(`${r.id}  ${r.name}${r.isDefault ? "  (default)" : ""}  version ${r.version}`);
          for (const s of r.steps) {
            out(
              `  day ${String(s.dayOffset).padStart(3)}  ${s.channel.padEnd(5)} ${s.sendWindow.start}-${s.sendWindow.end}  ${s.template}`,
            );
          }
        }
      }),
    );

  outreach
    .command("save-rule-set")
    .description(
      "create a rule set (or replace one with --id) from a JSON file: { name, isDefault, steps: […] }",
    )
    .addOption(practice())
    .requiredOption("--file <path>", "the rule set as JSON")
    .option("--id <ruleSetId>", "replace this rule set")
    .action(async (o: { practice: string; file: string; id?: string }) =>
      withActor(o.practice, async (database, actor) => {
        let json: unknown;
        try {
          json = JSON.parse(readFileSync(o.file, "utf8"));
        } catch (e) {
          throw new DomainError("VALIDATION_FAILED", `${o.file} is not a JSON file: ${(e as Error).message}`);
        }
        const body = parseOrRefuse(ruleSetInputSchema, json);
        const saved = await saveRuleSet(database, {
          actor,
          body,
          now: systemClock.now(),
          ...(o.id ? { ruleSetId: o.id } : {}),
        });
        out(`saved ${saved.id}  ${saved.name}  ${saved.steps.length} step(s)  version ${saved.version}`);
      }),
    );

  outreach
    .command("export-collections")
    .description("the sets sent to collections as CSV for the agency (to a file, or standard output)")
    .addOption(practice())
    .option("--since <iso>", "sent to collections at or after this instant")
    .option("--out <path>", "write the CSV here")
    .action(async (o: { practice: string; since?: string; out?: string }) =>
      withActor(o.practice, async (database, actor) => {
        const since = parseOrRefuse(z.iso.datetime({ offset: true }).optional(), o.since);
        const csv = await exportCollectionsCsv(database, { actor, since, now: systemClock.now() });
        if (!o.out) {
          process.stdout.write(csv);
          return;
        }
        writeFileSync(o.out, csv, { mode: 0o600 });
        out(`${csv.trim().split("\r\n").length - 1} set(s) written to ${o.out}`);
      }),
    );
};
