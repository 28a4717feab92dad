import {
  DomainError,
  decidePaymentAllocation,
  isSupportedDate,
  type LocalDate,
  type PaymentApplication,
  type PaymentMethod,
  paymentMethodLabel,
} from "@billcycle/core";
import { type Executor, newId, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { practiceToday } from "../automation/practice-today";
import { translateDbError } from "../db-errors";
import type { TenantActor } from "../resources/crud";
import type { RecordedPayment } from "./ledger-schemas";
import { insertLedgerEntries, loadClientInvoices, lockClient, writeAllocations } from "./ledger-writes";
import { paymentsByIds } from "./payment-views";

export type RecordClientPaymentInput = {
  actor: TenantActor;
  clientId: string;
  method: PaymentMethod;
  amountCents: number;
  /** Practice-local date the money was received; today when omitted. Never in the future. */
  receivedOn?: LocalDate | undefined;
  /** Check number, external terminal's receipt number… */
  reference?: string | null | undefined;
  /** Oldest first when omitted. */
  apply?: PaymentApplication | undefined;
  /** Unique per practice: a retry with the same key answers the first recording and writes nothing. */
  idempotencyKey: string;
  /** The card processor's charge id; required for method "card" (card payments), refused for the others. */
  cardChargeId?: string | null | undefined;
  now: Date;
};

/**
 * Records a client payment in one transaction: the payment, a ledger entry lowering the balance, its allocation
 * to invoices (chosen ones, or oldest first) with their paid totals and payment status, and the audit row. What no
 * invoice takes stays as credit on account for the next invoice issued.
 */
export const recordClientPayment = async (
  database: { db: Executor },
  input: RecordClientPaymentInput,
): Promise<RecordedPayment> => {
  const { actor, now } = input;
  const apply = input.apply ?? { kind: "oldest_first" };
  if (input.method === "card" ? !input.cardChargeId : input.cardChargeId) {
    throw new DomainError(
      "VALIDATION_FAILED",
      input.method === "card"
        ? "A card payment names its card charge"
        : "Only a card payment taken through billcycle has a card charge",
      { field: "cardChargeId" },
    );
  }
  if (input.receivedOn !== undefined && !isSupportedDate(input.receivedOn)) {
    throw new DomainError("INVALID_DATE", "The date received is not a calendar date", {
      field: "receivedOn",
    });
  }
  const request = {
    clientId: input.clientId,
    method: input.method,
    amountCents: input.amountCents,
    receivedOn: input.receivedOn ?? null,
    reference: input.reference ?? null,
    cardChargeId: input.cardChargeId ?? null,
    apply,
  };
  try {
    return await database.db.transaction(async (tx) => {
      await lockClient(tx, actor.practiceId, input.clientId);
      // Same key: the client lock makes a concurrent retry wait here, then see the first one.
      const [seen] = await tx
        .select({ id: tables.payments.id, request: tables.payments.request })
        .from(tables.payments)
        .where(
          and(
            eq(tables.payments.practiceId, actor.practiceId),
            eq(tables.payments.idempotencyKey, input.idempotencyKey),
          ),
        );
      if (seen) return replay(tx, actor.practiceId, seen, request);

      const today = (await practiceToday(tx, actor.practiceId, now)).today;
      const receivedOn = input.receivedOn ?? today;
      if (receivedOn > today) {
        throw new DomainError("INVALID_DATE", "A payment cannot be received after today", {
          field: "receivedOn",
        });
      }
      const invoices = await loadClientInvoices(tx, {
        practiceId: actor.practiceId,
        clientId: input.clientId,
        lock: true,
      });
      const plan = decidePaymentAllocation({ amountCents: input.amountCents, openInvoices: invoices, apply });
      const paymentId = newId(now.getTime());
      await tx.insert(tables.payments).values({
        id: paymentId,
        practiceId: actor.practiceId,
        clientId: input.clientId,
        createdAt: now,
        recordedBy: actor.label,
        recordedByUserId: actor.userId,
        method: input.method,
        amountCents: input.amountCents,
        receivedOn,
        reference: input.reference ?? null,
        cardChargeId: input.cardChargeId ?? null,
        idempotencyKey: input.idempotencyKey,
        request,
      });
      await insertLedgerEntries(tx, {
        practiceId: actor.practiceId,
        now,
        actor: actor.label,
        entries: [
          {
            clientId: input.clientId,
            kind: "payment",
            amountCents: -input.amountCents,
            effectiveOn: receivedOn,
            description: `Payment — ${paymentMethodLabel[input.method]}${input.reference ? ` ${input.reference}` : ""}`,
            paymentId,
          },
        ],
      });
      await writeAllocations(tx, {
        practiceId: actor.practiceId,
        clientId: input.clientId,
        allocations: plan.allocations.map((a) => ({ ...a, paymentId })),
        cause: "payment",
        now,
        actor: actor.label,
      });
      await recordAudit(tx, actor, "create", "payment", paymentId, now, {
        clientId: input.clientId,
        method: input.method,
        invoiceIds: plan.allocations.map((a) => a.invoiceId),
      });
      const numbers = new Map(invoices.map((i) => [i.invoiceId, i.number]));
      const [payment] = await paymentsByIds(tx, actor.practiceId, [paymentId]);
      return {
        payment: payment!,
        allocations: plan.allocations.map((a) => ({
          invoiceId: a.invoiceId,
          invoiceNumber: numbers.get(a.invoiceId)!,
          amountCents: a.amountCents,
        })),
        creditCents: plan.creditCents,
        replayed: false,
      };
    });
  } catch (e) {
    throw translateDbError(e);
  }
};

/** JSON with keys sorted at every level: jsonb stores keys in its own order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

const replay = async (
  tx: Executor,
  practiceId: string,
  seen: { id: string; request: Record<string, unknown> },
  request: Record<string, unknown>,
): Promise<RecordedPayment> => {
  if (canonical(seen.request) !== canonical(request)) {
    throw new DomainError("CONFLICT", "This idempotency key was used for a different payment", {
      field: "Idempotency-Key",
    });
  }
  const [payment] = await paymentsByIds(tx, practiceId, [seen.id]);
  const allocations = await tx
    .select({
      invoiceId: tables.paymentAllocations.invoiceId,
      invoiceNumber: tables.invoices.number,
      amountCents: tables.paymentAllocations.amountCents,
    })
    .from(tables.paymentAllocations)
    .innerJoin(tables.invoices, eq(tables.invoices.id, tables.paymentAllocations.invoiceId))
    .where(
      and(eq(tables.paymentAllocations.paymentId, seen.id), eq(tables.paymentAllocations.cause, "payment")),
    )
    .orderBy(tables.paymentAllocations.id);
  const applied = allocations.reduce((s, a) => s + a.amountCents, 0);
  return { payment: payment!, allocations, creditCents: payment!.amountCents - applied, replayed: true };
};
