import { byInvoiceAge, invoiceClientOpenCents } from "@billcycle/core";
import { type Executor, pgArray, tables } from "@billcycle/db";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { OpenInvoiceBalance } from "./ledger-schemas";
import { ISSUED_STATUSES } from "./ledger-writes";

export type OpenClientBalance = {
  clientId: string;
  /** Σ openCents of the invoices. */
  openCents: number;
  /** Issued invoices with client responsibility still owed, oldest first (invoice date, then number). */
  invoices: OpenInvoiceBalance[];
};

/**
 * Per client, the open client responsibility of each issued invoice (what autopay charges). Clients with nothing
 * open are left out. Reads only; runs on the caller's executor (a transaction or the database).
 */
export const listOpenClientBalances = async (
  db: Executor,
  { practiceId, clientIds }: { practiceId: string; clientIds?: readonly string[] | undefined },
): Promise<OpenClientBalance[]> => {
  if (clientIds && clientIds.length === 0) return [];
  const i = tables.invoices;
  const rows = await db
    .select({
      id: i.id,
      clientId: i.clientId,
      number: i.number,
      numberSeq: i.numberSeq,
      invoiceDate: i.invoiceDate,
      paymentStatus: i.paymentStatus,
      insuranceCents: i.insuranceCents,
      insurancePaidCents: i.insurancePaidCents,
      adjustmentCents: i.adjustmentCents,
      clientCents: i.clientCents,
      clientPaidCents: i.clientPaidCents,
      clientWrittenOffCents: i.clientWrittenOffCents,
    })
    .from(i)
    .where(
      and(
        eq(i.practiceId, practiceId),
        inArray(i.status, [...ISSUED_STATUSES]),
        sql`${i.clientCents} > ${i.clientPaidCents} + ${i.clientWrittenOffCents}`,
        clientIds ? sql`${i.clientId} = ANY(${pgArray(clientIds, "uuid")}::uuid[])` : undefined,
      ),
    )
    .orderBy(asc(i.clientId), asc(i.invoiceDate), asc(i.numberSeq));
  const byClient = new Map<string, OpenClientBalance>();
  for (const r of rows) {
    const openCents = invoiceClientOpenCents(r);
    let entry = byClient.get(r.clientId);
    if (!entry) {
      entry = { clientId: r.clientId, openCents: 0, invoices: [] };
      byClient.set(r.clientId, entry);
    }
    entry.openCents += openCents;
    entry.invoices.push({
      invoiceId: r.id,
      invoiceNumber: r.number,
      invoiceDate: r.invoiceDate,
      clientCents: r.clientCents,
      openCents,
      paymentStatus: r.paymentStatus,
    });
  }
  for (const b of byClient.values()) {
    b.invoices.sort((a, z) =>
      byInvoiceAge(
        { invoiceId: a.invoiceId, invoiceDate: a.invoiceDate, numberSeq: seq(a.invoiceNumber), openCents: 0 },
        { invoiceId: z.invoiceId, invoiceDate: z.invoiceDate, numberSeq: seq(z.invoiceNumber), openCents: 0 },
      ),
    );
  }
  return [...byClient.values()];
};

const seq = (number: string): number => Number(/[0-9]+$/.exec(number)?.[0] ?? 0);
