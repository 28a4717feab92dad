import { DomainError, notFound } from "@billcycle/core";
import { type Executor, type InvoiceProfileContent, rowsOf, tables } from "@billcycle/db";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { EmployerInvoiceSummary, InvoiceProfileView } from "./employer-billing-schemas";

/** Employer invoicing needs the practice's "invoices enabled" setting (the seed's INVOICE = Yes). */
export const requireInvoicesEnabled = async (tx: Executor, practiceId: string): Promise<void> => {
  const [p] = await tx
    .select({ settings: tables.practices.billingSettings })
    .from(tables.practices)
    .where(eq(tables.practices.id, practiceId));
  if (!p?.settings.invoicesEnabled) {
    throw new DomainError(
      "INVOICES_DISABLED",
      "Employer invoices are off for this practice: turn on Invoices in the billing settings",
      { setting: "invoicesEnabled" },
    );
  }
};

/** The practice's profile until it saves one. */
export const defaultProfile = (practiceName: string): InvoiceProfileContent => ({
  header: { name: practiceName, lines: [] },
  remitTo: { lines: [practiceName] },
  logoText: null,
  termsDays: null,
  columns: ["employee_name", "date_of_service", "service", "authorization", "amount"],
  grouping: "employee",
  delivery: "email",
  numberPrefix: "INV-",
});

const contentOf = (row: typeof tables.employerInvoiceProfiles.$inferSelect): InvoiceProfileContent => ({
  header: row.header,
  remitTo: row.remitTo,
  logoText: row.logoText,
  termsDays: row.termsDays,
  columns: row.columns,
  grouping: row.grouping,
  delivery: row.delivery,
  numberPrefix: row.numberPrefix,
});

/** The profile that applies to an employer: its own, else the practice's, else the default. */
export const resolveProfile = async (
  tx: Executor,
  practiceId: string,
  employerId: string | null,
): Promise<InvoiceProfileView> =>
  (await resolveProfiles(tx, practiceId, employerId ? [employerId] : [null])).get(employerId)!;

/** The profile of each employer (null: the practice's own), read in one query for a whole group. */
export const resolveProfiles = async (
  tx: Executor,
  practiceId: string,
  employerIds: ReadonlyArray<string | null>,
): Promise<Map<string | null, InvoiceProfileView>> => {
  const ids = employerIds.filter((id): id is string => id !== null);
  const rows = await tx
    .select()
    .from(tables.employerInvoiceProfiles)
    .where(
      and(
        eq(tables.employerInvoiceProfiles.practiceId, practiceId),
        ids.length > 0
          ? or(
              isNull(tables.employerInvoiceProfiles.employerId),
              inArray(tables.employerInvoiceProfiles.employerId, ids),
            )
          : isNull(tables.employerInvoiceProfiles.employerId),
      ),
    );
  const practice = rows.find((r) => r.employerId === null);
  let fallback: InvoiceProfileView | undefined;
  if (!practice) {
    const [p] = await tx
      .select({ name: tables.practices.name })
      .from(tables.practices)
      .where(eq(tables.practices.id, practiceId));
    fallback = { id: null, employerId: null, saved: false, ...defaultProfile(p?.name ?? ""), version: 0 };
  }
  const ownOf = new Map(rows.filter((r) => r.employerId !== null).map((r) => [r.employerId, r]));
  const result = new Map<string | null, InvoiceProfileView>();
  for (const employerId of employerIds) {
    const chosen = (employerId ? ownOf.get(employerId) : undefined) ?? practice;
    result.set(
      employerId,
      chosen
        ? {
            id: chosen.id,
            employerId: chosen.employerId,
            saved: chosen.employerId === employerId,
            ...contentOf(chosen),
            version: chosen.version,
          }
        : fallback!,
    );
  }
  return result;
};

/** The employer of this practice or NOT_FOUND (another practice's employer is not revealed). */
export const findEmployer = async (tx: Executor, practiceId: string, employerId: string) => {
  const [e] = await tx
    .select()
    .from(tables.employers)
    .where(and(eq(tables.employers.practiceId, practiceId), eq(tables.employers.id, employerId)));
  if (!e) throw notFound("Employer");
  return e;
};

type SummaryRow = {
  id: string;
  number: string;
  kind: "invoice" | "rebatch" | "credit_memo";
  batch_id: string;
  batch_number: string | number;
  employer_id: string;
  employer_name: string;
  original_invoice_id: string | null;
  times_batched: number;
  issued_on: string;
  due_on: string;
  total_cents: string | number;
  amount_due_cents: string | number;
  status: EmployerInvoiceSummary["status"];
  billed_cents: string | number;
  paid_cents: string | number;
  credited_cents: string | number;
  encounter_count: string | number;
  delivery: "email" | "print";
  emailed_at: string | Date | null;
  printed_at: string | Date | null;
};

const iso = (v: string | Date | null): string | null => (v === null ? null : new Date(v).toISOString());
const dateText = (v: string | Date): string =>
  typeof v === "string" ? v.slice(0, 10) : v.toISOString().slice(0, 10);

/**
 * Invoice rows with their original's amounts now: billed (its total), credited (its credit memos), paid (receipts
 * applied, net of reversals) and open. `where` narrows `i` (employer_invoices).
 */
export const invoiceSummaries = async (
  tx: Executor,
  practiceId: string,
  where: ReturnType<typeof sql>,
  tail: ReturnType<typeof sql> = sql`ORDER BY i.id`,
): Promise<EmployerInvoiceSummary[]> => {
  const rows = rowsOf<SummaryRow>(
    await tx.execute(sql`
      WITH page AS (
        SELECT i.* FROM employer_invoices i WHERE i.practice_id = ${practiceId} AND (${where}) ${tail}
      )
      SELECT i.id, i.number, i.kind, i.batch_id, b.number AS batch_number, i.employer_id, e.name AS employer_name,
        i.original_invoice_id, i.times_batched, i.issued_on::text AS issued_on, i.due_on::text AS due_on,
        i.total_cents, i.amount_due_cents, i.status, o.total_cents AS billed_cents,
        COALESCE((SELECT sum(a.amount_cents) FROM employer_receipt_applications a
          WHERE a.practice_id = i.practice_id AND a.invoice_id = o.id), 0) AS paid_cents,
        COALESCE((SELECT -sum(m.total_cents) FROM employer_invoices m
          WHERE m.practice_id = i.practice_id AND m.original_invoice_id = o.id AND m.kind = 'credit_memo'), 0)
          AS credited_cents,
        (SELECT count(DISTINCT l.appointment_id) FROM employer_invoice_lines l
          WHERE l.practice_id = i.practice_id AND l.invoice_id = i.id) AS encounter_count,
        i.delivery, i.emailed_at, i.printed_at
      FROM page i
      JOIN employer_invoices o ON o.practice_id = i.practice_id AND o.id = COALESCE(i.original_invoice_id, i.id)
      JOIN employer_invoice_batches b ON b.practice_id = i.practice_id AND b.id = i.batch_id
      JOIN employers e ON e.practice_id = i.practice_id AND e.id = i.employer_id
      ORDER BY i.id DESC`),
  );
  return rows.map((r) => {
    const billed = Number(r.billed_cents);
    const paid = Number(r.paid_cents);
    const credited = Number(r.credited_cents);
    return {
      id: r.id,
      number: r.number,
      kind: r.kind,
      batchId: r.batch_id,
      batchNumber: Number(r.batch_number),
      employerId: r.employer_id,
      employerName: r.employer_name,
      originalInvoiceId: r.original_invoice_id,
      timesBatched: r.times_batched,
      issuedOn: dateText(r.issued_on),
      dueOn: dateText(r.due_on),
      totalCents: Number(r.total_cents),
      amountDueCents: Number(r.amount_due_cents),
      status: r.status,
      billedCents: billed,
      paidCents: paid,
      creditedCents: credited,
      openCents: r.status === "void" ? 0 : Math.max(0, billed - paid - credited),
      encounterCount: Number(r.encounter_count),
      delivery: r.delivery,
      emailedAt: iso(r.emailed_at),
      printedAt: iso(r.printed_at),
    };
  });
};

/** An invoice of the practice, or NOT_FOUND; `lock` takes its original's row lock (payments, credits, re-batches). */
export const findEmployerInvoice = async (
  tx: Executor,
  practiceId: string,
  invoiceId: string,
  lock = false,
) => {
  const t = tables.employerInvoices;
  const [inv] = await tx
    .select()
    .from(t)
    .where(and(eq(t.practiceId, practiceId), eq(t.id, invoiceId)));
  if (!inv) throw notFound("Invoice");
  const originalId = inv.originalInvoiceId ?? inv.id;
  const query = tx
    .select()
    .from(t)
    .where(and(eq(t.practiceId, practiceId), eq(t.id, originalId)));
  const [original] = lock ? await query.for("update") : await query;
  return { invoice: inv, original: original! };
};
