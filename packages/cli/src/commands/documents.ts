import { writeFileSync } from "node:fs";
import {
  createSuperbill,
  downloadDocumentPdf,
  listClientDocuments,
  toDocumentView,
  voidDocument,
} from "@billcycle/app";
import {
  DomainError,
  documentKinds,
  formatCents,
  isCalendarDate,
  isSupportedDate,
  systemClock,
} from "@billcycle/core";
import { isUuid } from "@billcycle/db";
import { type Command, Option } from "commander";
import { cliActor } from "../cli-actor";
import { openConfiguredDatabase } from "../open-configured-database";

const out = (line = "") => process.stdout.write(`${line}\n`);

const localDateArg = (value: string): string => {
  if (!isCalendarDate(value) || !isSupportedDate(value))
    throw new DomainError("INVALID_DATE", `${value} is not a date (YYYY-MM-DD)`);
  return value;
};

/** An id that is not a UUID names nothing, as at the API. */
const idArg = (label: string, value: string): string => {
  if (!isUuid(value)) throw new DomainError("NOT_FOUND", `${label} not found`);
  return value.toLowerCase();
};

/** `billcycle document list|download|void` and `billcycle superbill create`. */
export const registerDocumentCommands = (program: Command) => {
  const practice = () => new Option("--practice <id>", "practice id").makeOptionMandatory();
  const document = program
    .command("document")
    .description("bills, superbills and statements (PDF documents)");

  document
    .command("list")
    .description("a client's documents, newest first, every version")
    .addOption(practice())
    .requiredOption("--client <id>", "client id")
    .addOption(new Option("--kind <kind>", "only this kind").choices([...documentKinds]))
    .option("--limit <n>", "how many", "50")
    .action(
      async (o: {
        practice: string;
        client: string;
        kind?: (typeof documentKinds)[number];
        limit: string;
      }) => {
        const database = await openConfiguredDatabase(() => undefined);
        try {
          const actor = await cliActor(database, o.practice);
          const page = await listClientDocuments(database, {
            actor,
            query: {
              clientId: idArg("Client", o.client),
              kind: o.kind,
              limit: Math.min(200, Math.max(1, Number(o.limit) || 50)),
            },
            now: systemClock.now(),
          });
          if (page.data.length === 0) out("no documents");
          for (const d of page.data.map(toDocumentView)) {
            const period = d.periodFrom ? ` ${d.periodFrom}..${d.periodTo}` : "";
            out(
              `${d.id}  ${d.kind.padEnd(9)} ${d.number} v${d.documentVersion}  ${d.status.padEnd(6)} ${formatCents(d.amountCents)}${period}  issued ${d.issuedAt}`,
            );
          }
        } finally {
          await database.close();
        }
      },
    );

  document
    .command("download <documentId>")
    .description("write a document's PDF, exactly as issued")
    .addOption(practice())
    .option("--out <file>", "where to write it (default: <number>.pdf in this directory)")
    .action(async (documentId: string, o: { practice: string; out?: string }) => {
      const database = await openConfiguredDatabase(() => undefined);
      try {
        const actor = await cliActor(database, o.practice);
        const pdf = await downloadDocumentPdf(database, {
          actor,
          documentId: idArg("Document", documentId),
          now: systemClock.now(),
        });
        const file = o.out ?? pdf.fileName;
        writeFileSync(file, pdf.bytes, { mode: 0o600 });
        out(`${file}: ${pdf.bytes.byteLength} bytes, sha256 ${pdf.sha256}`);
      } finally {
        await database.close();
      }
    });

  document
    .command("void <documentId>")
    .description("void a document (it stays as issued and is never shared)")
    .addOption(practice())
    .requiredOption("--reason <text>", "why")
    .action(async (documentId: string, o: { practice: string; reason: string }) => {
      const database = await openConfiguredDatabase(() => undefined);
      try {
        const actor = await cliActor(database, o.practice);
        const d = await voidDocument(database, {
          actor,
          documentId: idArg("Document", documentId),
          reason: o.reason,
          now: systemClock.now(),
        });
        out(`${d.number} v${d.version} voided`);
      } finally {
        await database.close();
      }
    });

  program
    .command("superbill")
    .description("superbills")
    .command("create")
    .description("a superbill of a client's insurance-eligible services of kept sessions in a date range")
    .addOption(practice())
    .requiredOption("--client <id>", "client id")
    .requiredOption("--from <date>", "first date of service (YYYY-MM-DD)", localDateArg)
    .requiredOption("--to <date>", "last date of service (YYYY-MM-DD)", localDateArg)
    .action(async (o: { practice: string; client: string; from: string; to: string }) => {
      const database = await openConfiguredDatabase(() => undefined);
      try {
        const actor = await cliActor(database, o.practice);
        const d = await createSuperbill(database, {
          actor,
          clientId: idArg("Client", o.client),
          from: o.from,
          to: o.to,
          now: systemClock.now(),
        });
        out(`${d.number} (${d.id}): services ${d.periodFrom}..${d.periodTo}, ${formatCents(d.amountCents)}`);
      } finally {
        await database.close();
      }
    });
};
