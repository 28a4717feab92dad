import type { PaymentApplication } from "@billcycle/core";
import { type Executor, isUuid, pgArray, tables } from "@billcycle/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { type Actor, systemActor } from "../auth/actor";
import { transitionAutopayAttempts } from "../autopay/transition-autopay-attempt";
import { recordCardChargePayments } from "../ledger/record-card-charge-payments";
import { refundClientPayment } from "../ledger/refund-client-payment";
import { type CardChargeOutcome, type CardChargeRow, transitionCardCharges } from "./transition-card-charge";
import { type CardRefundRow, transitionCardRefund } from "./transition-card-refund";

/**
 * THE seam between card payments and the client ledger. Every path that learns a charge succeeded (the answer
 * to the charge, resolveUnknownCharges, the payment_intent.succeeded webhook) and every path that learns a refund
 * succeeded comes through here, in the transaction that records it, and only the first one changes anything.
 */

export type SucceededCardCharge = {
  practiceId: string;
  id: string;
  stripePaymentIntentId: string;
  stripeChargeId: string | null;
  settledAt: Date;
  actor?: Actor;
};

/** The ledger payment a card charge settles into: one per charge, ever (the payment's idempotency key). */
export const cardChargePaymentKey = (chargeId: string): string => `card_charge:${chargeId}`;

/**
 * Where the charge's money goes, given what is open on each invoice now: an autopay charge pays the invoice its
 * attempt is for (while it is open; what it does not take is credit on account), a manual charge the invoices chosen
 * for it as they stand (the money was taken, so nothing may be refused now: an invoice voided or paid meanwhile is
 * skipped and an amount above what is still open is cut to it), else oldest first.
 */
const applicationOf =
  (row: CardChargeRow, attemptInvoiceId: string | undefined) =>
  (openCents: (invoiceId: string) => number): PaymentApplication => {
    if (row.purposeKind === "manual" && row.applyTo && row.applyTo.length > 0) {
      const invoices = row.applyTo.flatMap((c) => {
        const left = openCents(c.invoiceId);
        if (left <= 0) return [];
        return [
          c.amountCents === undefined
            ? { invoiceId: c.invoiceId }
            : { ...c, amountCents: Math.min(c.amountCents, left) },
        ];
      });
      return { kind: "chosen", invoices };
    }
    if (attemptInvoiceId && openCents(attemptInvoiceId) > 0) {
      return { kind: "chosen", invoices: [{ invoiceId: attemptInvoiceId }] };
    }
    return { kind: "oldest_first" };
  };

const isAttemptCharge = (row: CardChargeRow) =>
  row.purposeKind === "autopay_attempt" && isUuid(row.purposeId);

/**
 * An autopay charge's attempt takes the charge's outcome, in the charge's transaction, whichever path learned it
 * (its answer, the janitor, the webhook). Attempts that do not exist (none should) are left alone.
 */
const attemptsFollowCharges = async (
  tx: Executor,
  practiceId: string,
  rows: readonly CardChargeRow[],
  now: Date,
): Promise<void> => {
  const moves = rows.filter((r) => isAttemptCharge(r) && r.status !== "pending");
  if (moves.length === 0) return;
  await transitionAutopayAttempts(
    tx,
    practiceId,
    moves.map((r) => ({
      id: r.purposeId,
      outcome: {
        status: r.status,
        cardChargeId: r.id,
        ...(r.status === "succeeded" ? {} : { declineCode: r.declineCode, declineMessage: r.failureMessage }),
      },
    })),
    now,
    { missing: "skip" },
  );
};

/**
 * Marks the charge succeeded and, the first time, records its payment in the ledger (method card, linked to the
 * charge) and moves its autopay attempt to succeeded; returns the row and whether this call settled it. A charge
 * settled twice (its answer and its webhook) changes nothing the second time; the payment's key is the charge id.
 */
export const settleSucceededCharge = async (
  tx: Executor,
  charge: SucceededCardCharge,
): Promise<{ row: CardChargeRow; settled: boolean }> => {
  const [one] = await settleSucceededCharges(
    tx,
    charge.practiceId,
    [
      {
        id: charge.id,
        stripePaymentIntentId: charge.stripePaymentIntentId,
        stripeChargeId: charge.stripeChargeId,
      },
    ],
    charge.settledAt,
    charge.actor,
  );
  return one!;
};

/**
 * The same for many charges of one practice in the caller's transaction, with set-based statements: the charges
 * moved by their writer, the ledger payments of those this call settled (recordCardChargePayments), and their
 * autopay attempts moved by theirs. Results in input order.
 */
export const settleSucceededCharges = async (
  tx: Executor,
  practiceId: string,
  charges: ReadonlyArray<{ id: string; stripePaymentIntentId: string; stripeChargeId: string | null }>,
  settledAt: Date,
  actor?: Actor,
): Promise<Array<{ row: CardChargeRow; settled: boolean }>> => {
  const moved = await transitionCardCharges(
    tx,
    practiceId,
    charges.map((c) => ({
      id: c.id,
      outcome: {
        status: "succeeded" as const,
        stripePaymentIntentId: c.stripePaymentIntentId,
        stripeChargeId: c.stripeChargeId,
      },
    })),
    settledAt,
    actor,
  );
  const settled = moved.filter((m) => m.changed).map((m) => m.row);
  if (settled.length > 0) {
    const attemptIds = settled.filter(isAttemptCharge).map((r) => r.purposeId);
    const a = tables.autopayAttempts;
    const invoiceOfAttempt = new Map(
      attemptIds.length === 0
        ? []
        : (
            await tx
              .select({ id: a.id, invoiceId: a.invoiceId })
              .from(a)
              .where(
                and(eq(a.practiceId, practiceId), sql`${a.id} = ANY(${pgArray(attemptIds, "uuid")}::uuid[])`),
              )
          ).map((r) => [r.id, r.invoiceId]),
    );
    const by = actor ?? systemActor(practiceId, "card-charge");
    await recordCardChargePayments(tx, {
      actor: { ...by, practiceId },
      payments: settled.map((row) => ({
        clientId: row.clientId,
        cardChargeId: row.id,
        amountCents: row.amountCents,
        reference: `${row.cardBrand} ${row.cardLast4}`,
        idempotencyKey: cardChargePaymentKey(row.id),
        apply: applicationOf(row, isAttemptCharge(row) ? invoiceOfAttempt.get(row.purposeId) : undefined),
      })),
      now: settledAt,
    });
    await attemptsFollowCharges(tx, practiceId, settled, settledAt);
  }
  return moved.map(({ row, changed }) => ({ row, settled: changed }));
};

export type CardChargeAnswer = { row: CardChargeRow; outcome: CardChargeOutcome };

/**
 * Stripe's answers to many committed charges of one practice, recorded in the caller's transaction in a few
 * statements however many there are: the charges locked; one no longer pending keeps what was recorded meanwhile
 * (a webhook may have settled it while we waited); successes settle into the ledger (settleSucceededCharges), the
 * other outcomes move the charge (declined with Stripe's reason, failed, unknown: asked later, never charged
 * again), and each autopay attempt follows its charge. The rows as they now stand, in input order.
 */
export const settleCardChargeAnswers = async (
  tx: Executor,
  practiceId: string,
  answers: readonly CardChargeAnswer[],
  settledAt: Date,
  actor?: Actor,
): Promise<CardChargeRow[]> => {
  if (answers.length === 0) return [];
  const c = tables.cardCharges;
  const current = new Map(
    (
      await tx
        .select()
        .from(c)
        .where(
          and(
            eq(c.practiceId, practiceId),
            sql`${c.id} = ANY(${pgArray(
              answers.map((x) => x.row.id),
              "uuid",
            )}::uuid[])`,
          ),
        )
        .orderBy(asc(c.id))
        .for("update")
    ).map((r) => [r.id, r]),
  );
  const stillPending = answers.filter((x) => current.get(x.row.id)?.status === "pending");
  const succeeded = stillPending.flatMap((x) =>
    x.outcome.status === "succeeded" ? [{ ...x.outcome, id: x.row.id }] : [],
  );
  for (const { row } of await settleSucceededCharges(tx, practiceId, succeeded, settledAt, actor)) {
    current.set(row.id, row);
  }
  const others = stillPending.filter((x) => x.outcome.status !== "succeeded");
  const moved = await transitionCardCharges(
    tx,
    practiceId,
    others.map((x) => ({ id: x.row.id, outcome: x.outcome })),
    settledAt,
    actor,
  );
  for (const { row } of moved) current.set(row.id, row);
  await attemptsFollowCharges(
    tx,
    practiceId,
    answers.flatMap((x) => {
      const row = current.get(x.row.id);
      return row && row.status !== "succeeded" ? [row] : [];
    }),
    settledAt,
  );
  return answers.map((x) => current.get(x.row.id) ?? x.row);
};

export type SucceededCardRefund = {
  practiceId: string;
  id: string;
  stripeRefundId: string;
  settledAt: Date;
  actor?: Actor;
};

/**
 * Marks the refund succeeded and, the first time, refunds the charge's ledger payment by the same amount (its
 * payment status follows); returns the row and whether this call settled it.
 */
export const settleRefund = async (
  tx: Executor,
  refund: SucceededCardRefund,
): Promise<{ row: CardRefundRow; settled: boolean }> => {
  const { row, changed } = await transitionCardRefund(
    tx,
    refund,
    { status: "succeeded", stripeRefundId: refund.stripeRefundId },
    refund.settledAt,
    refund.actor,
  );
  if (changed) {
    const [payment] = await tx
      .select({ id: tables.payments.id, clientId: tables.payments.clientId })
      .from(tables.payments)
      .where(
        and(
          eq(tables.payments.practiceId, row.practiceId),
          eq(tables.payments.idempotencyKey, cardChargePaymentKey(row.chargeId)),
        ),
      );
    // A refund of a charge that never reached the ledger (none should exist) has nothing to reverse there.
    if (payment) {
      const actor = refund.actor ?? systemActor(row.practiceId, "card-refund");
      await refundClientPayment(
        { db: tx },
        {
          actor: { ...actor, practiceId: row.practiceId },
          clientId: payment.clientId,
          paymentId: payment.id,
          amountCents: row.amountCents,
          reason: row.reason?.trim() || "Card refund",
          now: refund.settledAt,
          source: "card_refund",
        },
      );
    }
  }
  return { row, settled: changed };
};
