import { type Database, tables } from "@billcycle/db";
import { inArray } from "drizzle-orm";
import { issueInvoicesToLedger } from "../ledger/ledger-writes";
import type { TenantActor } from "../resources/crud";
import { type InvoiceRow, transitionInvoice } from "./transition-invoice";

/**
 * The review queue's "Open": pended invoices become open (issued), all or none; the client's share of each
 * enters the ledger and takes any credit on account.
 */
export const openInvoices = async (
  database: Database,
  { actor, invoiceIds, now }: { actor: TenantActor; invoiceIds: readonly string[]; now: Date },
): Promise<InvoiceRow[]> =>
  database.db.transaction(async (tx) => {
    const opened: InvoiceRow[] = [];
    for (const id of invoiceIds)
      opened.push(
        await transitionInvoice(tx, {
          actor,
          invoiceId: id,
          to: "open",
          now,
          cause: "reviewed",
          from: ["pended"],
        }),
      );
    await issueInvoicesToLedger(tx, {
      practiceId: actor.practiceId,
      invoiceIds: opened.map((i) => i.id),
      now,
      actor: actor.label,
    });
    // Credit may have paid some: answer them as they are now.
    const current = await tx
      .select()
      .from(tables.invoices)
      .where(
        inArray(
          tables.invoices.id,
          opened.map((i) => i.id),
        ),
      );
    const byId = new Map(current.map((r) => [r.id, r]));
    return opened.map((i) => byId.get(i.id) ?? i);
  });
