import { randomUUID } from "node:crypto";
import { getClientBalance, recordClientPayment, refundClientPayment } from "@billcycle/app";
import { dollarsToCents, formatCents, type PaymentApplication, systemClock } from "@billcycle/core";
import { type Command, Option } from "commander";
import { cliActor } from "../cli-actor";
import { openConfiguredDatabase } from "../open-configured-database";

const out = (line = "") => process.stdout.write(`${line}\n`);

const collect = (value: string, previous: string[] = []) => [...previous, value];

export const registerLedgerCommands = (program: Command) => {
  const practice = () => new Option("--practice <id>", "practice id").makeOptionMandatory();
  const client = () => new Option("--client <id>", "client id").makeOptionMandatory();

  const payment = program.command("payment").description("client payments recorded by hand");
  payment
    .command("record")
    .description("record a cash, check or external-card payment, applied oldest first or to chosen invoices")
    .addOption(practice())
    .addOption(client())
    .addOption(
      new Option("--method <method>", "how it was paid")
        .choices(["cash", "check", "external_card"])
        .makeOptionMandatory(),
    )
    .requiredOption("--amount <dollars>", "the amount in dollars, e.g. 120 or 49.50")
    .option("--received-on <date>", "the date received (YYYY-MM-DD, practice-local; default today)")
    .option("--reference <text>", "check number or receipt number")
    .option("--invoice <id>", "apply to this invoice (repeat, in order); oldest first when omitted", collect)
    .option("--idempotency-key <key>", "the same key on a retry records nothing new (default: a new key)")
    .action(
      async (o: {
        practice: string;
        client: string;
        method: "cash" | "check" | "external_card";
        amount: string;
        receivedOn?: string;
        reference?: string;
        invoice?: string[];
        idempotencyKey?: string;
      }) => {
        const database = await openConfiguredDatabase(() => undefined);
        try {
          const actor = await cliActor(database, o.practice);
          const apply: PaymentApplication = o.invoice?.length
            ? { kind: "chosen", invoices: o.invoice.map((invoiceId) => ({ invoiceId })) }
            : { kind: "oldest_first" };
          const r = await recordClientPayment(database, {
            actor,
            clientId: o.client,
            method: o.method,
            amountCents: dollarsToCents(o.amount),
            receivedOn: o.receivedOn,
            reference: o.reference ?? null,
            apply,
            idempotencyKey: o.idempotencyKey ?? randomUUID(),
            now: systemClock.now(),
          });
          out(
            `payment ${r.payment.id}: ${formatCents(r.payment.amountCents)} ${r.payment.method} received ${r.payment.receivedOn}${r.replayed ? " (recorded before under this key)" : ""}`,
          );
          for (const a of r.allocations) out(`  ${a.invoiceNumber}: ${formatCents(a.amountCents)}`);
          if (r.creditCents > 0) out(`  credit on account: ${formatCents(r.creditCents)}`);
        } finally {
          await database.close();
        }
      },
    );
  payment
    .command("refund")
    .description("refund a payment in part or whole (never more than what remains of it)")
    .addOption(practice())
    .addOption(client())
    .requiredOption("--payment <id>", "the payment refunded")
    .requiredOption("--amount <dollars>", "the amount in dollars")
    .requiredOption("--reason <text>", "why (kept with the refund)")
    .action(
      async (o: { practice: string; client: string; payment: string; amount: string; reason: string }) => {
        const database = await openConfiguredDatabase(() => undefined);
        try {
          const actor = await cliActor(database, o.practice);
          const r = await refundClientPayment(database, {
            actor,
            clientId: o.client,
            paymentId: o.payment,
            amountCents: dollarsToCents(o.amount),
            reason: o.reason,
            now: systemClock.now(),
          });
          out(`refund ${r.id}: ${formatCents(r.amountCents)} of payment ${r.paymentId} on ${r.refundedOn}`);
          if (r.fromCreditCents) out(`  from credit on account: ${formatCents(r.fromCreditCents)}`);
          for (const a of r.fromInvoices)
            out(`  taken back from ${a.invoiceNumber}: ${formatCents(a.amountCents)}`);
          out(`  left of the payment: ${formatCents(r.payment.amountCents - r.payment.refundedCents)}`);
        } finally {
          await database.close();
        }
      },
    );

  program
    .command("client")
    .description("clients")
    .command("balance")
    .description("a client's balance, open invoices and credit on account")
    .addOption(practice())
    .addOption(client())
    .action(async (o: { practice: string; client: string }) => {
      const database = await openConfiguredDatabase(() => undefined);
      try {
        const actor = await cliActor(database, o.practice);
        const b = await getClientBalance(database, { actor, clientId: o.client, now: systemClock.now() });
        out(
          `balance ${formatCents(b.balanceCents)}; credit on account ${formatCents(b.creditOnAccountCents)}`,
        );
        for (const i of b.openInvoices) {
          out(`  ${i.invoiceNumber} ${i.invoiceDate}: ${formatCents(i.openCents)} open (${i.paymentStatus})`);
        }
      } finally {
        await database.close();
      }
    });
};
