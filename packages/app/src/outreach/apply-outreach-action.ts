import {
  actionNotAllowed,
  DomainError,
  isOutreachActionAllowed,
  matchingStepIndex,
  notFound,
  type OutreachAction,
  type OutreachSetStatus,
} from "@billcycle/core";
import { type Database, type Executor, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { translateDbError } from "../db-errors";
import { loadClientInvoices, lockClient } from "../ledger/ledger-writes";
import { writeOffInvoice } from "../ledger/write-off-client-balance";
import type { TenantActor } from "../resources/crud";
import { loadSetViews } from "./list-outreach-sets";
import { loadSetFacts, planNextStep, settledStatus, writeSetSchedule } from "./outreach-facts";
import type { BulkOutreachResult, OutreachSetView } from "./outreach-schemas";
import { findRuleSet } from "./save-rule-set";
import { addOutreachEvent, moveOutreachSets } from "./write-outreach-status";

export type OutreachActionRequest = {
  action: OutreachAction;
  ruleSetId?: string | undefined;
  reason?: string | undefined;
  version?: number | undefined;
};

const TARGET: Partial<Record<OutreachAction, OutreachSetStatus>> = {
  write_off: "written_off",
  send_to_collections: "collections",
  pause: "paused",
  cancel: "cancelled",
};

/**
 * One action on one set, on the caller's transaction: the seed's availability is checked first
 * (ACTION_NOT_ALLOWED), then the status moves by the one writer. Write Off also writes the set's open balances off
 * in the ledger (one write-off per invoice, in this transaction). Resume and Change Rule Set plan the next step
 * again (Active, Will Fail or Expired).
 */
const applyInTx = async (
  tx: Executor,
  actor: TenantActor,
  setId: string,
  request: OutreachActionRequest,
  now: Date,
): Promise<void> => {
  const [facts] = await loadSetFacts(tx, actor.practiceId, [setId], true);
  if (!facts) throw notFound("Invoice set");
  if (request.version !== undefined) {
    const [row] = await tx
      .select({ version: tables.outreachSets.version })
      .from(tables.outreachSets)
      .where(and(eq(tables.outreachSets.practiceId, actor.practiceId), eq(tables.outreachSets.id, setId)));
    if (row && row.version !== request.version) {
      throw new DomainError("VERSION_CONFLICT", "The invoice set changed since it was read", {
        currentVersion: row.version,
      });
    }
  }
  const { action } = request;
  if (!isOutreachActionAllowed(action, facts.status)) throw actionNotAllowed(action, facts.status);
  const reason = request.reason ?? action;
  const target = TARGET[action];
  if (target) {
    await moveOutreachSets(tx, {
      practiceId: actor.practiceId,
      moves: [{ id: setId, to: target, reason, from: [facts.status] }],
      now,
      actor,
    });
    if (action === "write_off") await writeOffSetBalances(tx, actor, setId, facts.clientId, reason, now);
    await recordAudit(tx, actor, "update", "outreach_set", setId, now, { action });
    return;
  }
  if (action === "change_rule_set") {
    if (!request.ruleSetId) {
      throw new DomainError("VALIDATION_FAILED", "Change Rule Set needs the rule set to continue with", {
        field: "ruleSetId",
      });
    }
    const ruleSet = await findRuleSet(tx, actor.practiceId, request.ruleSetId);
    const stepIndex = matchingStepIndex(ruleSet.steps, facts.lastSentDay);
    const plan = planNextStep({ ...facts, steps: ruleSet.steps }, stepIndex, now);
    await writeSetSchedule(tx, {
      practiceId: actor.practiceId,
      setId,
      stepIndex,
      ruleSetId: ruleSet.id,
      plan: facts.status === "paused" ? { ...plan } : plan,
      now,
    });
    await addOutreachEvent(tx, {
      practiceId: actor.practiceId,
      setId,
      at: now,
      kind: "rule_set",
      actor: actor.label,
      details: { from: facts.ruleSetId, to: ruleSet.id, name: ruleSet.name, continuesAtStep: stepIndex },
    });
    const to = settledStatus(facts.status, plan, false);
    if (to)
      await moveOutreachSets(tx, { practiceId: actor.practiceId, moves: [{ id: setId, to }], now, actor });
  } else {
    // resume
    const plan = planNextStep(facts, facts.stepIndex, now);
    await writeSetSchedule(tx, { practiceId: actor.practiceId, setId, plan, now });
    const to: OutreachSetStatus =
      plan.nextSendAt === null ? "expired" : plan.willFail.length > 0 ? "will_fail" : "active";
    // Paused → Active first (the table's Resume), then the prediction.
    await moveOutreachSets(tx, {
      practiceId: actor.practiceId,
      moves: [{ id: setId, to: "active", reason, from: ["paused"] }],
      now,
      actor,
    });
    if (to !== "active")
      await moveOutreachSets(tx, { practiceId: actor.practiceId, moves: [{ id: setId, to }], now, actor });
  }
  await recordAudit(tx, actor, "update", "outreach_set", setId, now, { action });
};

const writeOffSetBalances = async (
  tx: Executor,
  actor: TenantActor,
  setId: string,
  clientId: string,
  reason: string,
  now: Date,
) => {
  await lockClient(tx, actor.practiceId, clientId);
  const linked = await tx
    .select({ invoiceId: tables.outreachSetInvoices.invoiceId })
    .from(tables.outreachSetInvoices)
    .where(
      and(
        eq(tables.outreachSetInvoices.practiceId, actor.practiceId),
        eq(tables.outreachSetInvoices.setId, setId),
      ),
    );
  const invoices = await loadClientInvoices(tx, {
    practiceId: actor.practiceId,
    clientId,
    lock: true,
    invoiceIds: linked.map((l) => l.invoiceId),
  });
  for (const invoice of invoices.filter((i) => i.openCents > 0)) {
    await writeOffInvoice(tx, {
      actor,
      clientId,
      invoice,
      kind: "write_off",
      amountCents: invoice.openCents,
      reason: `Outreach write-off: ${reason}`,
      now,
    });
  }
};

/** One action on one set (ACTION_NOT_ALLOWED for its status, nothing written); returns the set as it now is. */
export const applyOutreachAction = async (
  database: Database,
  input: { actor: TenantActor; setId: string; request: OutreachActionRequest; now: Date },
): Promise<OutreachSetView> => {
  try {
    return await database.db.transaction(async (tx) => {
      await applyInTx(tx, input.actor, input.setId, input.request, input.now);
      const [view] = await loadSetViews(tx, input.actor.practiceId, [input.setId]);
      return view!;
    });
  } catch (e) {
    throw translateDbError(e);
  }
};

/**
 * The same action on many sets: each in its own savepoint, so one refused set (not allowed for its status, gone,
 * changed) is skipped with its code and reason and the rest are done; all in one transaction.
 */
export const applyBulkOutreachAction = async (
  database: Database,
  input: {
    actor: TenantActor;
    setIds: readonly string[];
    request: Omit<OutreachActionRequest, "version">;
    now: Date;
  },
): Promise<BulkOutreachResult> => {
  const result: BulkOutreachResult = { done: 0, doneIds: [], skipped: [] };
  const ids = [...new Set(input.setIds)];
  if (input.request.action === "change_rule_set") {
    // Checked once: a missing rule set refuses the whole request rather than skipping every set.
    await findRuleSet(database.db, input.actor.practiceId, input.request.ruleSetId ?? "");
  }
  await database.db.transaction(async (tx) => {
    for (const id of ids) {
      try {
        await tx.transaction((sp) => applyInTx(sp, input.actor, id, input.request, input.now));
        result.done++;
        result.doneIds.push(id);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        result.skipped.push({ setId: id, code: e.code, reason: e.message });
      }
    }
  });
  return result;
};
