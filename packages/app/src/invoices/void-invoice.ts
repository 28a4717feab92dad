import { DomainError } from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, eq, ne } from "drizzle-orm";
import { reverseInvoiceInLedger } from "../ledger/ledger-writes";
import type { TenantActor } from "../resources/crud";
import { type InvoiceRow, transitionInvoice } from "./transition-invoice";

/**
 * Voids an invoice (it is never edited or deleted). Its sessions are released so they can be invoiced again —
 * the correction is a new invoice. An invoice with a live claim must have the claim voided first.
 */
export const voidInvoice = async (
  database: Database,
  { actor, invoiceId, reason, now }: { actor: TenantActor; invoiceId: string; reason: string; now: Date },
): Promise<InvoiceRow> =>
  database.db.transaction(async (tx) => {
    const live = await tx
      .select({ id: tables.claims.id, pcn: tables.claims.patientControlNumber })
      .from(tables.claims)
      .where(
        and(
          eq(tables.claims.practiceId, actor.practiceId),
          eq(tables.claims.invoiceId, invoiceId),
          ne(tables.claims.status, "void"),
        ),
      );
    if (live.length > 0) {
      throw new DomainError(
        "CONFLICT",
        `Invoice has claim ${live[0]!.pcn}; void or replace the claim before voiding the invoice`,
        {
          claimIds: live.map((c) => c.id),
        },
      );
    }
    const voided = await transitionInvoice(tx, {
      actor,
      invoiceId,
      to: "void",
      now,
      cause: reason,
      extra: { voidedAt: now, voidReason: reason },
    });
    await tx.delete(tables.appointmentInvoices).where(eq(tables.appointmentInvoices.invoiceId, invoiceId));
    await reverseInvoiceInLedger(tx, { actor, invoice: voided, now });
    return voided;
  });
