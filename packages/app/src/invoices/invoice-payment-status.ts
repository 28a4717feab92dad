import {
  canTransition,
  decideInvoicePaymentStatus,
  type InvoicePaymentAmounts,
  type InvoicePaymentStatus,
  invoicePaymentTransitions,
} from "@billcycle/core";
import {
  bulkInsert,
  type Executor,
  everyRow,
  newId,
  oneStatement,
  pgArray,
  runPrepared,
  tables,
} from "@billcycle/db";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
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

/** An invoice's amounts moved by posting, as deltas added to what is stored. */
export type InvoiceAmountsChange = {
  invoiceId: string;
  insurancePaidDelta: number;
  adjustmentDelta: number;
  toClientDelta: number;
  versionDelta: number;
};

/**
 * Posting's write of invoices: the amounts as deltas and, in the same UPDATE, the payment status decided from them
 * (one new row version per invoice instead of two; a statement may update a row only once), with a history row
 * per change. Several changes of one invoice (a reversal and its correction) leave it in the last one's state.
 */
export const invoicePostingStatements = (input: {
  practiceId: string;
  now: Date;
  amounts: readonly InvoiceAmountsChange[];
  changes: ReadonlyArray<PaymentStatusChange & { actor: string; cause: string }>;
}): SQL[] => {
  const { amounts, changes, now } = input;
  const byId = new Map<string, { amounts: InvoiceAmountsChange; to: InvoicePaymentStatus | null }>();
  const zero = (invoiceId: string): InvoiceAmountsChange => ({
    invoiceId,
    insurancePaidDelta: 0,
    adjustmentDelta: 0,
    toClientDelta: 0,
    versionDelta: 0,
  });
  for (const a of amounts) byId.set(a.invoiceId, { amounts: a, to: null });
  for (const c of changes) {
    const entry = byId.get(c.invoiceId) ?? { amounts: zero(c.invoiceId), to: null };
    entry.to = c.to;
    byId.set(c.invoiceId, entry);
  }
  if (byId.size === 0) return [];
  const rows = [...byId.values()];
  const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
  const out: SQL[] = [
    sql`UPDATE ${tables.invoices} AS i SET insurance_paid_cents = i.insurance_paid_cents + u.paid,
        adjustment_cents = i.adjustment_cents + u.adjustment, insurance_cents = i.insurance_cents - u.to_client,
        client_cents = i.client_cents + u.to_client, version = i.version + u.versions,
        payment_status = coalesce(u.payment_status, i.payment_status),
        updated_at = ${now.toISOString()}::timestamptz
      FROM unnest(${pgArray(
        col((r) => r.amounts.invoiceId),
        "uuid",
      )}::uuid[], ${pgArray(
        col((r) => r.amounts.insurancePaidDelta),
        "bigint",
      )}::bigint[], ${pgArray(
        col((r) => r.amounts.adjustmentDelta),
        "bigint",
      )}::bigint[], ${pgArray(
        col((r) => r.amounts.toClientDelta),
        "bigint",
      )}::bigint[], ${pgArray(
        col((r) => r.amounts.versionDelta),
        "integer",
      )}::integer[], ${pgArray(
        col((r) => r.to),
        "text",
      )}::text[]) AS u(id, paid, adjustment, to_client, versions, payment_status)
      WHERE i.id = u.id AND i.practice_id = ${input.practiceId}::uuid`,
  ];
  if (changes.length) {
    out.push(
      bulkInsert(tables.invoicePaymentStatusHistory, {
        id: changes.map(() => newId(now.getTime())),
        practiceId: everyRow(input.practiceId),
        invoiceId: changes.map((c) => c.invoiceId),
        fromStatus: changes.map((c) => c.from),
        toStatus: changes.map((c) => c.to),
        at: everyRow(now),
        actor: changes.map((c) => c.actor),
        cause: changes.map((c) => c.cause),
      }),
    );
  }
  return out;
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
