import {
  type Allocation,
  decidePaymentAllocation,
  type PaymentApplication,
  paymentMethodLabel,
} from "@billcycle/core";
import { bulkInsert, type Executor, everyRow, newId, pgArray, tables } from "@billcycle/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudits } from "../audit/record-audit";
import { practiceToday } from "../automation/practice-today";
import type { TenantActor } from "../resources/crud";
import {
  insertLedgerEntries,
  loadInvoicesOfClients,
  lockClients,
  writeAllocationsOfClients,
} from "./ledger-writes";

export type CardChargePayment = {
  clientId: string;
  cardChargeId: string;
  amountCents: number;
  reference: string;
  /** Unique per practice (the charge's payment key): a key already in the ledger writes nothing again. */
  idempotencyKey: string;
  /** Where the money goes, given what is open on each of the client's invoices now (0 when not open or not issued). */
  apply: (openCents: (invoiceId: string) => number) => PaymentApplication;
};

/**
 * The ledger payments of many settled card charges of one practice, in the caller's transaction, with set-based
 * statements: the clients locked in id order (as recordClientPayment locks one), keys already recorded skipped,
 * their issued invoices locked and read once, each payment allocated in turn by decidePaymentAllocation on what
 * the payments before it left open, then payments, ledger entries, allocations (with the invoices' paid totals and
 * payment status) and audit rows each in one statement. The same rows recordClientPayment writes for one payment.
 */
export const recordCardChargePayments = async (
  tx: Executor,
  input: { actor: TenantActor; payments: readonly CardChargePayment[]; now: Date },
): Promise<void> => {
  const { actor, now } = input;
  const practiceId = actor.practiceId;
  if (input.payments.length === 0) return;
  const clientIds = [...new Set(input.payments.map((p) => p.clientId))].sort();
  await lockClients(tx, practiceId, clientIds);
  const seen = new Set(
    (
      await tx
        .select({ key: tables.payments.idempotencyKey })
        .from(tables.payments)
        .where(
          and(
            eq(tables.payments.practiceId, practiceId),
            sql`${tables.payments.idempotencyKey} = ANY(${pgArray(
              input.payments.map((p) => p.idempotencyKey),
              "text",
            )}::text[])`,
          ),
        )
    ).map((r) => r.key),
  );
  const todo = input.payments.filter((p) => !seen.has(p.idempotencyKey));
  if (todo.length === 0) return;
  const { today } = await practiceToday(tx, practiceId, now);
  const invoices = await loadInvoicesOfClients(tx, {
    practiceId,
    clientIds: [...new Set(todo.map((p) => p.clientId))].sort(),
    lock: true,
  });
  const open = new Map(invoices.map((i) => [i.invoiceId, i]));
  const planned = todo.map((p) => {
    const apply = p.apply((invoiceId) => {
      const invoice = open.get(invoiceId);
      return invoice && invoice.clientId === p.clientId ? Math.max(0, invoice.openCents) : 0;
    });
    const openInvoices = invoices.filter((i) => i.clientId === p.clientId);
    const plan = decidePaymentAllocation({ amountCents: p.amountCents, openInvoices, apply });
    // What this payment takes is no longer open for the next payment of the same client.
    for (const a of plan.allocations) {
      const invoice = open.get(a.invoiceId)!;
      invoice.openCents -= a.amountCents;
    }
    return { ...p, paymentId: newId(now.getTime()), applied: apply, allocations: plan.allocations };
  });
  await tx.execute(
    bulkInsert(tables.payments, {
      id: planned.map((p) => p.paymentId),
      practiceId: everyRow(practiceId),
      clientId: planned.map((p) => p.clientId),
      createdAt: everyRow(now),
      recordedBy: everyRow(actor.label),
      recordedByUserId: everyRow(actor.userId),
      method: everyRow("card"),
      amountCents: planned.map((p) => p.amountCents),
      receivedOn: everyRow(today),
      reference: planned.map((p) => p.reference),
      cardChargeId: planned.map((p) => p.cardChargeId),
      idempotencyKey: planned.map((p) => p.idempotencyKey),
      request: planned.map((p) => ({
        clientId: p.clientId,
        method: "card",
        amountCents: p.amountCents,
        receivedOn: null,
        reference: p.reference,
        cardChargeId: p.cardChargeId,
        apply: p.applied,
      })),
    }),
  );
  await insertLedgerEntries(tx, {
    practiceId,
    now,
    actor: actor.label,
    entries: planned.map((p) => ({
      clientId: p.clientId,
      kind: "payment" as const,
      amountCents: -p.amountCents,
      effectiveOn: today,
      description: `Payment — ${paymentMethodLabel.card} ${p.reference}`,
      paymentId: p.paymentId,
    })),
  });
  await writeAllocationsOfClients(tx, {
    practiceId,
    allocations: planned.flatMap((p) =>
      p.allocations.map((a: Allocation) => ({ ...a, paymentId: p.paymentId, clientId: p.clientId })),
    ),
    cause: "payment",
    now,
    actor: actor.label,
  });
  await recordAudits(
    tx,
    actor,
    "create",
    "payment",
    now,
    planned.map((p) => ({
      entityId: p.paymentId,
      details: { clientId: p.clientId, method: "card", invoiceIds: p.allocations.map((a) => a.invoiceId) },
    })),
  );
};
