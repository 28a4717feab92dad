import { mkdirSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describeRule, findExcludingRule, type RuleFacts } from "@billcycle/core";
import { newId, tables } from "@billcycle/db";
import { and, asc, eq, lt, lte, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { type OutcomeInput, recordOutcomes } from "../automation/record-outcomes";
import { loadBillingContext } from "../billing/billing-context";
import { bulkInsert, everyRow, pgArray, runPrepared } from "../billing/bulk-insert";
import type { ClaimsPipelinePort } from "./claims-pipeline-port";

/**
 * The interim claims pipeline: Claims Submission writes each batch of claims awaiting submission as a JSON file
 * into `<dir>/<practice>/outbox/` and marks them Submitted; ERA Processing counts files waiting in `inbox/`.
 * The file is written (atomically, by rename) before any claim is marked, so a failed write marks nothing.
 */
export const fileDropClaimsPipeline = (dir: string): ClaimsPipelinePort => ({
  submitClaims: async (database, input, now) => {
    const ctx = await loadBillingContext(database.db, input.practiceId, input.today);
    const startOfToday = DateTime.fromISO(input.today, { zone: ctx.timeZone }).startOf("day").toJSDate();
    const bound =
      ctx.config.cadence === "staggered"
        ? lt(tables.claims.createdAt, startOfToday)
        : lte(tables.claims.createdAt, now);
    const claims = await database.db
      .select()
      .from(tables.claims)
      .where(
        and(
          eq(tables.claims.practiceId, input.practiceId),
          eq(tables.claims.status, "awaiting_submission"),
          bound,
        ),
      )
      .orderBy(asc(tables.claims.id));
    const rules = ctx.config.automations.claims_submission.rules;
    const outcomes: OutcomeInput[] = [];
    const send = claims.filter((c) => {
      const facts: RuleFacts = { primary_payer: c.payerId, amount: c.totalCents, claim_level: c.payerRank };
      const rule = findExcludingRule(rules, facts);
      if (!rule) return true;
      const message = `excluded by rule '${rule.name}' (${describeRule(rule, ctx.eligibility.labels)})`;
      outcomes.push({
        subjectType: "claim",
        subjectId: c.id,
        outcome: "skipped",
        reasons: [{ code: "EXCLUDED_BY_RULE", message }],
        message,
      });
      return false;
    });
    let submitted = 0;
    if (send.length > 0) {
      const outbox = join(dir, input.practiceId, "outbox");
      mkdirSync(outbox, { recursive: true });
      const name = `claims-${input.today}-${input.runId ?? now.getTime()}.json`;
      const lines = await database.db
        .select()
        .from(tables.claimLines)
        .where(
          sql`${tables.claimLines.claimId} = ANY(${pgArray(
            send.map((c) => c.id),
            "uuid",
          )}::uuid[])`,
        );
      const linesOf = new Map<string, typeof lines>();
      for (const l of lines) linesOf.set(l.claimId, [...(linesOf.get(l.claimId) ?? []), l]);
      const body = send.map((c) => ({ ...c, lines: linesOf.get(c.id) ?? [] }));
      writeFileSync(
        join(outbox, `.${name}.tmp`),
        JSON.stringify({ practiceId: input.practiceId, claims: body }, null, 2),
      );
      renameSync(join(outbox, `.${name}.tmp`), join(outbox, name));
      await database.db.transaction(async (tx) => {
        const moved = await tx
          .update(tables.claims)
          .set({ status: "submitted", submittedAt: now, updatedAt: now })
          .where(
            and(
              sql`${tables.claims.id} = ANY(${pgArray(
                send.map((c) => c.id),
                "uuid",
              )}::uuid[])`,
              eq(tables.claims.status, "awaiting_submission"),
            ),
          )
          .returning({ id: tables.claims.id, pcn: tables.claims.patientControlNumber });
        submitted = moved.length;
        if (moved.length) {
          // Columns as arrays (a parameter per value would stop at 65,535 parameters).
          await runPrepared(
            tx,
            bulkInsert(tables.claimStatusHistory, {
              id: moved.map(() => newId(now.getTime())),
              practiceId: everyRow(input.practiceId),
              claimId: moved.map((m) => m.id),
              fromStatus: everyRow("awaiting_submission"),
              toStatus: everyRow("submitted"),
              at: everyRow(now),
              actor: everyRow("system:claims_submission"),
              cause: everyRow({ kind: "file", name }),
            }),
          );
        }
        for (const m of moved) {
          outcomes.push({
            subjectType: "claim",
            subjectId: m.id,
            outcome: "done",
            reasons: [],
            message: `claim ${m.pcn} sent in ${name}`,
          });
        }
        await recordOutcomes(
          tx,
          {
            practiceId: input.practiceId,
            runId: input.runId,
            automation: "claims_submission",
            trigger: input.trigger,
            at: now,
          },
          outcomes,
        );
      });
    } else if (outcomes.length) {
      await recordOutcomes(
        database.db,
        {
          practiceId: input.practiceId,
          runId: input.runId,
          automation: "claims_submission",
          trigger: input.trigger,
          at: now,
        },
        outcomes,
      );
    }
    return { considered: claims.length, submitted, skipped: claims.length - send.length };
  },
  processRemittances: async (_database, input) => {
    const inbox = join(dir, input.practiceId, "inbox");
    let files = 0;
    try {
      files = readdirSync(inbox).filter((f) => !f.startsWith(".")).length;
    } catch {
      files = 0;
    }
    return { filesWaiting: files };
  },
});
