import type { Database } from "@billcycle/db";
import type { TenantActor } from "../resources/crud";
import { type InvoiceRow, transitionInvoice } from "./transition-invoice";

/** The review queue's "Open": pended invoices become open (issued), all or none. */
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
    return opened;
  });
