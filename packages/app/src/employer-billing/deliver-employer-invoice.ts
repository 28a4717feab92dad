import { DomainError, notFound } from "@billcycle/core";
import { type Executor, rowsOf, tables } from "@billcycle/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";
import type { InvoiceDeliveryResult } from "./employer-billing-schemas";
import type { EmployerInvoiceMailer } from "./employer-invoice-mailer";
import { storeMissingInvoicePdfs } from "./store-invoice-pdfs";

const titles = { invoice: "Invoice", rebatch: "Invoice", credit_memo: "Credit memo" } as const;

const resultOf = (inv: typeof tables.employerInvoices.$inferSelect): InvoiceDeliveryResult => ({
  invoiceId: inv.id,
  delivery: inv.delivery,
  emailedTo: inv.emailedTo,
  emailedAt: inv.emailedAt ? inv.emailedAt.toISOString() : null,
  printedAt: inv.printedAt ? inv.printedAt.toISOString() : null,
});

/**
 * The stored PDF of an invoice, re-batch or credit memo, exactly as issued. An on-demand invoice whose batch
 * committed but died before storing its PDF gets it now, rendered from its stored rows (once: later reads find it).
 */
export const loadEmployerInvoicePdf = async (
  db: Executor,
  input: { actor: TenantActor; invoiceId: string },
): Promise<{ number: string; pdf: Uint8Array }> => {
  const practiceId = input.actor.practiceId;
  const read = () =>
    db
      .select({
        number: tables.employerInvoices.number,
        createdAt: tables.employerInvoices.createdAt,
        pdf: tables.employerInvoicePdfs.pdf,
      })
      .from(tables.employerInvoices)
      .leftJoin(
        tables.employerInvoicePdfs,
        eq(tables.employerInvoicePdfs.invoiceId, tables.employerInvoices.id),
      )
      .where(
        and(
          eq(tables.employerInvoices.practiceId, practiceId),
          eq(tables.employerInvoices.id, input.invoiceId),
        ),
      );
  let [row] = await read();
  if (!row) throw notFound("Invoice");
  if (row.pdf === null) {
    await storeMissingInvoicePdfs(db, practiceId, [input.invoiceId], row.createdAt);
    [row] = await read();
  }
  if (!row?.pdf) throw notFound("Invoice PDF");
  return { number: row.number, pdf: new Uint8Array(row.pdf) };
};

/**
 * Emails the invoice's stored PDF to the employer's billing contact (the contact marked billing, else the
 * employer's contact email). The mail goes out before emailed_at is written: a crash between the two re-sends at
 * most once more, never loses the record of a sent invoice that committed.
 */
export const emailEmployerInvoice = async (
  database: { db: Executor },
  input: { actor: TenantActor; invoiceId: string; mailer: EmployerInvoiceMailer | undefined; now: Date },
): Promise<InvoiceDeliveryResult> => {
  const practiceId = input.actor.practiceId;
  const { number, pdf } = await loadEmployerInvoicePdf(database.db, input);
  const [row] = await database.db
    .select({
      invoice: tables.employerInvoices,
      employer: tables.employers,
      practiceName: tables.practices.name,
    })
    .from(tables.employerInvoices)
    .innerJoin(
      tables.employers,
      and(
        eq(tables.employers.practiceId, tables.employerInvoices.practiceId),
        eq(tables.employers.id, tables.employerInvoices.employerId),
      ),
    )
    .innerJoin(tables.practices, eq(tables.practices.id, tables.employerInvoices.practiceId))
    .where(
      and(
        eq(tables.employerInvoices.practiceId, practiceId),
        eq(tables.employerInvoices.id, input.invoiceId),
      ),
    );
  const { invoice, employer } = row!;
  const to = employer.contacts.find((c) => c.billing)?.email ?? employer.contactEmail;
  if (!to) {
    throw new DomainError("VALIDATION_FAILED", `${employer.name} has no billing contact email`, {
      field: "contacts",
    });
  }
  if (!input.mailer) {
    throw new DomainError(
      "CONFLICT",
      "Mail is not configured on this server (BILLCYCLE_SMTP_URL): mark it printed instead",
    );
  }
  const title = titles[invoice.kind];
  const sent = await input.mailer.send({
    to,
    fromName: row!.practiceName,
    subject: `${title} ${number} from ${row!.practiceName}`,
    text: `${title} ${number} is attached.\n\n${row!.practiceName}`,
    attachment: { filename: `${number}.pdf`, content: pdf },
  });
  if (!sent.ok) {
    throw new DomainError("CONFLICT", `The invoice was not sent: ${sent.message}`, { code: sent.code });
  }
  return database.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(tables.employerInvoices)
      .set({ emailedAt: input.now, emailedTo: to, updatedAt: input.now })
      .where(
        and(eq(tables.employerInvoices.practiceId, practiceId), eq(tables.employerInvoices.id, invoice.id)),
      )
      .returning();
    await recordAudit(tx, input.actor, "update", "employer_invoice", invoice.id, input.now, {
      emailed: true,
    });
    return resultOf(updated!);
  });
};

/** Marks invoices printed (delivery by post), all or nothing. */
export const markEmployerInvoicesPrinted = async (
  database: { db: Executor },
  input: { actor: TenantActor; invoiceIds: string[]; now: Date },
): Promise<InvoiceDeliveryResult[]> =>
  database.db.transaction(async (tx) => {
    const ids = sql.raw(`'{${input.invoiceIds.join(",")}}'::uuid[]`);
    const rows = rowsOf<{ id: string }>(
      await tx.execute(sql`
        UPDATE employer_invoices SET printed_at = ${input.now.toISOString()}::timestamptz, updated_at = ${input.now.toISOString()}::timestamptz
        WHERE practice_id = ${input.actor.practiceId} AND id = ANY(${ids}) RETURNING id`),
    );
    if (rows.length !== new Set(input.invoiceIds).size) throw notFound("Invoice");
    await recordAudit(tx, input.actor, "update", "employer_invoice", null, input.now, {
      printed: input.invoiceIds,
    });
    const updated = await tx
      .select()
      .from(tables.employerInvoices)
      .where(
        and(
          eq(tables.employerInvoices.practiceId, input.actor.practiceId),
          sql`${tables.employerInvoices.id} = ANY(${ids})`,
        ),
      );
    return updated.map(resultOf);
  });
