import { addDays, DomainError, employerInvoiceOpenCents, notFound, rebatchNumber } from "@billcycle/core";
import { type Executor, type InvoiceProfileContent, newId, rowsOf, tables } from "@billcycle/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { practiceToday } from "../automation/practice-today";
import { allocateNumbers } from "../billing/allocate-numbers";
import { translateDbError } from "../db-errors";
import { addressLines } from "../documents/pdf-layout";
import type { TenantActor } from "../resources/crud";
import { requireInvoicesEnabled } from "./employer-billing-context";
import type { EmployerBatchDetail } from "./employer-billing-schemas";
import { getEmployerBatch } from "./get-employer-batch";
import { loadInvoiceActivity } from "./invoice-activity";
import { pdfLineOf, type StoredLineFields, storeInvoicePdfs } from "./store-invoice-pdfs";

/**
 * Re-batches a previous batch (seed 003): a new batch with, for each of its invoices, a new invoice numbered
 * like the original with a dash and the number of times it has been batched (INV-1042-2, then -3), holding the
 * same encounters; its amount due is the original's total less every payment and credit posted since, which it
 * lists. A voided invoice is not re-batched (INVOICE_VOID).
 */
export const rebatchEmployerBatch = async (
  database: { db: Executor },
  input: { actor: TenantActor; batchNumber: number; note?: string | undefined; now: Date },
): Promise<EmployerBatchDetail> => {
  const { actor, now } = input;
  const practiceId = actor.practiceId;
  try {
    return await database.db.transaction(async (tx) => {
      await requireInvoicesEnabled(tx, practiceId);
      const [batch] = await tx
        .select()
        .from(tables.employerInvoiceBatches)
        .where(
          and(
            eq(tables.employerInvoiceBatches.practiceId, practiceId),
            eq(tables.employerInvoiceBatches.number, input.batchNumber),
          ),
        );
      if (!batch) throw notFound("Batch");
      if (batch.kind === "credit_memo") {
        throw new DomainError("VALIDATION_FAILED", "A credit memo batch is not re-batched", {
          field: "batchNumber",
        });
      }
      // The originals of the batch's invoices, locked (payments, credits and other re-batches wait).
      const originals = rowsOf<{ id: string }>(
        await tx.execute(sql`
          SELECT DISTINCT COALESCE(i.original_invoice_id, i.id) AS id FROM employer_invoices i
          WHERE i.practice_id = ${practiceId} AND i.batch_id = ${batch.id} AND i.kind <> 'credit_memo'`),
      ).map((r) => r.id);
      const t = tables.employerInvoices;
      const rows = await tx
        .select()
        .from(t)
        .where(
          and(
            eq(t.practiceId, practiceId),
            sql`${t.id} = ANY(${sql.raw(`'{${originals.join(",")}}'`)}::uuid[])`,
          ),
        )
        .orderBy(asc(t.number))
        .for("update");
      const voided = rows.find((r) => r.status === "void");
      if (voided) {
        throw new DomainError("INVOICE_VOID", `Invoice ${voided.number} is void: it cannot be re-batched`, {
          invoiceId: voided.id,
        });
      }
      const { today } = await practiceToday(tx, practiceId, now);
      const number = await allocateNumbers(tx, practiceId, "employer_batch", 1, 1000);
      const batchId = newId(now.getTime());
      await tx.insert(tables.employerInvoiceBatches).values({
        id: batchId,
        practiceId,
        createdAt: now,
        updatedAt: now,
        number,
        kind: "rebatch",
        employerId: batch.employerId,
        groupId: batch.groupId,
        dosFrom: batch.dosFrom,
        dosTo: batch.dosTo,
        postFrom: batch.postFrom,
        postTo: batch.postTo,
        note: input.note ?? null,
        rebatchOfBatchId: batch.id,
        createdBy: actor.label,
        createdByUserId: actor.userId,
      });
      const activity = await loadInvoiceActivity(tx, practiceId, originals);
      const pdfs = [];
      for (const o of rows) {
        const [{ times }] = rowsOf<{ times: number }>(
          await tx.execute(sql`
            SELECT COALESCE(max(times_batched), 1) + 1 AS times FROM employer_invoices
            WHERE practice_id = ${practiceId} AND (id = ${o.id} OR (original_invoice_id = ${o.id} AND kind = 'rebatch'))`),
        ) as [{ times: number }];
        const acts = activity.get(o.id) ?? [];
        const paid = acts.filter((a) => a.kind !== "credit_memo").reduce((s, a) => s + a.amountCents, 0);
        const credited = acts.filter((a) => a.kind === "credit_memo").reduce((s, a) => s + a.amountCents, 0);
        const due = employerInvoiceOpenCents({
          billedCents: o.totalCents,
          paidCents: paid,
          creditedCents: credited,
        });
        const id = newId(now.getTime());
        const [employer] = await tx
          .select()
          .from(tables.employers)
          .where(and(eq(tables.employers.practiceId, practiceId), eq(tables.employers.id, o.employerId)));
        const termsDays = o.profile.termsDays ?? employer!.termsDays;
        const invoiceNumber = rebatchNumber(o.number, Number(times));
        // Issued now, to the employer as it is now (the original keeps the address it was issued to).
        const billTo = { name: employer!.name, address: employer!.address ?? null };
        await tx.insert(t).values({
          id,
          practiceId,
          createdAt: now,
          updatedAt: now,
          batchId,
          employerId: o.employerId,
          kind: "rebatch",
          number: invoiceNumber,
          originalInvoiceId: o.id,
          timesBatched: Number(times),
          issuedOn: today,
          dueOn: addDays(today, termsDays),
          totalCents: o.totalCents,
          amountDueCents: due,
          status: o.status,
          profile: o.profile,
          billTo,
          delivery: o.delivery,
        });
        const lines = await tx.execute(sql`
          INSERT INTO employer_invoice_lines (id, practice_id, invoice_id, position, appointment_id, client_id, employee_name,
            date_of_service, service_id, code, description, units, amount_cents, authorization_number)
          SELECT gen_random_uuid(), practice_id, ${id}, position, appointment_id, client_id, employee_name, date_of_service,
            service_id, code, description, units, amount_cents, authorization_number
          FROM employer_invoice_lines WHERE practice_id = ${practiceId} AND invoice_id = ${o.id}
          RETURNING employee_name, client_id, date_of_service::text AS date_of_service, code, description, authorization_number, amount_cents`);
        pdfs.push({
          invoiceId: id,
          content: {
            kind: "rebatch" as const,
            number: invoiceNumber,
            originalNumber: o.number,
            issuedOn: today,
            issuedAt: now,
            dueOn: addDays(today, termsDays),
            termsDays,
            profile: o.profile as InvoiceProfileContent,
            employer: { name: billTo.name, addressLines: addressLines(billTo.address) },
            lines: rowsOf<StoredLineFields>(lines).map(pdfLineOf),
            totalCents: o.totalCents,
            activity: acts,
            amountDueCents: due,
          },
        });
      }
      await storeInvoicePdfs(tx, practiceId, pdfs, now);
      await recordAudit(tx, actor, "create", "employer_invoice_batch", batchId, now, {
        number,
        rebatchOf: batch.id,
        invoiceIds: pdfs.map((p) => p.invoiceId),
      });
      return getEmployerBatch(tx, practiceId, { batchId });
    });
  } catch (e) {
    throw translateDbError(e);
  }
};
