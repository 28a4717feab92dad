import { DomainError } from "@billcycle/core";
import { type Database, isUuid, rowsOf, tables } from "@billcycle/db";
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";
import type { LedgerEntry, LedgerPage } from "./ledger-schemas";
import { findClient } from "./ledger-writes";

type Row = {
  id: string;
  kind: LedgerEntry["kind"];
  amount_cents: string | number;
  balance_after: string | number;
  effective_on: string;
  description: string;
  invoice_id: string | null;
  invoice_number: string | null;
  payment_id: string | null;
  refund_id: string | null;
  write_off_id: string | null;
  posting_id: string | null;
  created_at: string | Date;
  actor: string;
};

/**
 * A client's ledger, newest first, a page at a time (the cursor is the last entry's id), each entry with the
 * balance after it. Audited as a read.
 */
export const listClientLedger = async (
  database: Database,
  input: { actor: TenantActor; clientId: string; limit: number; cursor?: string | undefined; now: Date },
): Promise<LedgerPage> => {
  const { actor } = input;
  if (input.cursor !== undefined && !isUuid(input.cursor)) {
    throw new DomainError("VALIDATION_FAILED", "The cursor is not a ledger entry", { field: "cursor" });
  }
  return database.db.transaction(async (tx) => {
    await findClient(tx, actor.practiceId, input.clientId);
    const rows = rowsOf<Row>(
      await tx.execute(sql`SELECT * FROM (
          SELECT e.id, e.kind, e.amount_cents, sum(e.amount_cents) OVER (ORDER BY e.id) AS balance_after,
            e.effective_on::text AS effective_on, e.description, e.invoice_id, i.number AS invoice_number,
            e.payment_id, e.refund_id, e.write_off_id, e.posting_id, e.created_at, e.actor
          FROM ${tables.ledgerEntries} e LEFT JOIN ${tables.invoices} i ON i.id = e.invoice_id
          WHERE e.practice_id = ${actor.practiceId}::uuid AND e.client_id = ${input.clientId}::uuid) s
        ${input.cursor ? sql`WHERE s.id < ${input.cursor}::uuid` : sql``}
        ORDER BY s.id DESC LIMIT ${input.limit + 1}`),
    );
    const page = rows.slice(0, input.limit);
    await recordAudit(tx, actor, "list", "ledger_entry", input.clientId, input.now, { count: page.length });
    return {
      data: page.map((r) => ({
        id: r.id,
        kind: r.kind,
        amountCents: Number(r.amount_cents),
        balanceAfterCents: Number(r.balance_after),
        effectiveOn: String(r.effective_on).slice(0, 10),
        description: r.description,
        invoiceId: r.invoice_id,
        invoiceNumber: r.invoice_number,
        paymentId: r.payment_id,
        refundId: r.refund_id,
        writeOffId: r.write_off_id,
        postingId: r.posting_id,
        createdAt: new Date(r.created_at).toISOString(),
        actor: r.actor,
      })),
      nextCursor: rows.length > input.limit ? page.at(-1)!.id : null,
    };
  });
};
