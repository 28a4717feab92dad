import { type AutopayCard, DomainError, decideAutopay, formatCents, type LocalDate } from "@billcycle/core";
import { type Database, newId, rowsOf, tables } from "@billcycle/db";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { systemActor } from "../auth/actor";
import { type OutcomeInput, recordOutcomes } from "../automation/record-outcomes";
import { listOpenClientBalances } from "../ledger/list-open-client-balances";
import { askStripeToCharge, chargeCard } from "../payments/charge-card";
import type { CardChargeView } from "../payments/payment-schemas";
import { resolveCardCharge, resolveUnknownCharges } from "../payments/resolve-unknown-charges";
import { type CardChargeAnswer, settleCardChargeAnswers } from "../payments/settle-card-charge";
import { type StripeCallOptions, stripeClientFor } from "../payments/stripe-client";
import { loadStripeCredentials } from "../payments/stripe-settings";
import type { CardChargeRow } from "../payments/transition-card-charge";
import { insertAutopayCharges, loadChargeCards } from "./insert-autopay-charges";
import {
  type AttemptWithCharge,
  attemptFact,
  autopayChargeKey,
  loadAttempts,
  loadAutopaySettings,
  loadDefaultCards,
} from "./load-autopay-facts";
import { type AutopayAttemptRow, transitionAutopayAttempt } from "./transition-autopay-attempt";

/** How autopay talks to Stripe and how many charges it keeps in flight (engine port; defaults in production). */
export type AutopayPort = {
  concurrency?: number | undefined;
  /** Charges per pending insert and per settlement transaction. */
  chunkSize?: number | undefined;
  stripe?: StripeCallOptions | undefined;
};

export const DEFAULT_AUTOPAY_CONCURRENCY = 8;
const DEFAULT_BATCH = 500;
/** Charges whose pending rows are committed together, and answers settled in one transaction. */
export const DEFAULT_AUTOPAY_CHUNK = 100;

export type RunAutopayInput = {
  practiceId: string;
  runId: string | null;
  trigger: "schedule" | "manual" | "on_kept";
  today: LocalDate;
  batchSize?: number | undefined;
  concurrency?: number | undefined;
  /** Charges per pending insert and per settlement transaction (DEFAULT_AUTOPAY_CHUNK). */
  chunkSize?: number | undefined;
};

type ChargeLike = Pick<CardChargeView, "id" | "status" | "declineCode" | "failureMessage">;

/** Runs `work` over `items` with at most `limit` in flight. */
const inPool = async <T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) => {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
};

/**
 * Autopay for one practice on one practice-local night. Clients are read in batches; per open invoice the
 * decision is decideAutopay's, on facts from the ledger (open client responsibility), the client's default card
 * and earlier attempts. An attempt the previous try of a run left unresolved is settled first, by asking Stripe
 * (never charging again); tonight's attempt not yet sent is sent with its own key. A new attempt is inserted and
 * COMMITTED (unique per invoice and night) before chargeCard is called with key `autopay:<attempt id>`. At most
 * `concurrency` charges are in flight. Each invoice's outcome is recorded for the run.
 */
export const runAutopay = async (
  database: Database,
  input: RunAutopayInput,
  now: Date,
  port: AutopayPort = {},
): Promise<Record<string, number>> => {
  const { practiceId, today } = input;
  const batchSize = input.batchSize ?? DEFAULT_BATCH;
  const concurrency = input.concurrency ?? port.concurrency ?? DEFAULT_AUTOPAY_CONCURRENCY;
  const chunkSize = Math.max(1, input.chunkSize ?? port.chunkSize ?? DEFAULT_AUTOPAY_CHUNK);
  const stripe = port.stripe;
  const settings = await loadAutopaySettings(database.db, practiceId);
  const [stripeRow] = await database.db
    .select({ id: tables.stripeSettings.practiceId })
    .from(tables.stripeSettings)
    .where(eq(tables.stripeSettings.practiceId, practiceId));
  // The janitor first: charges a crash left pending long ago, and unknown ones, are asked about.
  if (stripeRow) await resolveUnknownCharges(database, { practiceId, now, stripe });
  const context = {
    practiceId,
    runId: input.runId,
    automation: "autopay",
    trigger: input.trigger,
    at: now,
  } as const;

  const fromCharge = (attempt: { practiceId: string; id: string }, charge: ChargeLike) =>
    database.db.transaction(async (tx) =>
      transitionAutopayAttempt(
        tx,
        attempt,
        {
          status: charge.status,
          cardChargeId: charge.id,
          declineCode: charge.declineCode,
          declineMessage: charge.status === "succeeded" ? null : charge.failureMessage,
        },
        now,
      ),
    );
  const failWithoutCharge = (attempt: AutopayAttemptRow, message: string) =>
    database.db.transaction(async (tx) =>
      transitionAutopayAttempt(
        tx,
        attempt,
        { status: "failed", cardChargeId: null, declineMessage: message },
        now,
      ),
    );
  /** Sends the attempt's charge (a resend with the same key never makes a second PaymentIntent). */
  const send = async (attempt: AutopayAttemptRow): Promise<AutopayAttemptRow> => {
    try {
      const { charge } = await chargeCard(database, {
        practiceId,
        clientId: attempt.clientId,
        amountCents: attempt.amountCents,
        idempotencyKey: autopayChargeKey(attempt.id),
        purpose: { kind: "autopay_attempt", id: attempt.id },
        now,
        stripe,
      });
      // A success already moved the attempt in the charge's own transaction (settle-card-charge.ts).
      if (charge.status === "succeeded") {
        return { ...attempt, status: "succeeded" as const, cardChargeId: charge.id, declineMessage: null };
      }
      return (await fromCharge(attempt, charge)).row;
    } catch (e) {
      // Refused before Stripe was called (the card went between the decision and the charge): nothing charged.
      if (!(e instanceof DomainError) || e.code !== "CONFLICT") throw e;
      return (await failWithoutCharge(attempt, e.message)).row;
    }
  };
  let stripeClient: Stripe | null = null;
  const stripeOnce = async () => {
    stripeClient ??= stripeClientFor(await loadStripeCredentials(database.db, practiceId), stripe);
    return stripeClient;
  };
  const autopayActor = systemActor(practiceId, "autopay");
  /** An attempt as its charge left it (the settlement moved the attempt with the charge, in its transaction). */
  const attemptAfter = (attempt: AutopayAttemptRow, charge: CardChargeRow): AutopayAttemptRow =>
    charge.status === "pending"
      ? attempt
      : {
          ...attempt,
          status: charge.status,
          cardChargeId: charge.id,
          declineCode: charge.status === "succeeded" ? null : charge.declineCode,
          declineMessage: charge.status === "succeeded" ? null : charge.failureMessage,
        };
  /** An attempt still pending or unknown: what became of it, asked of Stripe, or sent if it never was. */
  const reconcile = async (attempt: AttemptWithCharge): Promise<AutopayAttemptRow> => {
    if (attempt.charge) {
      const charge = await resolveCardCharge(database, attempt.charge, { now, stripe });
      return (await fromCharge(attempt, { ...charge, status: charge.status })).row;
    }
    if (attempt.localDate === today) return send(attempt);
    return (
      await failWithoutCharge(
        attempt,
        "autopay stopped before this charge was sent; the card was not charged",
      )
    ).row;
  };
  const outcomeOf = (attempt: AutopayAttemptRow, card: AutopayCard | null): OutcomeInput => {
    const on = card ? ` to ${card.brand} ending ${card.last4}` : "";
    const base = { subjectType: "invoice" as const, subjectId: attempt.invoiceId, relatedId: attempt.id };
    switch (attempt.status) {
      case "succeeded":
        return {
          ...base,
          outcome: "done",
          reasons: [],
          message: `charged ${formatCents(attempt.amountCents)}${on}`,
        };
      case "declined":
      case "failed": {
        const code = attempt.status === "declined" ? "DECLINED" : "CHARGE_FAILED";
        const message = `${attempt.status === "declined" ? "declined" : "not charged"}: ${attempt.declineMessage ?? "no reason given"}`;
        return { ...base, outcome: "error", reasons: [{ code, message }], message };
      }
      default: {
        const message = "Stripe's answer is not known yet; it will be asked, never charged again";
        return { ...base, outcome: "error", reasons: [{ code: "CHARGE_UNKNOWN", message }], message };
      }
    }
  };

  // Attempts an earlier try left pending or unknown: settled before anything is decided (CHARGE_IN_FLIGHT else).
  for (const a of await loadAttempts(database.db, practiceId, { unresolvedOnly: true })) await reconcile(a);

  let cursor: string | null = null;
  for (;;) {
    const c = tables.clients;
    const page = await database.db
      .select({ id: c.id, autopay: c.autopay })
      .from(c)
      .where(and(eq(c.practiceId, practiceId), cursor ? gt(c.id, cursor) : undefined))
      .orderBy(asc(c.id))
      .limit(batchSize);
    if (page.length === 0) break;
    cursor = page.at(-1)!.id;
    const balances = await listOpenClientBalances(database.db, {
      practiceId,
      clientIds: page.map((p) => p.id),
    });
    if (balances.length === 0) continue;
    const clientAutopay = new Map(page.map((p) => [p.id, p.autopay]));
    const clientIds = balances.map((b) => b.clientId);
    const cards = await loadDefaultCards(database.db, practiceId, clientIds);
    const attemptsByInvoice = new Map<string, AutopayAttemptRow[]>();
    for (const a of await loadAttempts(database.db, practiceId, { clientIds })) {
      attemptsByInvoice.set(a.invoiceId, [...(attemptsByInvoice.get(a.invoiceId) ?? []), a]);
    }

    const outcomes: OutcomeInput[] = [];
    const toCharge: Array<{
      clientId: string;
      invoiceId: string;
      amountCents: number;
      attemptNumber: number;
    }> = [];
    for (const balance of balances) {
      const card = cards.get(balance.clientId) ?? null;
      for (const invoice of balance.invoices) {
        const attempts = attemptsByInvoice.get(invoice.invoiceId) ?? [];
        // This run's own attempt (a retry after a crash): report what it came to, not "already tried".
        const mine = input.runId ? attempts.find((a) => a.runId === input.runId) : undefined;
        if (mine) {
          outcomes.push(outcomeOf(mine, card));
          continue;
        }
        if (!stripeRow && settings.autopayEnabled && clientAutopay.get(balance.clientId)) {
          const message = "Stripe is not set up for this practice: autopay charges cards through Stripe";
          outcomes.push({
            subjectType: "invoice",
            subjectId: invoice.invoiceId,
            outcome: "skipped",
            reasons: [{ code: "STRIPE_NOT_CONFIGURED", message }],
            message,
          });
          continue;
        }
        const decision = decideAutopay({
          today,
          practiceAutopay: settings.autopayEnabled,
          clientAutopay: clientAutopay.get(balance.clientId) ?? false,
          card,
          openCents: invoice.openCents,
          attempts: attempts.map(attemptFact),
          maxAttempts: settings.autopayMaxAttempts,
        });
        if (decision.charge) {
          toCharge.push({
            clientId: balance.clientId,
            invoiceId: invoice.invoiceId,
            amountCents: decision.amountCents,
            attemptNumber: decision.attemptNumber,
          });
        } else {
          outcomes.push({
            subjectType: "invoice",
            subjectId: invoice.invoiceId,
            outcome: "skipped",
            reasons: [{ code: decision.code, message: decision.message }],
            message: decision.message,
          });
        }
      }
    }

    // Committed before any charge is sent: a crash from here on leaves attempts the next try reconciles.
    const inserted =
      toCharge.length === 0
        ? []
        : await database.db
            .insert(tables.autopayAttempts)
            .values(
              toCharge.map((t) => ({
                id: newId(now.getTime()),
                practiceId,
                clientId: t.clientId,
                invoiceId: t.invoiceId,
                runId: input.runId,
                localDate: today,
                attemptNumber: t.attemptNumber,
                amountCents: t.amountCents,
                status: "pending" as const,
                createdAt: now,
                updatedAt: now,
              })),
            )
            .onConflictDoNothing({
              target: [
                tables.autopayAttempts.practiceId,
                tables.autopayAttempts.invoiceId,
                tables.autopayAttempts.localDate,
              ],
            })
            .returning();
    const chargeCards = await loadChargeCards(
      database.db,
      practiceId,
      inserted.map((a) => a.clientId),
    );
    const insertedInvoices = new Set(inserted.map((a) => a.invoiceId));
    for (const t of toCharge) {
      if (insertedInvoices.has(t.invoiceId)) continue;
      const message = "autopay already tried this bill tonight";
      outcomes.push({
        subjectType: "invoice",
        subjectId: t.invoiceId,
        outcome: "skipped",
        reasons: [{ code: "ALREADY_TRIED_TODAY", message }],
        message,
      });
    }
    const client = chargeCards.size > 0 ? await stripeOnce() : null;
    const prepared = client ? inserted.filter((a) => chargeCards.has(a.clientId)) : [];
    // Without a card now (it went between the decision and the charge): chargeCard refuses, nothing is charged.
    for (const attempt of inserted.filter((a) => !client || !chargeCards.has(a.clientId))) {
      outcomes.push(outcomeOf(await send(attempt), cards.get(attempt.clientId) ?? null));
    }
    if (client && prepared.length > 0) {
      // A chunk's pending charges are committed (one transaction) just before its first charge is sent, when the
      // first lane reaches it; the answers are settled a chunk at a time, one transaction each, while the lanes
      // go on sending (at most one settlement at a time, in order).
      const chunks = new Map<number, Promise<Map<string, CardChargeRow>>>();
      const rowsOfChunk = (k: number) => {
        let rows = chunks.get(k);
        if (!rows) {
          rows = insertAutopayCharges(database, {
            practiceId,
            attempts: prepared
              .slice(k * chunkSize, (k + 1) * chunkSize)
              .map((attempt) => ({ attempt, card: chargeCards.get(attempt.clientId)! })),
            now,
          });
          chunks.set(k, rows);
        }
        return rows;
      };
      let answered: Array<{ attempt: AutopayAttemptRow; answer: CardChargeAnswer }> = [];
      let settling: Promise<void> = Promise.resolve();
      const flush = () => {
        const these = answered;
        answered = [];
        if (these.length === 0) return;
        settling = settling.then(async () => {
          const rows = await database.db.transaction((tx) =>
            settleCardChargeAnswers(
              tx,
              practiceId,
              these.map((t) => t.answer),
              now,
              autopayActor,
            ),
          );
          these.forEach((t, i) => {
            outcomes.push(
              outcomeOf(attemptAfter(t.attempt, rows[i]!), cards.get(t.attempt.clientId) ?? null),
            );
          });
        });
        // Handled here so a failure waits for the await below instead of ending the process.
        settling.catch(() => undefined);
      };
      try {
        await inPool(
          prepared.map((attempt, i) => ({ attempt, chunk: Math.floor(i / chunkSize) })),
          concurrency,
          async ({ attempt, chunk }) => {
            const row = (await rowsOfChunk(chunk)).get(attempt.id);
            if (!row) {
              outcomes.push(outcomeOf(await send(attempt), cards.get(attempt.clientId) ?? null));
              return;
            }
            // Stripe's answer first, then the push: `answered.push(… await …)` would read `answered` before the
            // await and push into a chunk a flush had already taken, whose settlement never sees it.
            const outcome = await askStripeToCharge(client, row);
            answered.push({ attempt, answer: { row, outcome } });
            if (answered.length >= chunkSize) flush();
          },
        );
      } finally {
        flush();
        await settling;
      }
    }
    await recordOutcomes(database.db, context, outcomes);
  }
  return input.runId ? autopayCounts(database, input.runId) : {};
};

/** What a run did, one outcome per invoice across all its tries: considered, charged, declined, skipped by reason. */
export const autopayCounts = async (database: Database, runId: string): Promise<Record<string, number>> => {
  const rows = rowsOf<{ outcome: string; reason_code: string | null; n: number }>(
    await database.db.execute(sql`SELECT outcome, reason_code, count(*)::int AS n
      FROM automation_outcomes WHERE run_id = ${runId}::uuid GROUP BY outcome, reason_code`),
  );
  const counts: Record<string, number> = {
    considered: 0,
    charged: 0,
    declined: 0,
    failed: 0,
    unknown: 0,
    skipped: 0,
  };
  for (const r of rows) {
    counts.considered! += r.n;
    if (r.outcome === "done") counts.charged! += r.n;
    else if (r.reason_code === "DECLINED") counts.declined! += r.n;
    else if (r.reason_code === "CHARGE_FAILED") counts.failed! += r.n;
    else if (r.reason_code === "CHARGE_UNKNOWN") counts.unknown! += r.n;
    else {
      counts.skipped! += r.n;
      const key = `skipped_${(r.reason_code ?? "other").toLowerCase()}`;
      counts[key] = (counts[key] ?? 0) + r.n;
    }
  }
  return counts;
};
