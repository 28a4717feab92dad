import { DomainError } from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";

export type SessionInvoice = { invoiceId: string; number: string };

/** The live invoice a session is billed on (voiding an invoice deletes its appointment_invoices rows), if any. */
export const findSessionInvoice = async (
  tx: Executor,
  practiceId: string,
  appointmentId: string,
): Promise<SessionInvoice | null> => {
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
  return billed ?? null;
};

/**
 * Refuses to change a session that is on a live invoice: its status, client, provider, times or services are what
 * the invoice (and any claim sent from it) bills. Voiding the invoice releases the session, after which it can be
 * changed and billed again.
 */
export const assertNotInvoiced = async (
  tx: Executor,
  { practiceId, appointmentId, change }: { practiceId: string; appointmentId: string; change: string },
): Promise<void> => {
  const billed = await findSessionInvoice(tx, practiceId, appointmentId);
  if (billed) {
    throw new DomainError(
      "CONFLICT",
      `The session is billed on invoice ${billed.number}; void the invoice first to ${change}`,
      { invoiceId: billed.invoiceId, invoiceNumber: billed.number },
    );
  }
};
