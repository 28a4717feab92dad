import type { LocalDate } from "@billcycle/core";
import { notFound } from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import { loadClientStatement } from "../ledger/load-client-statement";
import type { TenantActor } from "../resources/crud";
import type { DocumentHead } from "./document-view";
import { issueDocument } from "./issue-document";
import { renderStatementPdf } from "./render-statement-pdf";

/**
 * Issues a statement document for a client and a date range, as the ledger states it on the issuing transaction
 * (so the statement and its document agree).
 */
export const issueStatementDocument = async (
  database: Database,
  o: {
    actor: TenantActor;
    clientId: string;
    from: LocalDate;
    to: LocalDate;
    now: Date;
  },
): Promise<DocumentHead> =>
  database.db.transaction(async (tx) => {
    const [client] = await tx
      .select({ id: tables.clients.id })
      .from(tables.clients)
      .where(and(eq(tables.clients.practiceId, o.actor.practiceId), eq(tables.clients.id, o.clientId)));
    if (!client) throw notFound("Client");
    const statement = await loadClientStatement(tx, {
      practiceId: o.actor.practiceId,
      clientId: o.clientId,
      from: o.from,
      to: o.to,
    });
    return issueDocument(tx, {
      practiceId: o.actor.practiceId,
      clientId: o.clientId,
      kind: "statement",
      render: (stamp) => renderStatementPdf(statement, stamp),
      amountCents: statement.amountDueCents,
      periodFrom: o.from,
      periodTo: o.to,
      source: "user",
      actor: o.actor,
      now: o.now,
    });
  });
