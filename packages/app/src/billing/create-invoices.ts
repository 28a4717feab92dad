import {
  type AppointmentBillingFacts,
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
import { outcomesInsert } from "../automation/record-outcomes";
import { issueInvoicesToLedger } from "../ledger/ledger-writes";
import { scheduleInvoiceShares } from "../sharing/schedule-document-share";
import { reserveNumbersStatement } from "./allocate-numbers";
import { type BatchSizer, batchSizer, letRequestsIn } from "./batching";
import { type BillingContext, loadBillingContext } from "./billing-context";
import { loadAppointmentFacts } from "./load-appointment-facts";
import {
  assignInvoices,
  type BillableSession,
  decideSessions,
  type InvoicePlan,
  keepUnchanged,
  planInvoices,
} from "./plan-invoices";

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
  /** A fixed size, or a sizer (tests); by default batchSizer's. */
  batchSize?: number | BatchSizer;
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
  // Monthly invoices need every session of the month at once: one batch.
  const sizer = monthly || input.batchSize === 0 ? null : batchSizer(database, input.batchSize);
  const totals: CreateInvoicesResult = { considered: 0, invoiced: 0, skipped: 0, invoices: 0 };
  const load = (afterId: string | undefined, limit: number | undefined) =>
    loadAppointmentFacts(database.db, input.practiceId, {
      appointmentIds: input.appointmentIds,
      statuses: COMPLETED,
      onlyUninvoiced: true,
      dosFrom,
      dosTo,
      afterId,
      limit,
    });
  let limit = sizer?.size;
  let next = load(undefined, limit);
  for (;;) {
    const batchStart = performance.now();
    const facts = await next;
    if (facts.length === 0) break;
    const more = limit !== undefined && facts.length >= limit;
    // The next batch (the sessions after this one's last, so none of this one's) loads while this one is written.
    if (more) {
      limit = sizer?.size;
      next = load(facts.at(-1)?.appointmentId, limit);
      next.catch(() => undefined);
    }
    const txStart = performance.now();
    const result = await database.db.transaction((tx) =>
      writeBatch(tx, ctx, input, mode, monthly, facts, now),
    );
    sizer?.record(performance.now() - txStart);
    totals.considered += facts.length;
    totals.invoiced += result.invoiced;
    totals.skipped += result.skipped;
    totals.invoices += result.invoices;
    if (!more) break;
    await letRequestsIn(database, performance.now() - batchStart);
  }
  return totals;
};

/**
 * One batch in its transaction: decide (plan-invoices.ts), lock the sessions and keep those still as read, claim
 * them and reserve their numbers (one statement), plan the invoices, then write the plan in one statement (one
 * INSERT … SELECT FROM unnest per table) and issue Open invoices to the ledger and their shares.
 */
const writeBatch = async (
  tx: Executor,
  ctx: BillingContext,
  input: CreateInvoicesInput,
  mode: InvoiceCreationMode,
  monthly: boolean,
  facts: AppointmentBillingFacts[],
  now: Date,
): Promise<{ invoiced: number; skipped: number; invoices: number }> => {
  const decided = decideSessions(facts, ctx.eligibility);
  // The facts were read before this transaction: lock the sessions about to be billed (FOR SHARE, so a status
  // change or an edit now waits for this transaction to end) and bill only those still as they were read.
  const unchanged = keepUnchanged(
    decided.billable,
    await unchangedSessions(tx, ctx.practiceId, decided.billable),
  );
  const billable = unchanged.billable;
  const invoiceIds = assignInvoices(billable, monthly, () => newId(now.getTime()));

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
        invoiceIds,
        now,
      ),
    );
    for (const r of rows) claimed.add(r.appointment_id);
    const first = rows[0];
    if (first) firstNumber = Number(first.last) - Number(first.count) + 1;
  }

  const plan = planInvoices({
    billable,
    invoiceIds,
    claimed,
    firstNumber,
    mode,
    trigger: input.trigger,
    byUser: input.byUser,
    newId: () => newId(now.getTime()),
  });
  const outcomes = [...decided.outcomes, ...unchanged.outcomes, ...plan.outcomes];
  const statements = invoicePlanStatements(ctx.practiceId, input, plan, now);
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
  const created = plan.invoices.map((i) => i.id);
  // Issued (Open) at once: the client's share enters the ledger and takes any credit on account.
  if (created.length > 0 && plan.status === "open") {
    await issueInvoicesToLedger(tx, {
      practiceId: ctx.practiceId,
      now,
      invoiceIds: created,
      actor: plan.actor,
    });
  }
  // Bills created Open are issued: their shares are scheduled in this transaction, one INSERT … SELECT per batch.
  if (created.length > 0 && mode !== "manual") {
    await scheduleInvoiceShares(tx, { practiceId: ctx.practiceId, invoiceIds: created, now, created: true });
  }
  const invoiced = outcomes.filter((o) => o.outcome === "done").length;
  return { invoiced, skipped: outcomes.length - invoiced, invoices: created.length };
};

/** Column `key` of `rows`, as bulkInsert takes it. */
const column = <R, K extends keyof R>(rows: readonly R[], key: K): Array<R[K]> => rows.map((r) => r[key]);

/** An invoice plan as statements to run as one: invoices, their lines, status history and audit rows. */
const invoicePlanStatements = (
  practiceId: string,
  input: Pick<CreateInvoicesInput, "today" | "runId" | "trigger" | "byUser">,
  plan: InvoicePlan,
  now: Date,
): SQL[] => {
  const { invoices, lines, status, actor } = plan;
  if (invoices.length === 0) return [];
  return [
    bulkInsert(tables.invoices, {
      id: column(invoices, "id"),
      practiceId: everyRow(practiceId),
      number: column(invoices, "number"),
      clientId: column(invoices, "clientId"),
      status: everyRow(status),
      paysBy: column(invoices, "paysBy"),
      invoiceDate: everyRow(input.today),
      totalCents: column(invoices, "totalCents"),
      insuranceCents: column(invoices, "insuranceCents"),
      clientCents: column(invoices, "clientCents"),
      primaryPolicyId: column(invoices, "primaryPolicyId"),
      source: everyRow(plan.source),
      runId: everyRow(input.runId),
      createdAt: everyRow(now),
      updatedAt: everyRow(now),
    }),
    bulkInsert(tables.invoiceLines, {
      id: column(lines, "id"),
      practiceId: everyRow(practiceId),
      invoiceId: column(lines, "invoiceId"),
      position: column(lines, "position"),
      kind: column(lines, "kind"),
      appointmentId: column(lines, "appointmentId"),
      serviceId: column(lines, "serviceId"),
      code: column(lines, "code"),
      description: column(lines, "description"),
      dateOfService: column(lines, "dateOfService"),
      units: column(lines, "units"),
      unitFeeCents: column(lines, "unitFeeCents"),
      amountCents: column(lines, "amountCents"),
      modifiers: column(lines, "modifiers"),
      diagnosisPointers: column(lines, "diagnosisPointers"),
      diagnosisCodes: column(lines, "diagnosisCodes"),
      insuranceEligible: column(lines, "insuranceEligible"),
      createdAt: everyRow(now),
      createdBy: everyRow(actor),
    }),
    bulkInsert(tables.invoiceStatusHistory, {
      id: invoices.map(() => newId(now.getTime())),
      practiceId: everyRow(practiceId),
      invoiceId: column(invoices, "id"),
      fromStatus: everyRow(null),
      toStatus: everyRow(status),
      at: everyRow(now),
      actor: everyRow(actor),
      cause: everyRow(input.runId ? `run:${input.runId}` : input.trigger),
    }),
    bulkInsert(tables.auditLog, {
      practiceId: everyRow(practiceId),
      userId: everyRow(input.byUser?.userId ?? null),
      actor: everyRow(actor),
      action: everyRow("create"),
      entity: everyRow("invoice"),
      entityId: column(invoices, "id"),
      at: everyRow(now),
      details: invoices.map((i) => ({ number: i.number, appointments: i.appointments })),
    }),
  ];
};

/**
 * The sessions of `billable` whose row is still at the version their facts were read at, locked FOR SHARE until the
 * transaction ends. Every change of an appointment (status, times, client, services) bumps its version.
 */
const unchangedSessions = async (
  tx: Executor,
  practiceId: string,
  billable: readonly BillableSession[],
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
