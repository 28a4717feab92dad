import { DomainError } from "@billcycle/core";
import { type Executor, rowsOf, tables } from "@billcycle/db";
import { and, eq, sql } from "drizzle-orm";

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
 * The live employer invoice an encounter is on: the original that claimed it in employer_billed_encounters (a
 * void or a credit memo for the encounter deletes that row), with its latest re-batch number for the message.
 */
export const findEmployerInvoiceOfEncounter = async (
  tx: Executor,
  practiceId: string,
  appointmentId: string,
): Promise<SessionInvoice | null> => {
  const [billed] = rowsOf<{ invoice_id: string; number: string }>(
    await tx.execute(sql`
      SELECT i.id AS invoice_id, i.number FROM employer_billed_encounters b
      JOIN employer_invoices i ON i.practice_id = b.practice_id AND i.id = b.invoice_id
      WHERE b.practice_id = ${practiceId} AND b.appointment_id = ${appointmentId} AND i.status <> 'void'`),
  );
  return billed ? { invoiceId: billed.invoice_id, number: billed.number } : null;
};

/**
 * Refuses to change a session that is on a live invoice: its status, client, provider, times or services are what
 * the invoice (and any claim sent from it) bills. Voiding the invoice releases the session, after which it can be
 * changed and billed again. On a live employer invoice: ENCOUNTER_INVOICED, until a credit memo credits it.
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
  const employerInvoice = await findEmployerInvoiceOfEncounter(tx, practiceId, appointmentId);
  if (employerInvoice) {
    throw new DomainError(
      "ENCOUNTER_INVOICED",
      `The encounter is on employer invoice ${employerInvoice.number}; issue a credit memo for it first to ${change}`,
      { invoiceId: employerInvoice.invoiceId, invoiceNumber: employerInvoice.number },
    );
  }
};
