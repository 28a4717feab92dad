import { randomUUID } from "node:crypto";
import {
  type ClientCardView,
  chargeCard,
  describeStripeSettings,
  listClientCards,
  removeClientCard,
  resolveUnknownCharges,
  saveStripeSettings,
  setDefaultCard,
  startCardSetup,
  syncClientCards,
} from "@billcycle/app";
import { DomainError, formatCents, systemClock } from "@billcycle/core";
import { Command, Option } from "commander";
import { cliActor } from "../cli-actor";
import { openConfiguredDatabase } from "../open-configured-database";
import { isProduction } from "./start";

const out = (line = "") => process.stdout.write(`${line}\n`);

/** "12.50", "12" or "$1,200.00" → cents, without floating point. */
export const parseAmountToCents = (text: string): number => {
  const m = text
    .trim()
    .replace(/^\$/, "")
    .replaceAll(",", "")
    .match(/^(\d{1,7})(?:\.(\d{1,2}))?$/);
  if (!m) throw new DomainError("INVALID_MONEY", `Not an amount in dollars and cents: ${text} (e.g. 125.00)`);
  const cents = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  if (cents <= 0) throw new DomainError("INVALID_MONEY", "A charge is more than $0.00");
  return cents;
};

const cardLine = (c: ClientCardView) =>
  `${c.id}  ${c.brand.padEnd(10)} •••• ${c.last4}  ${String(c.expMonth).padStart(2, "0")}/${c.expYear}` +
  `${c.isDefault ? "  default" : ""}${c.expired ? "  EXPIRED" : ""}`;

const stripeOptions = () => ({ production: isProduction(undefined) });

const withPractice = async <T>(
  practiceId: string,
  fn: (ctx: Awaited<ReturnType<typeof open>>) => Promise<T>,
) => {
  const ctx = await open(practiceId);
  try {
    return await fn(ctx);
  } finally {
    await ctx.database.close();
  }
};
const open = async (practiceId: string) => {
  const database = await openConfiguredDatabase(() => undefined);
  try {
    return { database, actor: await cliActor(database, practiceId), now: systemClock.now() };
  } catch (e) {
    await database.close();
    throw e;
  }
};

export const registerPaymentCommands = (program: Command) => {
  const practice = () => new Option("--practice <id>", "practice id").makeOptionMandatory();

  const stripe = program.command("stripe").description("the practice's Stripe account (card payments)");
  stripe
    .command("configure")
    .description(
      "save the practice's Stripe keys (encrypted at rest); the secret key and webhook secret may come from " +
        "BILLCYCLE_STRIPE_SECRET_KEY and BILLCYCLE_STRIPE_WEBHOOK_SECRET instead of the command line",
    )
    .addOption(practice())
    .requiredOption("--publishable-key <pk>", "pk_test_… or pk_live_…")
    .option("--secret-key <sk>", "sk_… (or BILLCYCLE_STRIPE_SECRET_KEY); omitted on a later save: kept")
    .option("--webhook-secret <whsec>", "whsec_… (or BILLCYCLE_STRIPE_WEBHOOK_SECRET); omitted later: kept")
    .option("--api-base-url <url>", "only for a local Stripe fake (demo): http://127.0.0.1:12111")
    .action(
      async (o: {
        practice: string;
        publishableKey: string;
        secretKey?: string;
        webhookSecret?: string;
        apiBaseUrl?: string;
      }) =>
        withPractice(o.practice, async ({ database, actor, now }) => {
          const current = await describeStripeSettings(database.db, actor.practiceId);
          const secretKey = o.secretKey ?? process.env.BILLCYCLE_STRIPE_SECRET_KEY;
          const webhookSecret = o.webhookSecret ?? process.env.BILLCYCLE_STRIPE_WEBHOOK_SECRET;
          const view = await saveStripeSettings(database, {
            actor,
            input: {
              publishableKey: o.publishableKey,
              ...(secretKey ? { secretKey } : {}),
              ...(webhookSecret ? { webhookSecret } : {}),
              ...(o.apiBaseUrl !== undefined ? { apiBaseUrl: o.apiBaseUrl } : {}),
              version: current.version,
            },
            production: isProduction(undefined),
            now,
          });
          out(`Stripe ${view.livemode ? "LIVE" : "test"} keys saved (version ${view.version}).`);
          if (view.apiBaseUrl) out(`API calls go to ${view.apiBaseUrl} (a fake), not to Stripe.`);
          out(`Point the Stripe webhook endpoint at <this server>${view.webhookPath}`);
        }),
    );
  stripe
    .command("resolve")
    .description("ask Stripe about charges whose outcome is unknown (timeouts, crashes); never charges again")
    .addOption(practice())
    .action(async (o: { practice: string }) =>
      withPractice(o.practice, async ({ database, actor, now }) => {
        const r = await resolveUnknownCharges(database, {
          practiceId: actor.practiceId,
          now,
          stripe: stripeOptions(),
        });
        out(
          `${r.checked} checked: ${r.succeeded} succeeded, ${r.declined} declined, ${r.failed} failed, ` +
            `${r.stillUnknown} still unknown`,
        );
      }),
    );

  const card = program.command("card").description("a client's saved cards");
  card
    .command("list")
    .description("the client's cards (with --refresh, read from Stripe first)")
    .addOption(practice())
    .option("--refresh", "read the cards from Stripe again")
    .argument("<client>", "client id")
    .action(async (client: string, o: { practice: string; refresh?: boolean }) =>
      withPractice(o.practice, async ({ database, actor, now }) => {
        const cards = o.refresh
          ? await syncClientCards(database, { actor, clientId: client, now, stripe: stripeOptions() })
          : await listClientCards(database.db, { practiceId: actor.practiceId, clientId: client, now });
        if (cards.length === 0) out("No saved cards.");
        for (const c of cards) out(cardLine(c));
      }),
    );
  card
    .command("setup")
    .description(
      "start saving a card: prints the SetupIntent for Stripe's card element (no card number here)",
    )
    .addOption(practice())
    .argument("<client>", "client id")
    .action(async (client: string, o: { practice: string }) =>
      withPractice(o.practice, async ({ database, actor, now }) => {
        const s = await startCardSetup(database, { actor, clientId: client, now, stripe: stripeOptions() });
        out(`setup intent:    ${s.setupIntentId}`);
        out(`client secret:   ${s.clientSecret}`);
        out(`publishable key: ${s.publishableKey}`);
        out("Enter the card in Stripe's card element with these; then `billcycle card list --refresh`.");
      }),
    );
  card
    .command("default")
    .description("make a saved card the client's default (the one autopay charges)")
    .addOption(practice())
    .argument("<client>", "client id")
    .argument("<card>", "card id (from card list)")
    .action(async (client: string, cardId: string, o: { practice: string }) =>
      withPractice(o.practice, async ({ database, actor, now }) => {
        for (const c of await setDefaultCard(database, { actor, clientId: client, cardId, now }))
          out(cardLine(c));
      }),
    );
  card
    .command("remove")
    .description("remove a saved card (detached at Stripe)")
    .addOption(practice())
    .argument("<client>", "client id")
    .argument("<card>", "card id (from card list)")
    .action(async (client: string, cardId: string, o: { practice: string }) =>
      withPractice(o.practice, async ({ database, actor, now }) => {
        const left = await removeClientCard(database, {
          actor,
          clientId: client,
          cardId,
          now,
          stripe: stripeOptions(),
        });
        out(`Removed. ${left.length} card(s) left.`);
      }),
    );

  program.addCommand(
    new Command("charge")
      .description("charge the client's default card now (a manual charge)")
      .addOption(practice())
      .option("--key <key>", "idempotency key: run again with the same key and it never charges twice")
      .argument("<client>", "client id")
      .argument("<amount>", "in dollars, e.g. 125.00")
      .action(async (client: string, amount: string, o: { practice: string; key?: string }) => {
        const amountCents = parseAmountToCents(amount);
        const key = o.key ?? randomUUID();
        await withPractice(o.practice, async ({ database, actor, now }) => {
          const { charge, existing } = await chargeCard(database, {
            practiceId: actor.practiceId,
            clientId: client,
            amountCents,
            idempotencyKey: `manual:${key}`,
            purpose: { kind: "manual", id: key },
            now,
            actor,
            stripe: stripeOptions(),
          });
          const what =
            charge.status === "declined"
              ? `declined: ${charge.declineCode ?? charge.failureCode} (${charge.failureMessage})`
              : charge.status === "unknown"
                ? "unknown: Stripe did not answer; `billcycle stripe resolve` asks it (never charges again)"
                : charge.status;
          out(
            `${existing ? "Already charged with this key: " : ""}${formatCents(charge.amountCents)} ${what}`,
          );
          out(`charge ${charge.id}  key ${key}`);
          if (charge.status === "declined" || charge.status === "failed") process.exitCode = 2;
        });
      }),
  );
};
