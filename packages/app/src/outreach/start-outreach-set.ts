import { DomainError, notFound } from "@billcycle/core";
import { type Database, type Executor, newId, pgArray, runPrepared, tables } from "@billcycle/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/actor";
import { systemActor } from "../auth/actor";
import { practiceToday } from "../automation/practice-today";
import { lockClient } from "../ledger/ledger-writes";
import type { TenantActor } from "../resources/crud";
import { loadSetFacts, planNextStep, writeSetSchedule } from "./outreach-facts";
import { loadOutreachSettings } from "./outreach-settings";
import { findRuleSet } from "./save-rule-set";
import { addOutreachEvent, insertOutreachSet, moveOutreachSets } from "./write-outreach-status";

export const OUTREACH_ACTOR = "system:outreach";

/**
 * Starts one set for a client on the caller's transaction: links every issued invoice with client responsibility
 * open, plans the first step (Will Fail when it is predicted to fail). Null when the client has nothing open or
 * already has an open set (the partial unique index decides a race).
 */
const startSetInTx = async (
  tx: Executor,
  input: {
    practiceId: string;
    clientId: string;
    ruleSetId: string;
    startedBy: "auto" | "manual";
    actor: Actor;
    now: Date;
  },
): Promise<string | null> => {
  const { practiceId, clientId, now } = input;
  const open = await runPrepared<{ id: string }>(
    tx,
    sql`SELECT id::text AS id FROM invoices
      WHERE practice_id = ${practiceId}::uuid AND client_id = ${clientId}::uuid AND status IN ('open','processed')
        AND client_cents > client_paid_cents + client_written_off_cents`,
  );
  if (open.length === 0) return null;
  const id = newId(now.getTime());
  const inserted = await insertOutreachSet(tx, {
    id,
    practiceId,
    clientId,
    ruleSetId: input.ruleSetId,
    status: "active",
    startedBy: input.startedBy,
    nextSendAt: null,
    willFailReasons: null,
    now,
  });
  if (!inserted) return null;
  await runPrepared(
    tx,
    sql`INSERT INTO outreach_set_invoices (practice_id, set_id, invoice_id, added_at)
      SELECT ${practiceId}::uuid, ${id}::uuid, u, ${now.toISOString()}::timestamptz
      FROM unnest(${pgArray(
        open.map((o) => o.id),
        "uuid",
      )}::uuid[]) AS u`,
  );
  const [facts] = await loadSetFacts(tx, practiceId, [id], true);
  const plan = planNextStep(facts!, 0, now);
  await writeSetSchedule(tx, { practiceId, setId: id, plan, now });
  await addOutreachEvent(tx, {
    practiceId,
    setId: id,
    at: now,
    kind: "started",
    actor: input.actor.label,
    details: { startedBy: input.startedBy, invoices: open.length, amountCents: facts!.amountCents },
  });
  if (plan.willFail.length > 0) {
    await moveOutreachSets(tx, {
      practiceId,
      moves: [{ id, to: "will_fail", reason: plan.willFail[0]!.code }],
      now,
      actor: input.actor,
    });
  }
  await recordAudit(tx, input.actor, "create", "outreach_set", id, now, { startedBy: input.startedBy });
  return id;
};

/** Starts a set by hand for a client with an open balance (CONFLICT when none is open or one is already open). */
export const startOutreachSet = async (
  database: Database,
  input: { actor: TenantActor; clientId: string; ruleSetId?: string | undefined; now: Date },
): Promise<string> =>
  database.db.transaction(async (tx) => {
    const { actor, now } = input;
    await lockClient(tx, actor.practiceId, input.clientId);
    const ruleSet = await findRuleSet(tx, actor.practiceId, input.ruleSetId);
    const [existing] = await tx
      .select({ id: tables.outreachSets.id })
      .from(tables.outreachSets)
      .where(
        and(
          eq(tables.outreachSets.practiceId, actor.practiceId),
          eq(tables.outreachSets.clientId, input.clientId),
          sql`${tables.outreachSets.status} IN ('active','paused','expired','failed','will_fail')`,
        ),
      );
    if (existing) {
      throw new DomainError("CONFLICT", "The patient already has an open invoice set", {
        reason: "SET_ALREADY_OPEN",
        setId: existing.id,
      });
    }
    const id = await startSetInTx(tx, {
      practiceId: actor.practiceId,
      clientId: input.clientId,
      ruleSetId: ruleSet.id,
      startedBy: "manual",
      actor,
      now,
    });
    if (!id) {
      throw new DomainError("CONFLICT", "The patient has no outstanding balance to invoice", {
        reason: "NOTHING_OUTSTANDING",
      });
    }
    return id;
  });

/**
 * Starts sets by themselves: every client whose oldest open client responsibility is at least the practice's
 * `startAfterDays` old (by invoice date, in the practice's zone) and who has no open set, with the default rule
 * set. Nothing when outreach is off or there is no default rule set. Safe to run twice (one open set per client).
 */
export const startDueOutreachSets = async (
  database: Database,
  practiceId: string,
  now: Date,
  limit = 1000,
): Promise<number> => {
  const settings = await loadOutreachSettings(database.db, practiceId);
  if (!settings.enabled) return 0;
  const [ruleSet] = await database.db
    .select({ id: tables.outreachRuleSets.id })
    .from(tables.outreachRuleSets)
    .where(
      and(eq(tables.outreachRuleSets.practiceId, practiceId), eq(tables.outreachRuleSets.isDefault, true)),
    );
  if (!ruleSet) return 0;
  const { today } = await practiceToday(database.db, practiceId, now);
  const due = await runPrepared<{ client_id: string }>(
    database.db,
    sql`SELECT i.client_id::text AS client_id FROM invoices i
      WHERE i.practice_id = ${practiceId}::uuid AND i.status IN ('open','processed')
        AND i.client_cents > i.client_paid_cents + i.client_written_off_cents
        AND i.invoice_date <= (${today}::date - ${settings.startAfterDays}::int)
        AND NOT EXISTS (SELECT 1 FROM outreach_sets s WHERE s.practice_id = i.practice_id
          AND s.client_id = i.client_id AND s.status IN ('active','paused','expired','failed','will_fail'))
        -- A charge a set has chased already (cancelled, sent to collections, …) starts nothing by itself.
        AND NOT EXISTS (SELECT 1 FROM outreach_set_invoices l WHERE l.practice_id = i.practice_id
          AND l.invoice_id = i.id)
      GROUP BY i.client_id ORDER BY i.client_id LIMIT ${limit}`,
  );
  const actor = systemActor(practiceId, "outreach");
  let started = 0;
  for (const { client_id } of due) {
    const id = await database.db.transaction((tx) =>
      startSetInTx(tx, {
        practiceId,
        clientId: client_id,
        ruleSetId: ruleSet.id,
        startedBy: "auto",
        actor,
        now,
      }),
    );
    if (id) started++;
  }
  return started;
};

export const assertSetInPractice = async (tx: Executor, practiceId: string, setId: string) => {
  const [row] = await tx
    .select({ id: tables.outreachSets.id })
    .from(tables.outreachSets)
    .where(and(eq(tables.outreachSets.practiceId, practiceId), eq(tables.outreachSets.id, setId)));
  if (!row) throw notFound("Invoice set");
};
