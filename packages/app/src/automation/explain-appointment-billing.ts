import {
  automationInfo,
  type BillingDecision,
  DomainError,
  decideAppointmentBillable,
  previousMonthRange,
  skipReasonFix,
} from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, desc, eq, inArray } from "drizzle-orm";
import { DateTime } from "luxon";
import type { z } from "zod";
import { findSessionInvoice } from "../appointments/session-invoice";
import { recordAudit } from "../audit/record-audit";
import { loadBillingContext } from "../billing/billing-context";
import { loadAppointmentFacts } from "../billing/load-appointment-facts";
import type { TenantActor } from "../resources/crud";
import type { billingExplanationSchema, billingStateSchema } from "./automation-schemas";
import { nextRun } from "./next-run";
import { practiceToday } from "./practice-today";

/** "Why not billed": today's reasons with their fixes, what the next run will do, and the record of past runs. */
export type BillingExplanation = z.output<typeof billingExplanationSchema>;

const when = (at: Date, zone: string) =>
  DateTime.fromJSDate(at, { zone }).toFormat("ccc d LLL yyyy 'at' HH:mm ZZZZ");

/** "Why wasn't this billed, and what will happen tonight?" — today's decision under today's settings, plus the record. */
export const explainAppointmentBilling = async (
  database: Database,
  { actor, appointmentId, now }: { actor: TenantActor; appointmentId: string; now: Date },
): Promise<BillingExplanation> => {
  const { timeZone, today } = await practiceToday(database.db, actor.practiceId, now);
  const [facts] = await loadAppointmentFacts(database.db, actor.practiceId, {
    appointmentIds: [appointmentId],
  });
  if (!facts) throw new DomainError("NOT_FOUND", "Appointment not found", { entity: "Appointment" });
  const ctx = await loadBillingContext(database.db, actor.practiceId, today);
  const decision: BillingDecision = decideAppointmentBillable(facts, ctx.eligibility);
  const billedRow = await findSessionInvoice(database.db, actor.practiceId, appointmentId);
  const history = await database.db
    .select()
    .from(tables.automationOutcomes)
    .where(
      and(
        eq(tables.automationOutcomes.practiceId, actor.practiceId),
        eq(tables.automationOutcomes.subjectId, appointmentId),
      ),
    )
    .orderBy(desc(tables.automationOutcomes.at))
    .limit(20);
  await recordAudit(database.db, actor, "read", "appointment_billing", appointmentId, now);

  const config = ctx.config;
  const creation = config.automations.invoice_creation;
  const next = nextRun(config, "invoice_creation", timeZone, now);
  const reasons = decision.billable ? [] : decision.reasons.filter((r) => r.code !== "ALREADY_INVOICED");
  let tonight: string;
  if (billedRow) tonight = `Nothing: it is already on invoice ${billedRow.number}.`;
  else if (facts.waiver)
    tonight = `Nothing, at any run: ${facts.waiver.by} waived it (${facts.waiver.reason}) when its invoice was voided.`;
  else if (!creation.enabled)
    tonight = `Nothing automatic: ${automationInfo.invoice_creation.title} is off. Enable it, or invoice the session by hand.`;
  else if (!next) tonight = "Nothing is scheduled.";
  else if (!decision.billable) {
    const fixes = reasons.map((r) => skipReasonFix[r.code]).filter((f): f is string => !!f);
    tonight = `It will not be invoiced at the next run (${when(next.scheduledAt, timeZone)}) unless you ${fixes.length ? fixes.join(", and ") : "resolve the reasons above"}.`;
  } else if (config.invoiceCreationMode === "monthly") {
    // A monthly run takes every uninvoiced session up to the end of the previous month (earlier months too).
    const coveredTo = previousMonthRange(next.localDate).to;
    tonight =
      facts.dateOfService <= coveredTo
        ? `It will be invoiced with the client's monthly invoice on ${when(next.scheduledAt, timeZone)}.`
        : `It will be invoiced with the monthly invoice after its month ends (the run on ${when(next.scheduledAt, timeZone)} covers sessions up to ${coveredTo}).`;
  } else {
    const pended = config.invoiceCreationMode === "manual" ? " as a Pended invoice for your review" : "";
    tonight = `It will be invoiced${pended} at the next run, ${when(next.scheduledAt, timeZone)}.`;
  }
  return {
    appointmentId,
    status: facts.status,
    dateOfService: facts.dateOfService,
    billed: billedRow ? { invoiceId: billedRow.invoiceId, invoiceNumber: billedRow.number } : null,
    reasons: reasons.map((r) => ({ ...r, fix: skipReasonFix[r.code] ?? null })),
    tonight,
    waiver: facts.waiver ?? null,
    canInvoiceNow: !billedRow && decideAppointmentBillable(facts, { ...ctx.eligibility, rules: [] }).billable,
    nextRunAt: next?.scheduledAt.toISOString() ?? null,
    history: history.map((h) => ({
      at: h.at.toISOString(),
      automation: h.automation,
      trigger: h.trigger,
      outcome: h.outcome,
      message: h.message,
      runId: h.runId,
    })),
  };
};

export type BillingState = z.output<typeof billingStateSchema>;

/** At most this many sessions a call: a list page or a calendar week. */
export const MAX_BILLING_STATES = 200;

/**
 * Many sessions' billing state at once (a list page, a calendar week): billed with its invoice, or why not, under
 * today's settings. One pass (facts, context and invoices each read once) instead of one explanation per row.
 * Sessions of other practices or that do not exist are left out.
 */
export const listBillingStates = async (
  database: Database,
  { actor, appointmentIds, now }: { actor: TenantActor; appointmentIds: readonly string[]; now: Date },
): Promise<BillingState[]> => {
  const ids = [...new Set(appointmentIds)];
  if (ids.length > MAX_BILLING_STATES)
    throw new DomainError("VALIDATION_FAILED", `At most ${MAX_BILLING_STATES} sessions at a time`);
  if (ids.length === 0) return [];
  const { today } = await practiceToday(database.db, actor.practiceId, now);
  const [facts, ctx, invoiced] = await Promise.all([
    loadAppointmentFacts(database.db, actor.practiceId, { appointmentIds: ids }),
    loadBillingContext(database.db, actor.practiceId, today),
    database.db
      .select({
        appointmentId: tables.appointmentInvoices.appointmentId,
        invoiceId: tables.invoices.id,
        invoiceNumber: tables.invoices.number,
      })
      .from(tables.appointmentInvoices)
      .innerJoin(
        tables.invoices,
        and(
          eq(tables.invoices.practiceId, tables.appointmentInvoices.practiceId),
          eq(tables.invoices.id, tables.appointmentInvoices.invoiceId),
        ),
      )
      .where(
        and(
          eq(tables.appointmentInvoices.practiceId, actor.practiceId),
          inArray(tables.appointmentInvoices.appointmentId, ids),
        ),
      ),
  ]);
  await recordAudit(database.db, actor, "list", "appointment_billing", null, now, { count: facts.length });
  const billed = new Map(invoiced.map((r) => [r.appointmentId, r]));
  return facts.map((f) => {
    const invoice = billed.get(f.appointmentId);
    if (invoice)
      return {
        appointmentId: f.appointmentId,
        billed: { invoiceId: invoice.invoiceId, invoiceNumber: invoice.invoiceNumber },
        reasons: [],
      };
    const decision = decideAppointmentBillable(f, ctx.eligibility);
    const reasons = decision.billable ? [] : decision.reasons.filter((r) => r.code !== "ALREADY_INVOICED");
    return {
      appointmentId: f.appointmentId,
      billed: null,
      reasons: reasons.map((r) => ({ code: r.code, message: r.message })),
    };
  });
};
