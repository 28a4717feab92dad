import { DomainError, type VoidDisposition } from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, eq, ne } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { reverseInvoiceInLedger } from "../ledger/ledger-writes";
import type { TenantActor } from "../resources/crud";
import { type InvoiceRow, transitionInvoice } from "./transition-invoice";

/**
 * Voids an invoice (it is never edited or deleted). The void says what becomes of its sessions: a correction
 * releases them, so the next run (or a person) invoices them again; a waiver records them in session_waivers, so
 * no run or person ever invoices them again and "why not billed" says who waived them and why. Refused while a
 * live claim is on the invoice (void or replace the claim first) and while payments are applied to it
 * (INVOICE_HAS_PAYMENTS: move them to credit on account first).
 */
export const voidInvoice = async (
  database: Database,
  {
    actor,
    invoiceId,
    reason,
    disposition,
    now,
  }: { actor: TenantActor; invoiceId: string; reason: string; disposition: VoidDisposition; now: Date },
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
          // A claim voided at the payer, and the void claim itself, no longer bill the payer for this invoice.
          ne(tables.claims.followUp, "voided_at_payer"),
          ne(tables.claims.frequencyCode, "8"),
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
    const [paid] = await tx
      .select({
        number: tables.invoices.number,
        clientPaidCents: tables.invoices.clientPaidCents,
        insurancePaidCents: tables.invoices.insurancePaidCents,
      })
      .from(tables.invoices)
      .where(and(eq(tables.invoices.practiceId, actor.practiceId), eq(tables.invoices.id, invoiceId)))
      .for("update");
    if (paid && (paid.clientPaidCents !== 0 || paid.insurancePaidCents !== 0)) {
      throw new DomainError(
        "INVOICE_HAS_PAYMENTS",
        `Invoice ${paid.number} has payments applied; move them to credit on account before voiding it`,
        { clientPaidCents: paid.clientPaidCents, insurancePaidCents: paid.insurancePaidCents },
      );
    }
    const voided = await transitionInvoice(tx, {
      actor,
      invoiceId,
      to: "void",
      now,
      cause: `${disposition === "waive" ? "waived" : "correction"}: ${reason}`,
      extra: { voidedAt: now, voidReason: reason },
    });
    const released = await tx
      .delete(tables.appointmentInvoices)
      .where(eq(tables.appointmentInvoices.invoiceId, invoiceId))
      .returning({ appointmentId: tables.appointmentInvoices.appointmentId });
    if (disposition === "waive" && released.length > 0) {
      await tx
        .insert(tables.sessionWaivers)
        .values(
          released.map((r) => ({
            practiceId: actor.practiceId,
            appointmentId: r.appointmentId,
            invoiceId,
            reason,
            waivedBy: actor.label,
            waivedByUserId: actor.userId,
            waivedAt: now,
          })),
        )
        .onConflictDoNothing();
      for (const r of released) {
        await recordAudit(tx, actor, "create", "session_waiver", r.appointmentId, now, { invoiceId });
      }
    }
    await reverseInvoiceInLedger(tx, { actor, invoice: voided, now });
    return voided;
  });
