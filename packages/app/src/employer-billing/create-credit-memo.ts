import { DomainError, notFound } from "@billcycle/core";
import { type Executor, type InvoiceProfileContent, newId, rowsOf, tables } from "@billcycle/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { practiceToday } from "../automation/practice-today";
import { allocateNumbers } from "../billing/allocate-numbers";
import { translateDbError } from "../db-errors";
import { addressLines } from "../documents/pdf-layout";
import type { TenantActor } from "../resources/crud";
import { findEmployer, findEmployerInvoice, requireInvoicesEnabled } from "./employer-billing-context";
import type { CreditMemoBody, EmployerInvoiceDetail } from "./employer-billing-schemas";
import { getEmployerInvoice } from "./get-employer-invoice";
import { pdfLineOf, storeInvoicePdfs } from "./store-invoice-pdfs";
import { refreshEmployerInvoiceStatuses } from "./write-employer-invoice-status";

type LineRow = {
  id: string;
  appointment_id: string;
  client_id: string;
  employee_name: string;
  date_of_service: string;
  service_id: string;
  code: string;
  description: string;
  units: number;
  amount_cents: string | number;
  authorization_number: string | null;
  credited: boolean;
};

/**
 * A credit memo (the related article "Credit Memo: Invoice Corrections"): a new invoice of negative amounts that
 * references the original invoice and each line it credits. The original is never edited. The credited
 * encounters are released (employer_billed_encounters) and, with `rebillTo`, billed from now on to the right party.
 * An encounter not on the invoice is LINE_NOT_ON_INVOICE; one credited before is ALREADY_CREDITED.
 */
export const createCreditMemo = async (
  database: { db: Executor },
  input: CreditMemoBody & { actor: TenantActor; invoiceId: string; now: Date },
): Promise<EmployerInvoiceDetail> => {
  const { actor, now } = input;
  const practiceId = actor.practiceId;
  if ((input.rebillTo === "employer") !== (input.rebillEmployerId !== undefined)) {
    throw new DomainError(
      "VALIDATION_FAILED",
      "Re-billing to an employer names the employer (and only then)",
      {
        field: "rebillEmployerId",
      },
    );
  }
  try {
    return await database.db.transaction(async (tx) => {
      await requireInvoicesEnabled(tx, practiceId);
      const { invoice, original } = await findEmployerInvoice(tx, practiceId, input.invoiceId, true);
      if (invoice.kind === "credit_memo") throw notFound("Invoice");
      if (original.status === "void") {
        throw new DomainError("INVOICE_VOID", `Invoice ${original.number} is void`, {
          invoiceId: original.id,
        });
      }
      if (input.rebillEmployerId) await findEmployer(tx, practiceId, input.rebillEmployerId);
      const lines = rowsOf<LineRow>(
        await tx.execute(sql`
          SELECT l.id, l.appointment_id, l.client_id, l.employee_name, l.date_of_service::text AS date_of_service, l.service_id,
            l.code, l.description, l.units, l.amount_cents, l.authorization_number,
            EXISTS (SELECT 1 FROM employer_invoice_lines c WHERE c.practice_id = l.practice_id AND c.credits_line_id = l.id) AS credited
          FROM employer_invoice_lines l
          WHERE l.practice_id = ${practiceId} AND l.invoice_id = ${original.id}
          ORDER BY l.position`),
      );
      const wanted = [...new Set(input.appointmentIds)];
      for (const appointmentId of wanted) {
        const own = lines.filter((l) => l.appointment_id === appointmentId);
        if (own.length === 0) {
          throw new DomainError(
            "LINE_NOT_ON_INVOICE",
            `That encounter is not on invoice ${original.number}`,
            {
              appointmentId,
            },
          );
        }
        if (own.some((l) => l.credited)) {
          throw new DomainError(
            "ALREADY_CREDITED",
            `That encounter was credited before on invoice ${original.number}`,
            {
              appointmentId,
            },
          );
        }
      }
      const credited = lines.filter((l) => wanted.includes(l.appointment_id));
      const total = -credited.reduce((s, l) => s + Number(l.amount_cents), 0);
      const { today } = await practiceToday(tx, practiceId, now);
      const batchNumber = await allocateNumbers(tx, practiceId, "employer_batch", 1, 1000);
      const [{ n }] = rowsOf<{ n: string | number }>(
        await tx.execute(sql`
          SELECT count(*) + 1 AS n FROM employer_invoices
          WHERE practice_id = ${practiceId} AND original_invoice_id = ${original.id} AND kind = 'credit_memo'`),
      ) as [{ n: string | number }];
      const number = `${original.number}-CM${Number(n)}`;
      const batchId = newId(now.getTime());
      await tx.insert(tables.employerInvoiceBatches).values({
        id: batchId,
        practiceId,
        createdAt: now,
        updatedAt: now,
        number: batchNumber,
        kind: "credit_memo",
        employerId: original.employerId,
        note: input.reason,
        createdBy: actor.label,
        createdByUserId: actor.userId,
      });
      const [employer] = await tx
        .select()
        .from(tables.employers)
        .where(
          and(eq(tables.employers.practiceId, practiceId), eq(tables.employers.id, original.employerId)),
        );
      const billTo = { name: employer!.name, address: employer!.address ?? null };
      const memoId = newId(now.getTime());
      await tx.insert(tables.employerInvoices).values({
        id: memoId,
        practiceId,
        createdAt: now,
        updatedAt: now,
        batchId,
        employerId: original.employerId,
        kind: "credit_memo",
        number,
        originalInvoiceId: original.id,
        issuedOn: today,
        dueOn: today,
        totalCents: total,
        amountDueCents: total,
        // A credit memo settles; nothing is owed on it.
        status: "paid",
        profile: original.profile,
        billTo,
        delivery: original.delivery,
      });
      await tx.insert(tables.employerInvoiceLines).values(
        credited.map((l, i) => ({
          id: newId(now.getTime()),
          practiceId,
          invoiceId: memoId,
          position: i + 1,
          appointmentId: l.appointment_id,
          clientId: l.client_id,
          employeeName: l.employee_name,
          dateOfService: l.date_of_service,
          serviceId: l.service_id,
          code: l.code,
          description: l.description,
          units: l.units,
          amountCents: -Number(l.amount_cents),
          authorizationNumber: l.authorization_number,
          creditsLineId: l.id,
        })),
      );
      // Released: billable again, to whoever they are billed to now.
      await tx.execute(sql`
        DELETE FROM employer_billed_encounters
        WHERE practice_id = ${practiceId} AND invoice_id = ${original.id}
          AND appointment_id = ANY(${sql.raw(`'{${wanted.join(",")}}'`)}::uuid[])`);
      if (input.rebillTo) {
        await tx
          .update(tables.appointments)
          .set({ billTo: input.rebillTo, billToEmployerId: input.rebillEmployerId ?? null, updatedAt: now })
          .where(
            and(
              eq(tables.appointments.practiceId, practiceId),
              sql`${tables.appointments.id} = ANY(${sql.raw(`'{${wanted.join(",")}}'`)}::uuid[])`,
            ),
          );
      }
      await refreshEmployerInvoiceStatuses(tx, practiceId, [original.id], now);
      await storeInvoicePdfs(
        tx,
        practiceId,
        [
          {
            invoiceId: memoId,
            content: {
              kind: "credit_memo",
              number,
              originalNumber: original.number,
              issuedOn: today,
              issuedAt: now,
              dueOn: today,
              termsDays: employer!.termsDays,
              profile: original.profile as InvoiceProfileContent,
              employer: { name: billTo.name, addressLines: addressLines(billTo.address) },
              lines: credited.map((l) => ({ ...pdfLineOf(l), amountCents: -Number(l.amount_cents) })),
              totalCents: total,
              activity: [],
              amountDueCents: total,
            },
          },
        ],
        now,
      );
      await recordAudit(tx, actor, "create", "employer_credit_memo", memoId, now, {
        invoiceId: original.id,
        appointmentIds: wanted,
        rebillTo: input.rebillTo ?? null,
      });
      return getEmployerInvoice(tx, { actor, invoiceId: memoId });
    });
  } catch (e) {
    throw translateDbError(e);
  }
};
