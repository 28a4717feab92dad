import {
  canTransition,
  decideInvoicePaymentStatus,
  type InvoicePaymentAmounts,
  type InvoicePaymentStatus,
  invoicePaymentTransitions,
} from "@billcycle/core";
import { type Executor, newId, tables } from "@billcycle/db";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { bulkInsert, everyRow, oneStatement, pgArray, runPrepared } from "../billing/bulk-insert";
import { settleOutreachSets } from "../outreach/reconcile-outreach-sets";

/**
 * The one writer of `invoices.payment_status`: every change is decided by core decideInvoicePaymentStatus, checked
 * against invoicePaymentTransitions and written with its history row. No other code names the column in a write.
 */

export type PaymentStatusChange = {
  invoiceId: string;
  from: InvoicePaymentStatus;
  to: InvoicePaymentStatus;
};

/** The change the amounts call for, or null when the status already follows them. */
export const planPaymentStatus = (
  invoiceId: string,
  current: InvoicePaymentStatus,
  amounts: InvoicePaymentAmounts,
): PaymentStatusChange | null => {
  const to = decideInvoicePaymentStatus(amounts);
  if (to === current || !canTransition(invoicePaymentTransitions, current, to)) return null;
  return { invoiceId, from: current, to };
};

/** The UPDATE and history rows for planned changes, for a caller that sends its writes as one statement. */
export const paymentStatusStatements = (input: {
  practiceId: string;
  changes: readonly PaymentStatusChange[];
  now: Date;
  actor: string;
  cause: string | readonly string[];
}): SQL[] => {
  const { changes, now } = input;
  if (changes.length === 0) return [];
  return [
    sql`UPDATE ${tables.invoices} AS i SET payment_status = u.to_status
      FROM unnest(${pgArray(
        changes.map((c) => c.invoiceId),
        "uuid",
      )}::uuid[], ${pgArray(
        changes.map((c) => c.to),
        "text",
      )}::text[]) AS u(id, to_status)
      WHERE i.id = u.id AND i.practice_id = ${input.practiceId}::uuid`,
    bulkInsert(tables.invoicePaymentStatusHistory, {
      id: changes.map(() => newId(now.getTime())),
      practiceId: everyRow(input.practiceId),
      invoiceId: changes.map((c) => c.invoiceId),
      fromStatus: changes.map((c) => c.from),
      toStatus: changes.map((c) => c.to),
      at: everyRow(now),
      actor: everyRow(input.actor),
      cause: typeof input.cause === "string" ? everyRow(input.cause) : input.cause,
    }),
  ];
};

/**
 * Re-derives the payment status of the given invoices from their amounts as they are now in this transaction
 * and writes what changed. The caller has locked the invoices (their amounts were just written).
 */
export const writeInvoicePaymentStatus = async (
  tx: Executor,
  input: { practiceId: string; invoiceIds: readonly string[]; now: Date; actor: string; cause: string },
): Promise<PaymentStatusChange[]> => {
  if (input.invoiceIds.length === 0) return [];
  const i = tables.invoices;
  const rows = await tx
    .select({
      id: i.id,
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
        eq(i.practiceId, input.practiceId),
        sql`${i.id} = ANY(${pgArray([...new Set(input.invoiceIds)], "uuid")}::uuid[])`,
      ),
    )
    .orderBy(asc(i.id));
  const changes = rows.flatMap((r) => planPaymentStatus(r.id, r.paymentStatus, r) ?? []);
  const statements = paymentStatusStatements({ ...input, changes });
  if (statements.length) await runPrepared(tx, oneStatement(statements));
  // Outreach: a set whose charges are all paid is Paid, from whichever path paid them.
  await settleOutreachSets(tx, input);
  return changes;
};
