import { type AgingBucket, agingBuckets, decideAgingBucket } from "@billcycle/core";
import { type Executor, rowsOf } from "@billcycle/db";
import { sql } from "drizzle-orm";
import { practiceToday } from "../automation/practice-today";
import type { TenantActor } from "../resources/crud";
import { findEmployer } from "./employer-billing-context";
import type { EmployerDashboard } from "./employer-billing-schemas";

/**
 * The employer dashboard's figures: billed, paid, credited and open over its original (not voided) invoices,
 * receipts not yet applied, and the open amount by age since issue (current, 31–60, 61–90, over 90 days).
 */
export const getEmployerDashboard = async (
  db: Executor,
  input: { actor: TenantActor; employerId: string; now: Date },
): Promise<EmployerDashboard> => {
  const practiceId = input.actor.practiceId;
  const employer = await findEmployer(db, practiceId, input.employerId);
  const { today } = await practiceToday(db, practiceId, input.now);
  const rows = rowsOf<{
    billed: string | number;
    paid: string | number;
    credited: string | number;
    age: number;
  }>(
    await db.execute(sql`
      SELECT i.total_cents AS billed, (${today}::date - i.issued_on) AS age,
        COALESCE((SELECT sum(a.amount_cents) FROM employer_receipt_applications a
          WHERE a.practice_id = i.practice_id AND a.invoice_id = i.id), 0) AS paid,
        COALESCE((SELECT -sum(m.total_cents) FROM employer_invoices m
          WHERE m.practice_id = i.practice_id AND m.original_invoice_id = i.id AND m.kind = 'credit_memo'), 0) AS credited
      FROM employer_invoices i
      WHERE i.practice_id = ${practiceId} AND i.employer_id = ${employer.id} AND i.kind = 'invoice' AND i.status <> 'void'`),
  );
  const aging = Object.fromEntries(agingBuckets.map((b) => [b, 0])) as Record<AgingBucket, number>;
  let billed = 0;
  let paid = 0;
  let credited = 0;
  let open = 0;
  let openCount = 0;
  for (const r of rows) {
    const b = Number(r.billed);
    const p = Number(r.paid);
    const c = Number(r.credited);
    const o = Math.max(0, b - p - c);
    billed += b;
    paid += p;
    credited += c;
    open += o;
    if (o > 0) {
      openCount += 1;
      aging[decideAgingBucket(Number(r.age))] += o;
    }
  }
  const [receipts] = rowsOf<{ unapplied: string | number }>(
    await db.execute(sql`
      SELECT COALESCE(sum(r.amount_cents - COALESCE((SELECT sum(a.amount_cents) FROM employer_receipt_applications a
        WHERE a.practice_id = r.practice_id AND a.receipt_id = r.id), 0)), 0) AS unapplied
      FROM employer_receipts r
      WHERE r.practice_id = ${practiceId} AND r.employer_id = ${employer.id} AND r.reversed_at IS NULL`),
  );
  return {
    employerId: employer.id,
    employerName: employer.name,
    termsDays: employer.termsDays,
    billedCents: billed,
    paidCents: paid,
    creditedCents: credited,
    openCents: open,
    unappliedCents: Number(receipts?.unapplied ?? 0),
    aging,
    openInvoiceCount: openCount,
  };
};
