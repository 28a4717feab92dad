import {
  type AppointmentBillingFacts,
  type BillableDecision,
  decideAppointmentBillable,
  type InvoiceCreationMode,
  type LocalDate,
  previousMonthRange,
} from "@billcycle/core";
import { type Database, type Executor, newId, tables } from "@billcycle/db";
import { type OutcomeInput, recordOutcomes } from "../automation/record-outcomes";
import { allocateNumbers } from "./allocate-numbers";
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
};

export type CreateInvoicesResult = {
  considered: number;
  invoiced: number;
  skipped: number;
  invoices: number;
};

type Billable = { facts: AppointmentBillingFacts; decision: BillableDecision };

export const COMPLETED = ["kept", "no_show", "late_cancel"] as const;

/** The dates of service a creation run looks at: up to today, or the previous month on a monthly run; never before the start date. */
export const creationWindow = (
  ctx: BillingContext,
  today: LocalDate,
  monthly: boolean,
): { dosFrom: LocalDate | null; dosTo: LocalDate } => {
  const startDate = ctx.eligibility.startDate;
  if (!monthly) return { dosFrom: startDate, dosTo: today };
  const range = previousMonthRange(today);
  return { dosFrom: startDate && startDate > range.from ? startDate : range.from, dosTo: range.to };
};

/**
 * Invoice Creation. Candidates are completed, uninvoiced sessions up to `today` (the previous month on a monthly
 * run). Each is decided in memory; billable ones are claimed through appointment_invoices (primary key on the
 * appointment, written in the same transaction as the invoice), so concurrent workers, a retried job or the
 * on-Kept path racing the nightly run can never invoice a session twice. Every candidate's outcome is recorded.
 */
export const createInvoices = async (
  database: Database,
  input: CreateInvoicesInput,
  now: Date,
): Promise<CreateInvoicesResult> => {
  const ctx = await loadBillingContext(database.db, input.practiceId, input.today);
  const mode = input.mode ?? ctx.config.invoiceCreationMode;
  const monthly = mode === "monthly" && !input.appointmentIds;
  const { dosFrom, dosTo } = creationWindow(ctx, input.today, monthly);
  const batchSize = monthly ? 0 : (input.batchSize ?? 1000);
  const totals: CreateInvoicesResult = { considered: 0, invoiced: 0, skipped: 0, invoices: 0 };
  let afterId: string | undefined;
  for (;;) {
    const facts = await loadAppointmentFacts(database.db, input.practiceId, {
      appointmentIds: input.appointmentIds,
      statuses: COMPLETED,
      onlyUninvoiced: true,
      dosFrom,
      dosTo,
      afterId,
      limit: batchSize || undefined,
    });
    if (facts.length === 0) break;
    const result = await database.db.transaction((tx) =>
      writeBatch(tx, ctx, input, mode, monthly, facts, now),
    );
    totals.considered += facts.length;
    totals.invoiced += result.invoiced;
    totals.skipped += result.skipped;
    totals.invoices += result.invoices;
    if (!batchSize || facts.length < batchSize) break;
    afterId = facts.at(-1)?.appointmentId;
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

  // One invoice per session, or per client for the month.
  const invoiceIdByKey = new Map<string, string>();
  const invoiceKey = (b: Billable) => (monthly ? b.facts.clientId : b.facts.appointmentId);
  for (const b of billable)
    if (!invoiceIdByKey.has(invoiceKey(b))) invoiceIdByKey.set(invoiceKey(b), newId(now.getTime()));

  const claimed = new Set<string>();
  for (let i = 0; i < billable.length; i += 1000) {
    const chunk = billable.slice(i, i + 1000);
    if (chunk.length === 0) continue;
    const rows = await tx
      .insert(tables.appointmentInvoices)
      .values(
        chunk.map((b) => ({
          appointmentId: b.facts.appointmentId,
          practiceId: ctx.practiceId,
          invoiceId: invoiceIdByKey.get(invoiceKey(b))!,
          createdAt: now,
        })),
      )
      .onConflictDoNothing({ target: tables.appointmentInvoices.appointmentId })
      .returning({ appointmentId: tables.appointmentInvoices.appointmentId });
    for (const r of rows) claimed.add(r.appointmentId);
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

  if (groups.size > 0) {
    const first = await allocateNumbers(tx, ctx.practiceId, "invoice", groups.size);
    const status = mode === "manual" ? "pended" : "open";
    const source = input.trigger === "on_kept" ? "on_kept" : mode === "on_kept" ? "nightly" : mode;
    const actor = input.trigger === "on_kept" ? "system:on_kept" : "system:invoice_creation";
    const invoiceRows: Array<typeof tables.invoices.$inferInsert> = [];
    const lineRows: Array<typeof tables.invoiceLines.$inferInsert> = [];
    const historyRows: Array<typeof tables.invoiceStatusHistory.$inferInsert> = [];
    const auditRows: Array<typeof tables.auditLog.$inferInsert> = [];
    let n = first;
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
        for (const line of m.decision.lines) {
          lineRows.push({
            id: newId(now.getTime()),
            practiceId: ctx.practiceId,
            invoiceId,
            position: position++,
            kind: line.kind,
            appointmentId: m.facts.appointmentId,
            serviceId: line.serviceId,
            code: line.code,
            description: line.description,
            dateOfService: m.facts.dateOfService,
            units: line.units,
            unitFeeCents: line.unitFeeCents,
            amountCents: line.amountCents,
            modifiers: line.modifiers,
            diagnosisPointers: line.diagnosisPointers,
            diagnosisCodes: line.diagnosisPointers.length ? m.facts.diagnosisCodes.slice(0, 4) : [],
            insuranceEligible: line.insuranceEligible,
            createdAt: now,
            createdBy: actor,
          });
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
      invoiceRows.push({
        id: invoiceId,
        practiceId: ctx.practiceId,
        number,
        clientId: head.clientId,
        status,
        paysBy: head.clientPaysBy,
        invoiceDate: input.today,
        totalCents: total,
        insuranceCents: insurance,
        clientCents: total - insurance,
        primaryPolicyId,
        source,
        runId: input.runId,
        createdAt: now,
        updatedAt: now,
      });
      historyRows.push({
        id: newId(now.getTime()),
        practiceId: ctx.practiceId,
        invoiceId,
        fromStatus: null,
        toStatus: status,
        at: now,
        actor,
        cause: input.runId ? `run:${input.runId}` : input.trigger,
      });
      auditRows.push({
        practiceId: ctx.practiceId,
        userId: null,
        actor,
        action: "create",
        entity: "invoice",
        entityId: invoiceId,
        at: now,
        details: { number, appointments: members.length },
      });
    }
    for (let i = 0; i < invoiceRows.length; i += 500)
      await tx.insert(tables.invoices).values(invoiceRows.slice(i, i + 500));
    for (let i = 0; i < lineRows.length; i += 500)
      await tx.insert(tables.invoiceLines).values(lineRows.slice(i, i + 500));
    for (let i = 0; i < historyRows.length; i += 1000)
      await tx.insert(tables.invoiceStatusHistory).values(historyRows.slice(i, i + 1000));
    for (let i = 0; i < auditRows.length; i += 1000)
      await tx.insert(tables.auditLog).values(auditRows.slice(i, i + 1000));
  }

  await recordOutcomes(
    tx,
    {
      practiceId: ctx.practiceId,
      runId: input.runId,
      automation: "invoice_creation",
      trigger: input.trigger,
      at: now,
    },
    outcomes,
  );
  const invoiced = outcomes.filter((o) => o.outcome === "done").length;
  return { invoiced, skipped: outcomes.length - invoiced, invoices: groups.size };
};
