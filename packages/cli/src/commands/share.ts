import { listDocumentShares, retryDocumentShare } from "@billcycle/app";
import { shareStatuses, systemClock } from "@billcycle/core";
import { type Command, Option } from "commander";
import { cliActor } from "../cli-actor";
import { openConfiguredDatabase } from "../open-configured-database";
import { cliInstant, practiceTimeZone } from "../practice-time";

const out = (line = "") => process.stdout.write(`${line}\n`);

/** `billcycle share list|retry`: automatic sharing of billing documents, and why one was not shared. */
export const registerShareCommands = (program: Command) => {
  const practice = () => new Option("--practice <id>", "practice id").makeOptionMandatory();
  const share = program.command("share").description("automatic sharing of billing documents by email");

  share
    .command("list")
    .description("shares, newest first, with their state and why one was skipped or failed")
    .addOption(practice())
    .addOption(new Option("--status <status>", "only this state").choices([...shareStatuses]))
    .option("--client <id>", "only this client's")
    .option("--invoice <id>", "only this invoice's bill")
    .option("--document <id>", "only this document's")
    .option("--limit <n>", "at most this many", "50")
    .action(
      async (o: {
        practice: string;
        status?: (typeof shareStatuses)[number];
        client?: string;
        invoice?: string;
        document?: string;
        limit: string;
      }) => {
        const database = await openConfiguredDatabase(() => undefined);
        try {
          const actor = await cliActor(database, o.practice);
          const timeZone = await practiceTimeZone(database, actor.practiceId);
          const { items } = await listDocumentShares(database, {
            actor,
            query: {
              status: o.status,
              clientId: o.client,
              invoiceId: o.invoice,
              documentId: o.document,
              limit: Math.max(1, Math.min(500, Number(o.limit) || 50)),
            },
          });
          for (const s of items) {
            const subject =
              s.subjectType === "invoice" ? `invoice ${s.invoiceId}` : `document ${s.documentId}`;
            const when =
              s.status === "sent"
                ? `sent ${cliInstant(s.sentAt, timeZone)}`
                : `due ${cliInstant(s.dueAt, timeZone)}`;
            const why = (s.reasons ?? []).map((r) => `${r.code}: ${r.message}`).join("; ");
            out(
              `${s.id}  ${s.status.padEnd(9)} ${s.kind.padEnd(9)} ${subject}  ${when}  attempts ${s.attempts}`,
            );
            if (why) out(`    ${why}`);
          }
          if (items.length === 0) out("no shares");
        } finally {
          await database.close();
        }
      },
    );

  share
    .command("retry <shareId>")
    .description("send a failed share again now (its attempts start again)")
    .addOption(practice())
    .action(async (shareId: string, o: { practice: string }) => {
      const database = await openConfiguredDatabase(() => undefined);
      try {
        const actor = await cliActor(database, o.practice);
        const s = await retryDocumentShare(database, { actor, shareId, now: systemClock.now() });
        const timeZone = await practiceTimeZone(database, actor.practiceId);
        out(`${s.id} ${s.status}, due ${cliInstant(s.dueAt, timeZone)}: the worker sends it`);
      } finally {
        await database.close();
      }
    });
};
