import { assertTransition, type CardChargeStatus, cardChargeTransitions, notFound } from "@billcycle/core";
import { type Executor, pgArray, tables } from "@billcycle/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { recordAudits } from "../audit/record-audit";
import { type Actor, systemActor } from "../auth/actor";

export type CardChargeRow = typeof tables.cardCharges.$inferSelect;

/** What Stripe said (or did not say) about a charge: the fields each outcome sets. */
export type CardChargeOutcome =
  | { status: "succeeded"; stripePaymentIntentId: string; stripeChargeId: string | null }
  | {
      status: "declined";
      stripePaymentIntentId: string | null;
      stripeChargeId: string | null;
      declineCode: string | null;
      failureCode: string | null;
      failureMessage: string;
    }
  | {
      status: "failed";
      stripePaymentIntentId: string | null;
      failureCode: string | null;
      failureMessage: string;
    }
  | { status: "unknown"; stripePaymentIntentId: string | null; failureMessage: string };

/** What an outcome changes on the charge, given what is stored. */
const changesOf = (current: CardChargeRow, outcome: CardChargeOutcome, now: Date) => ({
  status: outcome.status,
  stripePaymentIntentId: outcome.stripePaymentIntentId ?? current.stripePaymentIntentId,
  stripeChargeId:
    outcome.status === "succeeded" || outcome.status === "declined"
      ? (outcome.stripeChargeId ?? current.stripeChargeId)
      : current.stripeChargeId,
  declineCode: outcome.status === "declined" ? outcome.declineCode : current.declineCode,
  failureCode:
    outcome.status === "declined" || outcome.status === "failed" ? outcome.failureCode : current.failureCode,
  failureMessage: outcome.status === "succeeded" ? null : outcome.failureMessage,
  settledAt: outcome.status !== "unknown" ? now : null,
  version: current.version + 1,
  updatedAt: now,
});

/**
 * The one writer of card_charges.status. Locks the row; an outcome equal to the current status changes nothing
 * (the synchronous answer and the webhook may both report one success); any other move must be in
 * cardChargeTransitions. Audited in the caller's transaction. Use settleSucceededCharge for a success: it is the
 * seam where the payment reaches the ledger.
 */
export const transitionCardCharge = async (
  tx: Executor,
  charge: { practiceId: string; id: string },
  outcome: CardChargeOutcome,
  now: Date,
  actor: Actor = systemActor(charge.practiceId, "stripe"),
): Promise<{ row: CardChargeRow; changed: boolean }> => {
  const [one] = await transitionCardCharges(tx, charge.practiceId, [{ id: charge.id, outcome }], now, actor);
  return one!;
};

/**
 * The same writer for many charges of one practice at once (a chunk of autopay answers): one locking read (id
 * order), each move checked against cardChargeTransitions (one refused move refuses all: the caller's transaction
 * rolls back), one UPDATE … FROM unnest and one audit insert for the rows that change. Results in input order.
 */
export const transitionCardCharges = async (
  tx: Executor,
  practiceId: string,
  items: ReadonlyArray<{ id: string; outcome: CardChargeOutcome }>,
  now: Date,
  actor: Actor = systemActor(practiceId, "stripe"),
): Promise<Array<{ row: CardChargeRow; changed: boolean }>> => {
  if (items.length === 0) return [];
  const table = tables.cardCharges;
  const locked = await tx
    .select()
    .from(table)
    .where(
      and(
        eq(table.practiceId, practiceId),
        sql`${table.id} = ANY(${pgArray(
          items.map((i) => i.id),
          "uuid",
        )}::uuid[])`,
      ),
    )
    .orderBy(asc(table.id))
    .for("update");
  const byId = new Map(locked.map((r) => [r.id, r]));
  const results: Array<{ row: CardChargeRow; changed: boolean; from?: CardChargeStatus }> = [];
  for (const { id, outcome } of items) {
    const current = byId.get(id);
    if (!current) throw notFound("Card charge");
    if (current.status === outcome.status) {
      results.push({ row: current, changed: false });
      continue;
    }
    assertTransition<CardChargeStatus>("Card charge", cardChargeTransitions, current.status, outcome.status);
    const row: CardChargeRow = { ...current, ...changesOf(current, outcome, now) };
    byId.set(id, row);
    results.push({ row, changed: true, from: current.status });
  }
  // One row per charge: the last move of a charge named twice is the one written.
  const changed = [...new Map(results.filter((r) => r.changed).map((r) => [r.row.id, r.row])).values()];
  if (changed.length > 0) {
    const col = <T>(f: (r: CardChargeRow) => T, type: string) =>
      sql`${pgArray(changed.map(f), type)}::${sql.raw(type)}[]`;
    await tx.execute(sql`UPDATE ${table} AS c SET status = u.status, stripe_payment_intent_id = u.pi,
        stripe_charge_id = u.ch, decline_code = u.dc, failure_code = u.fc, failure_message = u.fm,
        settled_at = u.sa, version = c.version + 1, updated_at = ${now.toISOString()}::timestamptz
      FROM unnest(${col((r) => r.id, "uuid")}, ${col((r) => r.status, "text")}, ${col(
        (r) => r.stripePaymentIntentId,
        "text",
      )}, ${col((r) => r.stripeChargeId, "text")}, ${col((r) => r.declineCode, "text")}, ${col(
        (r) => r.failureCode,
        "text",
      )}, ${col((r) => r.failureMessage, "text")}, ${col((r) => r.settledAt, "timestamptz")})
        AS u(id, status, pi, ch, dc, fc, fm, sa)
      WHERE c.practice_id = ${practiceId}::uuid AND c.id = u.id`);
    await recordAudits(
      tx,
      actor,
      "transition",
      "card_charge",
      now,
      results.flatMap((r) =>
        r.changed ? [{ entityId: r.row.id, details: { from: r.from, to: r.row.status } }] : [],
      ),
    );
  }
  return results.map(({ row, changed: c }) => ({ row, changed: c }));
};
