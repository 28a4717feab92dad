import {
  type AppointmentBillingFacts,
  type BillableDecision,
  decideAppointmentBillable,
  type InvoiceCreationMode,
  type LocalDate,
  previousMonthRange,
} from "@billcycle/core";
import {
  bulkInsert,
  type Database,
  type Executor,
  everyRow,
  newId,
  oneStatement,
  pgArray,
  runPrepared,
  tables,
} from "@billcycle/db";
import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../auth/actor";
import { type OutcomeInput, outcomesInsert } from "../automation/record-outcomes";
import { issueInvoicesToLedger } from "../ledger/ledger-writes";
import { scheduleInvoiceShares } from "../sharing/schedule-document-share";
import { reserveNumbersStatement } from "./allocate-numbers";
import { letRequestsIn, nightlyBatchSize } from "./batching";
import { type BillingContext, loadBillingContext } from "./billing-context";
import { loadAppointmentFacts } from "./load-appointment-facts";

export type CreateInvoicesInput = {
  practiceId: string;
  trigger: "schedule" | "manual" | "on_kept";
  runId: string | null;
  /** The practice-local date the run is for. */
  today: LocalDate;
  /** Only these appointments (the on-Kept path); otherwise every candidate. */
  appointmentIds?: readonly string[];
  /** Overrides the configured mode (the on-Kept path always bills one session now). */
  mode?: InvoiceCreationMode;
  batchSize?: number;
  /** False when a person invoices a session by hand: exclusion rules hold work for review, they do not forbid it. */
  applyExclusionRules?: boolean;
  /** The person invoicing by hand, for the audit trail and histories; otherwise the automation is the actor. */
  byUser?: Pick<Actor, "userId" | "label">;
};

export type CreateInvoicesResult = {
  considered: number;
  invoiced: number;
  skipped: number;
  invoices: number;
};

type Billable = { facts: AppointmentBillingFacts; decision: BillableDecision };

export const COMPLETED = ["kept", "no_show", "late_cancel"] as const;

/**
 * The dates of service a creation run looks at: up to today, or up to the end of the previous month on a monthly
 * run; never before the start date. A monthly run also takes sessions of earlier months that are still not
 * invoiced (marked Kept late, a note signed after their month's run): otherwise no later run would ever bill them.
 */
export const creationWindow = (
  ctx: BillingContext,
  today: LocalDate,
  monthly: boolean,
): { dosFrom: LocalDate | null; dosTo: LocalDate } => {
  const startDate = ctx.eligibility.startDate;
  return { dosFrom: startDate, dosTo: monthly ? previousMonthRange(today).to : today };
};

/**
 * Invoice Creation. Candidates are completed, uninvoiced sessions up to `today` (up to the end of the previous month
 * on a monthly run). Each is decided in memory; billable ones are claimed through appointment_invoices (primary key on the
 * appointment, written in the same transaction as the invoice), so concurrent workers, a retried job or the
 * on-Kept path racing the nightly run can never invoice a session twice. Every candidate's outcome is recorded.
 */
export const createInvoices = async (
  database: Database,
  input: CreateInvoicesInput,
  now: Date,
): Promise<CreateInvoicesResult> => {
  const loaded = await loadBillingContext(database.db, input.practiceId, input.today);
  const ctx =
    input.applyExclusionRules === false
      ? { ...loaded, eligibility: { ...loaded.eligibility, rules: [] } }
      : loaded;
  const mode = input.mode ?? ctx.config.invoiceCreationMode;
  const monthly = mode === "monthly" && !input.appointmentIds;
  const { dosFrom, dosTo } = creationWindow(ctx, input.today, monthly);
  const batchSize = monthly ? 0 : (input.batchSize ?? nightlyBatchSize(database));
  const totals: CreateInvoicesResult = { considered: 0, invoiced: 0, skipped: 0, invoices: 0 };
  const load = (afterId: string | undefined) =>
    loadAppointmentFacts(database.db, input.practiceId, {
      appointmentIds: input.appointmentIds,
      statuses: COMPLETED,
      onlyUninvoiced: true,
      dosFrom,
      dosTo,
      afterId,
      limit: batchSize || undefined,
    });
  let next = load(undefined);
  for (;;) {
    const batchStart = performance.now();
    const facts = await next;
    if (facts.length === 0) break;
    const more = batchSize > 0 && facts.length >= batchSize;
    // The next batch (the sessions after this one's last, so none of this one's) loads while this one is written.
    if (more) {
      next = load(facts.at(-1)?.appointmentId);
      next.catch(() => undefined);
    }
    const result = await database.db.transaction((tx) =>
      writeBatch(tx, ctx, input, mode, monthly, facts, now),
    );
    totals.considered += facts.length;
    totals.invoiced += result.invoiced;
    totals.skipped += result.skipped;
    totals.invoices += result.invoices;
    if (!more) break;
    await letRequestsIn(database, performance.now() - batchStart);
  }
  return totals;
};

const writeBatch = async (
  tx: Executor,
  ctx: BillingContext,
  input: CreateInvoicesInput,
  mode: InvoiceCreationMode,
  monthly: boolean,
  facts: AppointmentBillingFacts[],
  now: Date,
): Promise<{ invoiced: number; skipped: number; invoices: number }> => {
  const outcomes: OutcomeInput[] = [];
  const billable: Billable[] = [];
  for (const f of facts) {
    const decision = decideAppointmentBillable(f, ctx.eligibility);
    if (decision.billable) billable.push({ facts: f, decision });
    else {
      outcomes.push({
        subjectType: "appointment",
        subjectId: f.appointmentId,
        outcome: "skipped",
        reasons: decision.reasons,
        message: decision.reasons.map((r) => r.message).join("; "),
      });
    }
  }

  // The facts were read before this transaction: lock the sessions about to be billed (FOR SHARE, so a status
  // change or an edit now waits for this transaction to end) and bill only those still as they were read. One
  // reopened, canceled or edited in between is left out with its reason; the next run sees it as it is.
  const unchanged = await unchangedSessions(tx, ctx.practiceId, billable);
  for (let i = billable.length - 1; i >= 0; i--) {
    const b = billable[i]!;
    if (unchanged.has(b.facts.appointmentId)) continue;
    billable.splice(i, 1);
    const message = "changed while it was being invoiced; the next run takes it as it is now";
    outcomes.push({
      subjectType: "appointment",
      subjectId: b.facts.appointmentId,
      outcome: "skipped",
      reasons: [{ code: "CHANGED_DURING_RUN", message }],
      message,
    });
  }

  // One invoice per session, or on a monthly run per client and primary policy: sessions of one month can fall on
  // both sides of a change of insurance, and an invoice (and the claim made from it) goes to one payer.
  const invoiceIdByKey = new Map<string, string>();
  const invoiceKey = (b: Billable) =>
    monthly ? `${b.facts.clientId}:${b.decision.primaryPolicy?.policyId ?? "none"}` : b.facts.appointmentId;
  for (const b of billable)
    if (!invoiceIdByKey.has(invoiceKey(b))) invoiceIdByKey.set(invoiceKey(b), newId(now.getTime()));

  // Claim the sessions (the exactly-once key) and, for the invoices that got at least one, reserve that many
  // consecutive numbers: one statement. The counter row stays locked until commit, so numbers are gap-free.
  const claimed = new Set<string>();
  let firstNumber = 0;
  if (billable.length > 0) {
    const rows = await runPrepared<{
      appointment_id: string;
      last: string | number | null;
      count: string | number;
    }>(
      tx,
      claimAndNumber(
        ctx.practiceId,
        billable.map((b) => b.facts.appointmentId),
        billable.map((b) => invoiceIdByKey.get(invoiceKey(b))!),
        now,
      ),
    );
    for (const r of rows) claimed.add(r.appointment_id);
    const first = rows[0];
    if (first) firstNumber = Number(first.last) - Number(first.count) + 1;
  }

  const groups = new Map<string, Billable[]>();
  for (const b of billable) {
    if (!claimed.has(b.facts.appointmentId)) {
      outcomes.push({
        subjectType: "appointment",
        subjectId: b.facts.appointmentId,
        outcome: "skipped",
        reasons: [{ code: "ALREADY_INVOICED", message: "already invoiced by a concurrent run" }],
        message: "already invoiced by a concurrent run",
      });
      continue;
    }
    const id = invoiceIdByKey.get(invoiceKey(b))!;
    const list = groups.get(id);
    if (list) list.push(b);
    else groups.set(id, [b]);
  }

  // Invoices, lines, status history, audit rows and outcomes: one statement, one parameter per column.
  const statements: SQL[] = [];
  let issued: { invoiceIds: string[]; actor: string } | null = null;
  if (groups.size > 0) {
    const status = mode === "manual" ? "pended" : "open";
    const source = input.byUser
      ? "user"
      : input.trigger === "on_kept"
        ? "on_kept"
        : mode === "on_kept"
          ? "nightly"
          : mode;
    const actor =
      input.byUser?.label ?? (input.trigger === "on_kept" ? "system:on_kept" : "system:invoice_creation");
    const inv = {
      id: [] as string[],
      number: [] as string[],
      clientId: [] as string[],
      paysBy: [] as string[],
      total: [] as number[],
      insurance: [] as number[],
      client: [] as number[],
      policy: [] as Array<string | null>,
    };
    const line = {
      id: [] as string[],
      invoiceId: [] as string[],
      position: [] as number[],
      kind: [] as string[],
      appointmentId: [] as string[],
      serviceId: [] as Array<string | null>,
      code: [] as string[],
      description: [] as string[],
      dateOfService: [] as string[],
      units: [] as number[],
      unitFee: [] as number[],
      amount: [] as number[],
      modifiers: [] as string[][],
      pointers: [] as number[][],
      diagnoses: [] as string[][],
      eligible: [] as boolean[],
    };
    const historyIds: string[] = [];
    const auditDetails: Array<{ number: string; appointments: number }> = [];
    let n = firstNumber;
    for (const [invoiceId, members] of groups) {
      const number = `INV-${n++}`;
      let total = 0;
      let insurance = 0;
      let position = 0;
      const primaryPolicyId =
        members.find((m) => m.decision.primaryPolicy)?.decision.primaryPolicy?.policyId ?? null;
      for (const m of members) {
        total += m.decision.totalCents;
        insurance += m.decision.insuranceCents;
        for (const l of m.decision.lines) {
          line.id.push(newId(now.getTime()));
          line.invoiceId.push(invoiceId);
          line.position.push(position++);
          line.kind.push(l.kind);
          line.appointmentId.push(m.facts.appointmentId);
          line.serviceId.push(l.serviceId);
          line.code.push(l.code);
          line.description.push(l.description);
          line.dateOfService.push(m.facts.dateOfService);
          line.units.push(l.units);
          line.unitFee.push(l.unitFeeCents);
          line.amount.push(l.amountCents);
          line.modifiers.push(l.modifiers);
          line.pointers.push(l.diagnosisPointers);
          line.diagnoses.push(l.diagnosisPointers.length ? m.facts.diagnosisCodes.slice(0, 4) : []);
          line.eligible.push(l.insuranceEligible);
        }
        outcomes.push({
          subjectType: "appointment",
          subjectId: m.facts.appointmentId,
          outcome: "done",
          reasons: [],
          message: `invoiced on ${number}`,
          relatedId: invoiceId,
        });
      }
      const head = members[0]!.facts;
      inv.id.push(invoiceId);
      inv.number.push(number);
      inv.clientId.push(head.clientId);
      inv.paysBy.push(head.clientPaysBy);
      inv.total.push(total);
      inv.insurance.push(insurance);
      inv.client.push(total - insurance);
      inv.policy.push(primaryPolicyId);
      historyIds.push(newId(now.getTime()));
      auditDetails.push({ number, appointments: members.length });
    }
    if (status === "open") issued = { invoiceIds: inv.id, actor };
    statements.push(
      bulkInsert(tables.invoices, {
        id: inv.id,
        practiceId: everyRow(ctx.practiceId),
        number: inv.number,
        clientId: inv.clientId,
        status: everyRow(status),
        paysBy: inv.paysBy,
        invoiceDate: everyRow(input.today),
        totalCents: inv.total,
        insuranceCents: inv.insurance,
        clientCents: inv.client,
        primaryPolicyId: inv.policy,
        source: everyRow(source),
        runId: everyRow(input.runId),
        createdAt: everyRow(now),
        updatedAt: everyRow(now),
      }),
      bulkInsert(tables.invoiceLines, {
        id: line.id,
        practiceId: everyRow(ctx.practiceId),
        invoiceId: line.invoiceId,
        position: line.position,
        kind: line.kind,
        appointmentId: line.appointmentId,
        serviceId: line.serviceId,
        code: line.code,
        description: line.description,
        dateOfService: line.dateOfService,
        units: line.units,
        unitFeeCents: line.unitFee,
        amountCents: line.amount,
        modifiers: line.modifiers,
        diagnosisPointers: line.pointers,
        diagnosisCodes: line.diagnoses,
        insuranceEligible: line.eligible,
        createdAt: everyRow(now),
        createdBy: everyRow(actor),
      }),
      bulkInsert(tables.invoiceStatusHistory, {
        id: historyIds,
        practiceId: everyRow(ctx.practiceId),
        invoiceId: inv.id,
        fromStatus: everyRow(null),
        toStatus: everyRow(status),
        at: everyRow(now),
        actor: everyRow(actor),
        cause: everyRow(input.runId ? `run:${input.runId}` : input.trigger),
      }),
      bulkInsert(tables.auditLog, {
        practiceId: everyRow(ctx.practiceId),
        userId: everyRow(input.byUser?.userId ?? null),
        actor: everyRow(actor),
        action: everyRow("create"),
        entity: everyRow("invoice"),
        entityId: inv.id,
        at: everyRow(now),
        details: auditDetails,
      }),
    );
  }

  const recorded = outcomesInsert(
    {
      practiceId: ctx.practiceId,
      runId: input.runId,
      automation: "invoice_creation",
      trigger: input.trigger,
      at: now,
    },
    outcomes,
  );
  if (recorded) statements.push(recorded);
  if (statements.length > 0) await runPrepared(tx, oneStatement(statements));
  // Issued (Open) at once: the client's share enters the ledger and takes any credit on account.
  if (issued) await issueInvoicesToLedger(tx, { practiceId: ctx.practiceId, now, ...issued });
  // Bills created Open are issued: their shares are scheduled in this transaction, one INSERT … SELECT per batch.
  if (groups.size > 0 && mode !== "manual") {
    await scheduleInvoiceShares(tx, { practiceId: ctx.practiceId, invoiceIds: [...groups.keys()], now });
  }
  const invoiced = outcomes.filter((o) => o.outcome === "done").length;
  return { invoiced, skipped: outcomes.length - invoiced, invoices: groups.size };
};

/**
 * The sessions of `billable` whose row is still at the version their facts were read at, locked FOR SHARE until the
 * transaction ends. Every change of an appointment (status, times, client, services) bumps its version.
 */
const unchangedSessions = async (
  tx: Executor,
  practiceId: string,
  billable: Billable[],
): Promise<Set<string>> => {
  if (billable.length === 0) return new Set();
  const rows = await runPrepared<{ id: string; version: number }>(
    tx,
    sql`SELECT id::text AS id, version FROM appointments
      WHERE practice_id = ${practiceId}::uuid
        AND id = ANY(${pgArray(
          billable.map((b) => b.facts.appointmentId),
          "uuid",
        )}::uuid[])
      ORDER BY id FOR SHARE`,
  );
  const read = new Map(billable.map((b) => [b.facts.appointmentId, b.facts.version]));
  return new Set(rows.filter((r) => Number(r.version) === read.get(r.id)).map((r) => r.id));
};

/**
 * Claims the sessions for their invoices (appointment_invoices, primary key on the session: a session another
 * transaction claimed is left out) and reserves one invoice number per invoice that got at least one session,
 * in one statement. Returns the claimed sessions, each with the last number reserved and how many.
 */
const claimAndNumber = (
  practiceId: string,
  appointmentIds: readonly string[],
  invoiceIds: readonly string[],
  now: Date,
): SQL => sql`
  WITH claimed AS (${bulkInsert(
    tables.appointmentInvoices,
    {
      appointmentId: appointmentIds,
      practiceId: everyRow(practiceId),
      invoiceId: invoiceIds,
      createdAt: everyRow(now),
    },
    sql`ON CONFLICT (appointment_id) DO NOTHING RETURNING appointment_id, invoice_id`,
  )}),
  counted AS (SELECT count(DISTINCT invoice_id) AS n FROM claimed),
  numbered AS (${reserveNumbersStatement(practiceId, "invoice", sql`(SELECT n FROM counted)`)})
  SELECT claimed.appointment_id::text AS appointment_id, (SELECT value FROM numbered) AS last,
    (SELECT n FROM counted) AS count
  FROM claimed`;
