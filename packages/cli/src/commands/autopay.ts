import { explainAutopay } from "@billcycle/app";
import { DomainError, formatCents, systemClock } from "@billcycle/core";
import { isUuid, tables } from "@billcycle/db";
import type { Command } from "commander";
import { eq } from "drizzle-orm";
import { cliActor } from "../cli-actor";
import { openConfiguredDatabase } from "../open-configured-database";

const out = (line = "") => process.stdout.write(`${line}\n`);

/** `billcycle autopay why <client|invoice>`: the id is looked up as a client, then as an invoice. */
export const registerAutopayCommands = (program: Command) => {
  const autopay = program.command("autopay").description("autopay: why a client's bills were (not) charged");
  autopay
    .command("why <clientOrInvoice>")
    .description(
      "why wasn't this client's bill (or this invoice) charged, its attempts, and what happens next",
    )
    .action(async (id: string) => {
      const database = await openConfiguredDatabase(() => undefined);
      try {
        if (!isUuid(id)) throw new DomainError("NOT_FOUND", `No client or invoice ${id}`);
        const [client] = await database.db
          .select({ practiceId: tables.clients.practiceId })
          .from(tables.clients)
          .where(eq(tables.clients.id, id));
        const [invoice] = client
          ? []
          : await database.db
              .select({ practiceId: tables.invoices.practiceId })
              .from(tables.invoices)
              .where(eq(tables.invoices.id, id));
        const practiceId = client?.practiceId ?? invoice?.practiceId;
        if (!practiceId) throw new DomainError("NOT_FOUND", `No client or invoice ${id}`);
        const e = await explainAutopay(database, {
          actor: await cliActor(database, practiceId),
          target: client ? { clientId: id } : { invoiceId: id },
          now: systemClock.now(),
        });
        out(
          `client ${e.clientId} — autopay ${e.practiceAutopay ? "on" : "OFF"} for the practice, ` +
            `${e.clientAutopay ? "on" : "OFF"} for the client; ${e.maxAttempts} attempts per bill`,
        );
        out(
          e.card
            ? `default card: ${e.card.brand} ending ${e.card.last4}, ${String(e.card.expMonth).padStart(2, "0")}/${e.card.expYear}${e.card.expired ? " (EXPIRED)" : ""}`
            : "default card: none",
        );
        out(`next autopay run: ${e.nextRunAt ?? "off"}`);
        if (e.invoices.length === 0) out("no open bills and no autopay attempts");
        for (const i of e.invoices) {
          out(`invoice ${i.invoiceNumber} — open ${formatCents(i.openCents)} (${i.paymentStatus})`);
          out(`  ${i.reason} [${i.code}]`);
          for (const a of i.attempts)
            out(
              `  attempt ${a.attemptNumber} on ${a.localDate}: ${formatCents(a.amountCents)} ${a.outcome}` +
                `${a.declineMessage ? ` — ${a.declineMessage}` : ""}`,
            );
          out(`  next: ${i.next}`);
        }
      } finally {
        await database.close();
      }
    });
};
