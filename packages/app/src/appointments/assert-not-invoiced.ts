import { DomainError } from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";

/**
 * Refuses to change a session that is on a live invoice: its status, client, provider, times or services are what
 * the invoice (and any claim sent from it) bills. Voiding the invoice releases the session (voidInvoice deletes the
 * appointment_invoices row), after which it can be changed and billed again.
 */
export const assertNotInvoiced = async (
  tx: Executor,
  practiceId: string,
  appointmentId: string,
  change: string,
): Promise<void> => {
  const [billed] = await tx
    .select({ invoiceId: tables.invoices.id, number: tables.invoices.number })
    .from(tables.appointmentInvoices)
    .innerJoin(tables.invoices, eq(tables.invoices.id, tables.appointmentInvoices.invoiceId))
    .where(
      and(
        eq(tables.appointmentInvoices.practiceId, practiceId),
        eq(tables.appointmentInvoices.appointmentId, appointmentId),
      ),
    );
  if (billed) {
    throw new DomainError(
      "CONFLICT",
      `The session is billed on invoice ${billed.number}; void the invoice first to ${change}`,
      { invoiceId: billed.invoiceId, invoiceNumber: billed.number },
    );
  }
};
