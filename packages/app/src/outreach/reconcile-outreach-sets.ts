import { type Executor, pgArray, runPrepared } from "@billcycle/db";
import { sql } from "drizzle-orm";
import { amountOutstandingText } from "./outreach-facts";
import { moveOutreachSets } from "./write-outreach-status";

const OPEN = "('active','paused','expired','failed','will_fail')";

/**
 * A new charge joins the patient's open set: called where invoices are issued to the ledger, in that transaction.
 */
export const joinOutreachSets = async (
  tx: Executor,
  input: { practiceId: string; invoiceIds: readonly string[]; now: Date; actor: string },
): Promise<number> => {
  if (input.invoiceIds.length === 0) return 0;
  const nowText = input.now.toISOString();
  const rows = await runPrepared<{ set_id: string }>(
    tx,
    sql`WITH joined AS (
        INSERT INTO outreach_set_invoices (practice_id, set_id, invoice_id, added_at)
        SELECT s.practice_id, s.id, i.id, ${nowText}::timestamptz
        FROM invoices i JOIN outreach_sets s ON s.practice_id = i.practice_id AND s.client_id = i.client_id
          AND s.status IN ${sql.raw(OPEN)}
        WHERE i.practice_id = ${input.practiceId}::uuid AND i.id = ANY(${pgArray(input.invoiceIds, "uuid")}::uuid[])
          AND i.client_cents > 0
        ON CONFLICT DO NOTHING
        RETURNING set_id, invoice_id
      ), events AS (
        INSERT INTO outreach_events (id, practice_id, set_id, at, kind, actor, details)
        SELECT gen_random_uuid(), ${input.practiceId}::uuid, set_id, ${nowText}::timestamptz, 'charge_added',
          ${input.actor}, jsonb_build_object('invoiceId', invoice_id)
        FROM joined
      )
      SELECT set_id::text AS set_id FROM joined`,
  );
  return rows.length;
};

/**
 * After client responsibility on invoices changed (a payment, a credit, a write-off, a refund): an open set linked
 * to them whose live Amount Outstanding is zero is Paid; a payment is put on the timeline. Called by the one writer
 * of invoice payment status, in its transaction, so every path that pays an invoice settles its set.
 */
export const settleOutreachSets = async (
  tx: Executor,
  input: { practiceId: string; invoiceIds: readonly string[]; now: Date; actor: string; cause: string },
): Promise<number> => {
  if (input.invoiceIds.length === 0) return 0;
  const sets = await runPrepared<{ id: string; amount: string | number }>(
    tx,
    sql`SELECT s.id::text AS id, ${sql.raw(amountOutstandingText("s"))} AS amount
      FROM outreach_sets s
      WHERE s.practice_id = ${input.practiceId}::uuid AND s.status IN ${sql.raw(OPEN)}
        AND s.id IN (SELECT set_id FROM outreach_set_invoices WHERE practice_id = ${input.practiceId}::uuid
          AND invoice_id = ANY(${pgArray(input.invoiceIds, "uuid")}::uuid[]))`,
  );
  if (sets.length === 0) return 0;
  if (/payment|credit/.test(input.cause)) {
    await runPrepared(
      tx,
      sql`INSERT INTO outreach_events (id, practice_id, set_id, at, kind, actor, details)
        SELECT gen_random_uuid(), ${input.practiceId}::uuid, u.id, ${input.now.toISOString()}::timestamptz,
          'payment', ${input.actor}, jsonb_build_object('cause', ${input.cause}::text, 'amountOutstandingCents', u.amount)
        FROM unnest(${pgArray(
          sets.map((s) => s.id),
          "uuid",
        )}::uuid[], ${pgArray(
          sets.map((s) => Number(s.amount)),
          "bigint",
        )}::bigint[]) AS u(id, amount)`,
    );
  }
  const paid = sets.filter((s) => Number(s.amount) === 0);
  const moved = await moveOutreachSets(tx, {
    practiceId: input.practiceId,
    moves: paid.map((s) => ({ id: s.id, to: "paid" as const, reason: input.cause })),
    now: input.now,
    actor: { userId: null, practiceId: input.practiceId, role: null, label: input.actor },
  });
  return moved.length;
};
