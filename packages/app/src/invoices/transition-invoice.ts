import {
  assertTransition,
  DomainError,
  type InvoiceStatus,
  invoiceTransitions,
  notFound,
} from "@billcycle/core";
import { bulkInsert, type Executor, everyRow, newId, pgArray, tables } from "@billcycle/db";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";
import { scheduleInvoiceShares } from "../sharing/schedule-document-share";

export type InvoiceRow = typeof tables.invoices.$inferSelect;

export type InvoiceTransition = {
  actor: TenantActor;
  invoiceId: string;
  to: InvoiceStatus;
  now: Date;
  /** Why, in the status history. */
  cause: string;
  /** Columns written with the status (a void's reason and time). */
  extra?: Partial<InvoiceRow>;
  /** When set, the invoice must currently be in one of these (an action's own precondition). */
  from?: readonly InvoiceStatus[];
};

/**
 * Locks the invoice, checks the transition table, writes status, history and audit on the caller's transaction;
 * an invoice turning Open has its bill's share scheduled in the same transaction.
 */
export const transitionInvoice = async (
  tx: Executor,
  { actor, invoiceId, to, now, cause, extra = {}, from }: InvoiceTransition,
): Promise<InvoiceRow> => {
  const [invoice] = await tx
    .select()
    .from(tables.invoices)
    .where(and(eq(tables.invoices.practiceId, actor.practiceId), eq(tables.invoices.id, invoiceId)))
    .for("update");
  if (!invoice) throw notFound("Invoice");
  if (from && !from.includes(invoice.status)) {
    throw new DomainError(
      "ILLEGAL_TRANSITION",
      `Invoice ${invoice.number} is ${invoice.status}; this applies to ${from.join(" or ")} invoices`,
      {
        from: invoice.status,
        to,
      },
    );
  }
  assertTransition("Invoice status", invoiceTransitions, invoice.status, to);
  const [updated] = await tx
    .update(tables.invoices)
    .set({ ...extra, status: to, updatedAt: now, version: sql`${tables.invoices.version} + 1` })
    .where(eq(tables.invoices.id, invoiceId))
    .returning();
  await tx.insert(tables.invoiceStatusHistory).values({
    id: newId(now.getTime()),
    practiceId: actor.practiceId,
    invoiceId,
    fromStatus: invoice.status,
    toStatus: to,
    at: now,
    actor: actor.label,
    cause,
  });
  await recordAudit(tx, actor, "transition", "invoice", invoiceId, now, { from: invoice.status, to });
  // An invoice becoming Open is a bill issued: its automatic share is scheduled with it (once per invoice).
  if (to === "open")
    await scheduleInvoiceShares(tx, { practiceId: actor.practiceId, invoiceIds: [invoiceId], now });
  return updated!;
};

/**
 * The bulk form of `transitionInvoice` for the nightly writers: the table is checked once for `from` → `to`, and
 * the statements move only invoices still in `from` and write their history rows (the caller runs them in its
 * one statement). With `transitionInvoice`, the only code that writes `invoices.status`.
 */
export const invoiceTransitionStatements = (input: {
  practiceId: string;
  invoiceIds: readonly string[];
  from: InvoiceStatus;
  to: InvoiceStatus;
  now: Date;
  actor: string;
  cause: readonly string[];
}): SQL[] => {
  const { now } = input;
  assertTransition("Invoice status", invoiceTransitions, input.from, input.to);
  if (input.invoiceIds.length === 0) return [];
  return [
    bulkInsert(tables.invoiceStatusHistory, {
      id: input.invoiceIds.map(() => newId(now.getTime())),
      practiceId: everyRow(input.practiceId),
      invoiceId: input.invoiceIds,
      fromStatus: everyRow(input.from),
      toStatus: everyRow(input.to),
      at: everyRow(now),
      actor: everyRow(input.actor),
      cause: input.cause,
    }),
    sql`UPDATE ${tables.invoices} SET status = ${input.to}, updated_at = ${now.toISOString()}::timestamptz,
      version = version + 1
      WHERE practice_id = ${input.practiceId}::uuid AND id = ANY(${pgArray(input.invoiceIds, "uuid")}::uuid[])
        AND status = ${input.from}`,
  ];
};
