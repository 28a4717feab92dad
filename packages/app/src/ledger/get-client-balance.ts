import { type Database, rowsOf, tables } from "@billcycle/db";
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";
import type { ClientBalance } from "./ledger-schemas";
import { findClient, unappliedCredits } from "./ledger-writes";
import { listOpenClientBalances } from "./list-open-client-balances";

/**
 * A client's balance (the sum of the ledger), the open client responsibility per invoice and the credit on
 * account (payments not applied to any invoice). Audited as a read.
 */
export const getClientBalance = async (
  database: Database,
  { actor, clientId, now }: { actor: TenantActor; clientId: string; now: Date },
): Promise<ClientBalance> =>
  database.db.transaction(async (tx) => {
    await findClient(tx, actor.practiceId, clientId);
    const [sum] = rowsOf<{ balance: string | number }>(
      await tx.execute(sql`SELECT coalesce(sum(amount_cents), 0) AS balance FROM ${tables.ledgerEntries}
        WHERE practice_id = ${actor.practiceId}::uuid AND client_id = ${clientId}::uuid`),
    );
    const [open] = await listOpenClientBalances(tx, { practiceId: actor.practiceId, clientIds: [clientId] });
    const credits = await unappliedCredits(tx, actor.practiceId, [clientId]);
    await recordAudit(tx, actor, "read", "client_balance", clientId, now);
    return {
      clientId,
      balanceCents: Number(sum?.balance ?? 0),
      openInvoicesCents: open?.openCents ?? 0,
      creditOnAccountCents: credits.reduce((s, c) => s + c.unappliedCents, 0),
      openInvoices: open?.invoices ?? [],
    };
  });
