import {
  type AutopayAttemptStatus,
  assertTransition,
  autopayAttemptTransitions,
  notFound,
} from "@billcycle/core";
import { type Executor, pgArray, tables } from "@billcycle/db";
import { and, asc, eq, sql } from "drizzle-orm";

export type AutopayAttemptRow = typeof tables.autopayAttempts.$inferSelect;

/** What the attempt's charge came to (or why no charge was made). */
export type AutopayAttemptOutcome = {
  status: AutopayAttemptStatus;
  cardChargeId: string | null;
  declineCode?: string | null;
  declineMessage?: string | null;
};

/**
 * The one writer of autopay_attempts.status. Locks the row; the same status changes nothing (two paths may report
 * one outcome); any other move must be in autopayAttemptTransitions.
 */
export const transitionAutopayAttempt = async (
  tx: Executor,
  attempt: { practiceId: string; id: string },
  outcome: AutopayAttemptOutcome,
  now: Date,
): Promise<{ row: AutopayAttemptRow; changed: boolean }> => {
  const [one] = await transitionAutopayAttempts(tx, attempt.practiceId, [{ id: attempt.id, outcome }], now);
  return one!;
};

/**
 * The same writer for many attempts of one practice (a chunk of autopay answers): one locking read in id order,
 * each move checked against autopayAttemptTransitions, one UPDATE … FROM unnest. Results in input order (without
 * the attempts not found when `missing` is "skip").
 */
export const transitionAutopayAttempts = async (
  tx: Executor,
  practiceId: string,
  items: ReadonlyArray<{ id: string; outcome: AutopayAttemptOutcome }>,
  now: Date,
  options: { missing?: "refuse" | "skip" } = {},
): Promise<Array<{ row: AutopayAttemptRow; changed: boolean }>> => {
  if (items.length === 0) return [];
  const a = tables.autopayAttempts;
  const locked = await tx
    .select()
    .from(a)
    .where(
      and(
        eq(a.practiceId, practiceId),
        sql`${a.id} = ANY(${pgArray(
          items.map((i) => i.id),
          "uuid",
        )}::uuid[])`,
      ),
    )
    .orderBy(asc(a.id))
    .for("update");
  const byId = new Map(locked.map((r) => [r.id, r]));
  const results: Array<{ row: AutopayAttemptRow; changed: boolean }> = [];
  for (const { id, outcome } of items) {
    const current = byId.get(id);
    if (!current && options.missing === "skip") continue;
    if (!current) throw notFound("Autopay attempt");
    if (
      current.status === outcome.status &&
      current.cardChargeId === (outcome.cardChargeId ?? current.cardChargeId)
    ) {
      results.push({ row: current, changed: false });
      continue;
    }
    if (current.status !== outcome.status) {
      assertTransition("autopay attempt", autopayAttemptTransitions, current.status, outcome.status);
    }
    const final = outcome.status !== "pending" && outcome.status !== "unknown";
    const row: AutopayAttemptRow = {
      ...current,
      status: outcome.status,
      cardChargeId: outcome.cardChargeId ?? current.cardChargeId,
      declineCode: outcome.declineCode ?? null,
      declineMessage: outcome.declineMessage ?? null,
      settledAt: final ? now : null,
      updatedAt: now,
      version: current.version + 1,
    };
    byId.set(id, row);
    results.push({ row, changed: true });
  }
  const changed = [...new Map(results.filter((r) => r.changed).map((r) => [r.row.id, r.row])).values()];
  if (changed.length > 0) {
    const col = <T>(f: (r: AutopayAttemptRow) => T, type: string) =>
      sql`${pgArray(changed.map(f), type)}::${sql.raw(type)}[]`;
    await tx.execute(sql`UPDATE ${a} AS a SET status = u.status, card_charge_id = u.charge,
        decline_code = u.dc, decline_message = u.dm, settled_at = u.sa,
        updated_at = ${now.toISOString()}::timestamptz, version = a.version + 1
      FROM unnest(${col((r) => r.id, "uuid")}, ${col((r) => r.status, "text")}, ${col(
        (r) => r.cardChargeId,
        "uuid",
      )}, ${col((r) => r.declineCode, "text")}, ${col((r) => r.declineMessage, "text")}, ${col(
        (r) => r.settledAt,
        "timestamptz",
      )}) AS u(id, status, charge, dc, dm, sa)
      WHERE a.practice_id = ${practiceId}::uuid AND a.id = u.id`);
  }
  return results;
};
