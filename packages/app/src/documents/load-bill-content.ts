import { type AppliedPayment, type BillContent, type BillLine, notFound } from "@billcycle/core";
import { type Executor, rowsOf, tables } from "@billcycle/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { loadClientPayments } from "./load-client-payments";
import { addressLines } from "./pdf-layout";

/**
 * An invoice's current state as its bill shows it: lines split between insurance and client, what insurance moved
 * to the client, insurance payments from the invoice's postings (per payer and practice-local day), the client's
 * payments (the ledger seam) and the amount due. Locks the invoice row (`FOR NO KEY UPDATE`) when `lock` is set, so
 * two issuers of the same bill take turns.
 */
export const loadBillContent = async (
  tx: Executor,
  practiceId: string,
  invoiceId: string,
  lock = false,
): Promise<{ content: BillContent; clientId: string }> => {
  const q = tx
    .select({
      invoice: tables.invoices,
      practice: {
        name: tables.practices.name,
        address: tables.practices.address,
        phone: tables.practices.phone,
        taxId: tables.practices.taxId,
        npi: tables.practices.billingNpi,
        timeZone: tables.practices.timeZone,
      },
      client: {
        id: tables.clients.id,
        firstName: tables.clients.firstName,
        lastName: tables.clients.lastName,
        address: tables.clients.address,
      },
    })
    .from(tables.invoices)
    .innerJoin(tables.practices, eq(tables.practices.id, tables.invoices.practiceId))
    .innerJoin(
      tables.clients,
      and(
        eq(tables.clients.practiceId, tables.invoices.practiceId),
        eq(tables.clients.id, tables.invoices.clientId),
      ),
    )
    .where(and(eq(tables.invoices.practiceId, practiceId), eq(tables.invoices.id, invoiceId)));
  const [head] = lock ? await q.for("no key update", { of: tables.invoices }) : await q;
  if (!head) throw notFound("Invoice");
  const { invoice, practice, client } = head;
  const lines = await tx
    .select()
    .from(tables.invoiceLines)
    .where(and(eq(tables.invoiceLines.practiceId, practiceId), eq(tables.invoiceLines.invoiceId, invoiceId)))
    .orderBy(asc(tables.invoiceLines.position));
  // Insurance is expected to pay the eligible lines of an insurance invoice with a primary policy (as invoicing
  // decided); everything else is the client's from the start.
  const billedToInsurance = invoice.paysBy === "insurance" && invoice.primaryPolicyId !== null;
  const billLines: BillLine[] = lines.map((l) => {
    const insurance = billedToInsurance && l.insuranceEligible ? l.amountCents : 0;
    return {
      dateOfService: l.dateOfService,
      description: l.description,
      code: l.code,
      modifiers: l.modifiers,
      units: l.units,
      feeCents: l.amountCents,
      insuranceCents: insurance,
      clientCents: l.amountCents - insurance,
    };
  });
  const insurancePayments = rowsOf<{ day: string; payer: string; amount: string | number }>(
    await tx.execute(sql`
      SELECT to_char((p.created_at AT TIME ZONE ${practice.timeZone})::date, 'YYYY-MM-DD') AS day, py.name AS payer,
        sum(p.amount_cents) AS amount
      FROM postings p
      JOIN claims c ON c.id = p.claim_id
      JOIN payers py ON py.practice_id = c.practice_id AND py.id = c.payer_id
      LEFT JOIN postings undone ON undone.id = p.reverses_posting_id
      WHERE p.practice_id = ${practiceId}::uuid AND p.invoice_id = ${invoiceId}::uuid
        AND (p.kind = 'payment' OR (p.kind = 'reversal' AND undone.kind = 'payment'))
      GROUP BY 1, 2 HAVING sum(p.amount_cents) <> 0 ORDER BY 1, 2`),
  );
  const payments: AppliedPayment[] = [
    ...insurancePayments.map((p) => ({
      date: p.day,
      payer: "insurance" as const,
      description: `Insurance payment - ${p.payer}`,
      amountCents: Number(p.amount),
    })),
    ...(await loadClientPayments(tx, practiceId, [invoiceId])).map(
      ({ date, payer, description, amountCents }) => ({ date, payer, description, amountCents }),
    ),
  ];
  const clientPaid = payments.filter((p) => p.payer === "client").reduce((a, p) => a + p.amountCents, 0);
  return {
    clientId: client.id,
    content: {
      practice: {
        name: practice.name,
        addressLines: addressLines(practice.address),
        phone: practice.phone,
        taxId: practice.taxId,
        npi: practice.npi,
      },
      client: {
        id: client.id,
        name: `${client.firstName} ${client.lastName}`,
        addressLines: addressLines(client.address),
      },
      invoiceNumber: invoice.number,
      invoiceDate: invoice.invoiceDate,
      lines: billLines,
      totalCents: invoice.totalCents,
      insuranceCents: invoice.insuranceCents,
      clientCents: invoice.clientCents,
      adjustmentCents: invoice.adjustmentCents,
      payments,
      amountDueCents: invoice.status === "void" ? 0 : Math.max(0, invoice.clientCents - clientPaid),
      void: invoice.status === "void",
    },
  };
};
