import { DomainError, decideAppointmentBillable, notFound, skipReasonFix } from "@billcycle/core";
import type { Database } from "@billcycle/db";
import { findSessionInvoice } from "../appointments/session-invoice";
import { practiceToday } from "../automation/practice-today";
import type { TenantActor } from "../resources/crud";
import { loadBillingContext } from "./billing-context";
import { createInvoices } from "./create-invoices";
import { loadAppointmentFacts } from "./load-appointment-facts";

export type InvoicedSession = { appointmentId: string; invoiceId: string; invoiceNumber: string };

/**
 * Invoices one session by hand, now: the fix "why not billed" suggests once the reasons are resolved, so a
 * session fixed after the nightly run is billed the same minute. The same rules and keys as the nightly run
 * (a session is never on two invoices), except that exclusion rules, which hold work for a person's review,
 * do not stop a person. The practice's mode still applies: in manual mode the invoice is Pended for review.
 * Refused with NOT_BILLABLE and the reasons (each with its fix) when the billing rules say no.
 */
export const invoiceSessionNow = async (
  database: Database,
  { actor, appointmentId, now }: { actor: TenantActor; appointmentId: string; now: Date },
): Promise<InvoicedSession> => {
  const { today } = await practiceToday(database.db, actor.practiceId, now);
  const [facts] = await loadAppointmentFacts(database.db, actor.practiceId, {
    appointmentIds: [appointmentId],
  });
  if (!facts) throw notFound("Appointment");
  const already = await findSessionInvoice(database.db, actor.practiceId, appointmentId);
  if (already) {
    throw new DomainError("CONFLICT", `The session is already on invoice ${already.number}`, {
      invoiceId: already.invoiceId,
      invoiceNumber: already.number,
    });
  }
  const ctx = await loadBillingContext(database.db, actor.practiceId, today);
  const decision = decideAppointmentBillable(facts, { ...ctx.eligibility, rules: [] });
  if (!decision.billable) {
    throw new DomainError("NOT_BILLABLE", "The session cannot be invoiced yet", {
      reasons: decision.reasons.map((r) => ({ ...r, fix: skipReasonFix[r.code] ?? null })),
    });
  }
  await createInvoices(
    database,
    {
      practiceId: actor.practiceId,
      trigger: "manual",
      runId: null,
      today,
      appointmentIds: [appointmentId],
      applyExclusionRules: false,
      byUser: actor,
    },
    now,
  );
  const billed = await findSessionInvoice(database.db, actor.practiceId, appointmentId);
  // The session changed between the check and the write (CHANGED_DURING_RUN): say so rather than guess.
  if (!billed)
    throw new DomainError("CONFLICT", "The session changed while it was being invoiced; try again");
  return { appointmentId, invoiceId: billed.invoiceId, invoiceNumber: billed.number };
};
