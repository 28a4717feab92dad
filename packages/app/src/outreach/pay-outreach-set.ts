import { DomainError } from "@billcycle/core";
import { type Database, runPrepared, tables } from "@billcycle/db";
import { and, desc, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { systemActor } from "../auth/actor";
import { type ChargeCardResult, chargeCard } from "../payments/charge-card";
import type { StripeCallOptions } from "../payments/stripe-client";
import { amountOutstandingText } from "./outreach-facts";
import { verifyPayLink } from "./pay-link";

type PageRow = {
  practice_name: string;
  first_name: string;
  client_id: string;
  status: string;
  amount: string | number;
};

const loadPage = async (database: Database, practiceId: string, setId: string) => {
  const [row] = await runPrepared<PageRow>(
    database.db,
    sql`SELECT p.name AS practice_name, c.first_name, c.id::text AS client_id, s.status,
        ${sql.raw(amountOutstandingText("s"))} AS amount
      FROM outreach_sets s JOIN clients c ON c.practice_id = s.practice_id AND c.id = s.client_id
        JOIN practices p ON p.id = s.practice_id
      WHERE s.practice_id = ${practiceId}::uuid AND s.id = ${setId}::uuid`,
  );
  if (!row) throw new DomainError("PAY_LINK_INVALID", "This payment link is not valid");
  return row;
};

/**
 * The patient-facing payment page behind a pay link (no session: the signed token is the credential): the
 * practice, the patient's first name, the amount outstanding now, the card on file (brand and last 4 only) and
 * whether a new card can be given (the practice has Stripe).
 * Every view is audited.
 */
export const openPayPage = async (
  database: Database,
  input: { token: string; linkKey: Buffer; now: Date },
) => {
  const claims = verifyPayLink(input.linkKey, input.token, input.now);
  const row = await loadPage(database, claims.practiceId, claims.setId);
  const cards = tables.clientCards;
  const [card] = await database.db
    .select({ brand: cards.brand, last4: cards.last4 })
    .from(cards)
    .where(
      and(
        eq(cards.practiceId, claims.practiceId),
        eq(cards.clientId, row.client_id),
        eq(cards.isDefault, true),
      ),
    )
    .orderBy(desc(cards.id))
    .limit(1);
  const [stripe] = await database.db
    .select({ practiceId: tables.stripeSettings.practiceId })
    .from(tables.stripeSettings)
    .where(eq(tables.stripeSettings.practiceId, claims.practiceId));
  await database.db.transaction((tx) =>
    recordAudit(
      tx,
      systemActor(claims.practiceId, "pay-link"),
      "read",
      "outreach_set",
      claims.setId,
      input.now,
    ),
  );
  return {
    practiceName: row.practice_name,
    firstName: row.first_name,
    amountOutstandingCents: Number(row.amount),
    status: row.status as "active",
    card: card ? { brand: card.brand ?? null, last4: card.last4 ?? null } : null,
    /** The practice takes cards through Stripe: the page offers a new card in Stripe's element. */
    takesNewCard: stripe !== undefined,
    linkExpiresAt: claims.expiresAt.toISOString(),
  };
};

/**
 * What a pay link may pay now: its token verified, the set's patient, and the amount asked (all of what is
 * outstanding when not given), never more than is outstanding and never when nothing is.
 */
export const payableThroughLink = async (
  database: Database,
  input: { token: string; linkKey: Buffer; amountCents?: number | undefined; now: Date },
) => {
  const claims = verifyPayLink(input.linkKey, input.token, input.now);
  const row = await loadPage(database, claims.practiceId, claims.setId);
  const outstanding = Number(row.amount);
  const amountCents = input.amountCents ?? outstanding;
  if (outstanding <= 0)
    throw new DomainError("CONFLICT", "Nothing is outstanding", { reason: "NOTHING_OUTSTANDING" });
  if (amountCents > outstanding) {
    throw new DomainError("EXCEEDS_OPEN_AMOUNT", "The payment is more than the amount outstanding", {
      openCents: outstanding,
      amountCents,
    });
  }
  return { claims, clientId: row.client_id, row, amountCents };
};

/**
 * Takes a card payment from the pay page through the card-payment use case (the card on file, off-session; one
 * charge per idempotency key). Never more than the amount outstanding. The charge settles into the ledger, which
 * lowers the amount at once and, at zero, makes the set Paid.
 */
export const payOutreachSet = async (
  database: Database,
  input: {
    token: string;
    linkKey: Buffer;
    amountCents?: number | undefined;
    idempotencyKey: string;
    now: Date;
    stripe?: StripeCallOptions | undefined;
  },
): Promise<ChargeCardResult> => {
  const { claims, row, amountCents } = await payableThroughLink(database, input);
  return chargeCard(database, {
    practiceId: claims.practiceId,
    clientId: row.client_id,
    amountCents,
    idempotencyKey: `outreach:${claims.setId}:${input.idempotencyKey}`,
    purpose: { kind: "manual", id: `outreach_set:${claims.setId}` },
    now: input.now,
    actor: systemActor(claims.practiceId, "pay-link"),
    ...(input.stripe ? { stripe: input.stripe } : {}),
  });
};
