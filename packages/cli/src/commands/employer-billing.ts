import { writeFileSync } from "node:fs";
import {
  applyEmployerReceipt,
  createCreditMemo,
  createEmployerBatch,
  type EmployerInvoiceSummary,
  emailEmployerInvoice,
  getEmployerBatch,
  getEmployerDashboard,
  getEmployerInvoice,
  listEmployerBatches,
  listEmployerInvoices,
  loadEmployerInvoicePdf,
  markEmployerInvoicesPrinted,
  rebatchEmployerBatch,
  recordEmployerReceipt,
  reverseEmployerReceipt,
  voidEmployerInvoice,
} from "@billcycle/app";
import { DomainError, dollarsToCents, formatCents, systemClock } from "@billcycle/core";
import type { Database } from "@billcycle/db";
import { type Command, Option } from "commander";
import { cliActor } from "../cli-actor";
import { invoiceMailer } from "../engine-ports";
import { openConfiguredDatabase } from "../open-configured-database";

const out = (line = "") => process.stdout.write(`${line}\n`);

const collect = (value: string, previous: string[] = []) => [...previous, value];

const withActor = async (
  practiceId: string,
  fn: (database: Database, actor: Awaited<ReturnType<typeof cliActor>>) => Promise<void>,
) => {
  const database = await openConfiguredDatabase(() => undefined);
  try {
    await fn(database, await cliActor(database, practiceId));
  } finally {
    await database.close();
  }
};

const invoiceLine = (i: EmployerInvoiceSummary) =>
  `  ${i.number.padEnd(16)} ${i.employerName.padEnd(24)} ${i.status.padEnd(14)} total ${formatCents(i.totalCents)}  open ${formatCents(i.openCents)}  ${i.encounterCount} encounter(s)`;

/** `billcycle employer-billing …`: batches, re-batches, invoice history, credit memos and receipts. */
export const registerEmployerBillingCommands = (program: Command) => {
  const practice = () => new Option("--practice <id>", "practice id").makeOptionMandatory();
  const eb = program
    .command("employer-billing")
    .description("employer invoices: batches, credit memos, receipts");

  eb.command("batch")
    .description("create an on-demand batch: one invoice per employer (or per employer of a group)")
    .addOption(practice())
    .option("--employer <id>", "the employer")
    .option("--group <id>", "the employer group")
    .option("--dos-from <date>", "dates of service from (YYYY-MM-DD)")
    .option("--dos-to <date>", "dates of service to")
    .option("--post-from <date>", "post dates from")
    .option("--post-to <date>", "post dates to")
    .option("--note <text>", "internal note (never on the invoice)")
    .action(
      async (o: {
        practice: string;
        employer?: string;
        group?: string;
        dosFrom?: string;
        dosTo?: string;
        postFrom?: string;
        postTo?: string;
        note?: string;
      }) =>
        withActor(o.practice, async (database, actor) => {
          const d = await createEmployerBatch(database, {
            actor,
            employerId: o.employer,
            groupId: o.group,
            dosFrom: o.dosFrom,
            dosTo: o.dosTo,
            postFrom: o.postFrom,
            postTo: o.postTo,
            note: o.note,
            now: systemClock.now(),
          });
          out(
            `batch ${d.batch.number}: ${d.batch.invoiceCount} invoice(s), ${d.batch.encounterCount} encounter(s)`,
          );
          for (const i of d.invoices) out(invoiceLine(i));
        }),
    );

  eb.command("rebatch")
    .description("batch a previous batch again (INV-1042-2, -3…), net of payments and credits since")
    .addOption(practice())
    .argument("<batchNumber>", "the batch number")
    .action(async (batchNumber: string, o: { practice: string }) =>
      withActor(o.practice, async (database, actor) => {
        const d = await rebatchEmployerBatch(database, {
          actor,
          batchNumber: Number(batchNumber),
          now: systemClock.now(),
        });
        out(`batch ${d.batch.number} (re-batch of ${batchNumber})`);
        for (const i of d.invoices) out(`${invoiceLine(i)}  due ${formatCents(i.amountDueCents)}`);
      }),
    );

  eb.command("batches")
    .description("batch history, newest first")
    .addOption(practice())
    .option("--employer <id>", "only batches with this employer's invoices")
    .action(async (o: { practice: string; employer?: string }) =>
      withActor(o.practice, async (database, actor) => {
        const r = await listEmployerBatches(database.db, { actor, employerId: o.employer, limit: 50 });
        for (const b of r.data) {
          out(
            `${String(b.number).padEnd(8)} ${b.kind.padEnd(12)} ${b.createdAt.slice(0, 10)}  ${b.invoiceCount} invoice(s)  ${formatCents(b.totalCents)}${b.note ? `  note: ${b.note}` : ""}`,
          );
        }
      }),
    );

  eb.command("stb")
    .description("open a batch by its number, as the navigation search's `stb 1042`")
    .addOption(practice())
    .argument("<batchNumber>", "the batch number")
    .action(async (batchNumber: string, o: { practice: string }) =>
      withActor(o.practice, async (database, actor) => {
        const d = await getEmployerBatch(database.db, actor.practiceId, { number: Number(batchNumber) });
        out(
          `batch ${d.batch.number} (${d.batch.kind}) by ${d.batch.createdBy} on ${d.batch.createdAt.slice(0, 10)}`,
        );
        for (const i of d.invoices) out(invoiceLine(i));
      }),
    );

  eb.command("invoices")
    .description("invoice history: status open (default), paid or all; --search contains any part of the id")
    .addOption(practice())
    .option("--employer <id>", "one employer's invoices")
    .addOption(
      new Option("--status <status>", "which invoices").choices(["open", "paid", "all"]).default("open"),
    )
    .option("--search <text>", "part of the invoice id")
    .action(
      async (o: { practice: string; employer?: string; status: "open" | "paid" | "all"; search?: string }) =>
        withActor(o.practice, async (database, actor) => {
          const r = await listEmployerInvoices(database.db, {
            actor,
            employerId: o.employer,
            status: o.status,
            search: o.search,
            limit: 200,
            cursor: undefined,
          });
          for (const i of r.data) out(invoiceLine(i));
          if (r.data.length === 0) out("no invoices");
        }),
    );

  eb.command("invoice")
    .description("one invoice: its encounter lines and the payments and credits on it")
    .addOption(practice())
    .argument("<invoiceId>")
    .option("--pdf <file>", "write its PDF to this file")
    .action(async (invoiceId: string, o: { practice: string; pdf?: string }) =>
      withActor(o.practice, async (database, actor) => {
        const d = await getEmployerInvoice(database.db, { actor, invoiceId });
        out(invoiceLine(d.invoice));
        for (const l of d.lines) {
          out(
            `    ${l.dateOfService} ${l.employeeName.padEnd(24)} ${l.code} ${formatCents(l.amountCents)}  encounter ${l.appointmentId}${l.creditedByLineId ? " (credited)" : ""}`,
          );
        }
        for (const a of d.activity) out(`    ${a.on} ${a.kind} ${a.reference} ${formatCents(a.amountCents)}`);
        if (o.pdf) {
          writeFileSync(o.pdf, (await loadEmployerInvoicePdf(database.db, { actor, invoiceId })).pdf);
          out(`PDF written to ${o.pdf}`);
        }
      }),
    );

  eb.command("dashboard")
    .description("an employer's billed, paid, open, unapplied and aging")
    .addOption(practice())
    .argument("<employerId>")
    .action(async (employerId: string, o: { practice: string }) =>
      withActor(o.practice, async (database, actor) => {
        const d = await getEmployerDashboard(database.db, { actor, employerId, now: systemClock.now() });
        out(`${d.employerName} (net ${d.termsDays})`);
        out(
          `  billed ${formatCents(d.billedCents)}  paid ${formatCents(d.paidCents)}  credited ${formatCents(d.creditedCents)}  open ${formatCents(d.openCents)}  unapplied ${formatCents(d.unappliedCents)}`,
        );
        out(
          `  aging: current ${formatCents(d.aging.current)}  31-60 ${formatCents(d.aging["31_60"])}  61-90 ${formatCents(d.aging["61_90"])}  90+ ${formatCents(d.aging.over_90)}`,
        );
      }),
    );

  eb.command("credit-memo")
    .description("credit encounters invoiced in error; they become billable again (to --rebill-to)")
    .addOption(practice())
    .argument("<invoiceId>")
    .requiredOption("--encounter <appointmentId>", "an encounter on the invoice (repeat)", collect)
    .requiredOption("--reason <text>", "why")
    .addOption(new Option("--rebill-to <party>", "bill them to").choices(["employer", "insurance", "client"]))
    .option("--rebill-employer <id>", "with --rebill-to employer: the employer")
    .action(
      async (
        invoiceId: string,
        o: {
          practice: string;
          encounter: string[];
          reason: string;
          rebillTo?: "employer" | "insurance" | "client";
          rebillEmployer?: string;
        },
      ) =>
        withActor(o.practice, async (database, actor) => {
          const d = await createCreditMemo(database, {
            actor,
            invoiceId,
            appointmentIds: o.encounter,
            reason: o.reason,
            rebillTo: o.rebillTo,
            rebillEmployerId: o.rebillEmployer,
            now: systemClock.now(),
          });
          out(`credit memo ${d.invoice.number}: ${formatCents(d.invoice.totalCents)}`);
        }),
    );

  eb.command("void")
    .description("void an open invoice with nothing paid or credited")
    .addOption(practice())
    .argument("<invoiceId>")
    .requiredOption("--reason <text>", "why")
    .action(async (invoiceId: string, o: { practice: string; reason: string }) =>
      withActor(o.practice, async (database, actor) => {
        const d = await voidEmployerInvoice(database, {
          actor,
          invoiceId,
          reason: o.reason,
          now: systemClock.now(),
        });
        out(`${d.invoice.number} is void`);
      }),
    );

  eb.command("receipt")
    .description("record an employer's check or EFT, applied as given (--apply invoiceId:dollars[:lineId])")
    .addOption(practice())
    .requiredOption("--employer <id>", "the employer")
    .addOption(
      new Option("--method <method>", "check or EFT").choices(["check", "eft"]).makeOptionMandatory(),
    )
    .requiredOption("--reference <text>", "check or EFT number")
    .requiredOption("--received-on <date>", "YYYY-MM-DD")
    .requiredOption("--amount <dollars>", "the amount")
    .option("--apply <spec>", "invoiceId:dollars or invoiceId:dollars:lineId (repeat)", collect)
    .action(
      async (o: {
        practice: string;
        employer: string;
        method: "check" | "eft";
        reference: string;
        receivedOn: string;
        amount: string;
        apply?: string[];
      }) =>
        withActor(o.practice, async (database, actor) => {
          const r = await recordEmployerReceipt(database, {
            actor,
            employerId: o.employer,
            method: o.method,
            reference: o.reference,
            receivedOn: o.receivedOn,
            amountCents: dollarsToCents(o.amount),
            apply: (o.apply ?? []).map(parseApplication),
            now: systemClock.now(),
          });
          out(
            `receipt ${r.id}: ${formatCents(r.amountCents)} applied ${formatCents(r.appliedCents)} unapplied ${formatCents(r.unappliedCents)}`,
          );
        }),
    );

  eb.command("apply")
    .description("apply more of a receipt (--apply invoiceId:dollars[:lineId])")
    .addOption(practice())
    .argument("<receiptId>")
    .requiredOption("--apply <spec>", "invoiceId:dollars or invoiceId:dollars:lineId (repeat)", collect)
    .action(async (receiptId: string, o: { practice: string; apply: string[] }) =>
      withActor(o.practice, async (database, actor) => {
        const r = await applyEmployerReceipt(database, {
          actor,
          receiptId,
          apply: o.apply.map(parseApplication),
          now: systemClock.now(),
        });
        out(
          `receipt ${r.id}: applied ${formatCents(r.appliedCents)} unapplied ${formatCents(r.unappliedCents)}`,
        );
      }),
    );

  eb.command("reverse-receipt")
    .description("reverse a receipt: its applications are undone")
    .addOption(practice())
    .argument("<receiptId>")
    .requiredOption("--reason <text>", "why")
    .action(async (receiptId: string, o: { practice: string; reason: string }) =>
      withActor(o.practice, async (database, actor) => {
        const r = await reverseEmployerReceipt(database, {
          actor,
          receiptId,
          reason: o.reason,
          now: systemClock.now(),
        });
        out(`receipt ${r.id} reversed`);
      }),
    );

  eb.command("deliver")
    .description(
      "email an invoice's PDF to the employer's billing contact (BILLCYCLE_SMTP_URL), or --printed",
    )
    .addOption(practice())
    .argument("<invoiceId>")
    .option("--printed", "mark it printed instead")
    .action(async (invoiceId: string, o: { practice: string; printed?: boolean }) =>
      withActor(o.practice, async (database, actor) => {
        if (o.printed) {
          await markEmployerInvoicesPrinted(database, {
            actor,
            invoiceIds: [invoiceId],
            now: systemClock.now(),
          });
          out("marked printed");
          return;
        }
        const mailer = invoiceMailer();
        try {
          const r = await emailEmployerInvoice(database, {
            actor,
            invoiceId,
            mailer,
            now: systemClock.now(),
          });
          out(`emailed to ${r.emailedTo}`);
        } finally {
          mailer?.close();
        }
      }),
    );
};

const parseApplication = (spec: string) => {
  const [invoiceId, dollars, lineId] = spec.split(":");
  if (!invoiceId || !dollars)
    throw new DomainError("VALIDATION_FAILED", `${spec}: expected invoiceId:dollars[:lineId]`);
  return { invoiceId, amountCents: dollarsToCents(dollars), ...(lineId ? { lineId } : {}) };
};
