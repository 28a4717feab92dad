import { type Executor, rowsOf } from "@billcycle/db";
import { sql } from "drizzle-orm";
import type { TenantActor } from "../resources/crud";
import { findEmployerInvoice, invoiceSummaries } from "./employer-billing-context";
import type { EmployerInvoiceDetail } from "./employer-billing-schemas";
import { loadInvoiceActivity } from "./invoice-activity";

type LineRow = {
  id: string;
  position: number;
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
  credits_line_id: string | null;
  credited_by_line_id: string | null;
  paid_cents: string | number;
};

/** One invoice (the batch items screen): its lines, what credited them, and the activity on its original. */
export const getEmployerInvoice = async (
  db: Executor,
  input: { actor: TenantActor; invoiceId: string },
): Promise<EmployerInvoiceDetail> => {
  const practiceId = input.actor.practiceId;
  const { invoice, original } = await findEmployerInvoice(db, practiceId, input.invoiceId);
  const [summary] = await invoiceSummaries(db, practiceId, sql`i.id = ${invoice.id}`);
  const lines = rowsOf<LineRow>(
    await db.execute(sql`
      SELECT l.id, l.position, l.appointment_id, l.client_id, l.employee_name, l.date_of_service::text AS date_of_service,
        l.service_id, l.code, l.description, l.units, l.amount_cents, l.authorization_number, l.credits_line_id,
        (SELECT c.id FROM employer_invoice_lines c JOIN employer_invoice_lines ol ON ol.practice_id = c.practice_id AND ol.id = c.credits_line_id
          WHERE c.practice_id = l.practice_id AND ol.invoice_id = ${original.id} AND ol.appointment_id = l.appointment_id
            AND ol.position = l.position LIMIT 1) AS credited_by_line_id,
        COALESCE((SELECT sum(a.amount_cents) FROM employer_receipt_applications a
          JOIN employer_invoice_lines ol ON ol.practice_id = a.practice_id AND ol.id = a.line_id
          WHERE a.practice_id = l.practice_id AND a.invoice_id = ${original.id} AND ol.position = l.position), 0) AS paid_cents
      FROM employer_invoice_lines l
      WHERE l.practice_id = ${practiceId} AND l.invoice_id = ${invoice.id}
      ORDER BY l.position`),
  );
  const activity = (await loadInvoiceActivity(db, practiceId, [original.id])).get(original.id) ?? [];
  const [pdf] = rowsOf<{ one: number }>(
    await db.execute(
      sql`SELECT 1 AS one FROM employer_invoice_pdfs WHERE practice_id = ${practiceId} AND invoice_id = ${invoice.id}`,
    ),
  );
  return {
    invoice: summary!,
    lines: lines.map((l) => ({
      id: l.id,
      position: l.position,
      appointmentId: l.appointment_id,
      clientId: l.client_id,
      employeeName: l.employee_name,
      dateOfService: l.date_of_service,
      serviceId: l.service_id,
      code: l.code,
      description: l.description,
      units: l.units,
      amountCents: Number(l.amount_cents),
      authorizationNumber: l.authorization_number,
      creditsLineId: l.credits_line_id,
      creditedByLineId: invoice.kind === "credit_memo" ? null : l.credited_by_line_id,
      paidCents: invoice.kind === "credit_memo" ? 0 : Number(l.paid_cents),
    })),
    activity,
    hasPdf: pdf !== undefined,
  };
};
