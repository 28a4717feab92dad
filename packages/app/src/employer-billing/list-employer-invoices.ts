import { containsPattern } from "@billcycle/core";
import type { Executor } from "@billcycle/db";
import { sql } from "drizzle-orm";
import type { TenantActor } from "../resources/crud";
import { invoiceSummaries } from "./employer-billing-context";
import type { InvoiceHistory, InvoiceHistoryQuery } from "./employer-billing-schemas";

const statusFilter = {
  open: sql`i.status IN ('open','partially_paid')`,
  paid: sql`i.status = 'paid'`,
  all: sql`true`,
} as const;

/**
 * Invoice History: invoices, re-batches and credit memos, newest first, filtered by status (Open — open or
 * partially paid — by default, Paid, or All) and by any part of the invoice id (a contains search where %, _ and
 * \ match themselves).
 */
export const listEmployerInvoices = async (
  db: Executor,
  input: InvoiceHistoryQuery & { actor: TenantActor },
): Promise<InvoiceHistory> => {
  const where = sql`${statusFilter[input.status]}
    ${input.employerId ? sql`AND i.employer_id = ${input.employerId}` : sql``}
    ${input.search ? sql`AND i.number ILIKE ${containsPattern(input.search)}` : sql``}
    ${input.cursor ? sql`AND i.id < ${input.cursor}` : sql``}`;
  const rows = await invoiceSummaries(
    db,
    input.actor.practiceId,
    where,
    sql`ORDER BY i.id DESC LIMIT ${input.limit + 1}`,
  );
  const page = rows.slice(0, input.limit);
  return { data: page, nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null };
};
