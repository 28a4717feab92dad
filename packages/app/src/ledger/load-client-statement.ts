import { buildClientStatement, type ClientStatement, notFound, type StatementLine } from "@billcycle/core";
import { type Address, type Database, type Executor, rowsOf, tables } from "@billcycle/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";

const addressLines = (a: Address | null): string[] =>
  a ? [a.line1, ...(a.line2 ? [a.line2] : []), `${a.city}, ${a.state} ${a.zip}`] : [];

/**
 * A client statement from the ledger for `from`–`to` (practice-local dates, inclusive): balance forward, the
 * entries in the range, ending balance and amount due. Reads only, on the caller's executor; NOT_FOUND for a
 * client of another practice. Documents render it; `getClientStatement` is the audited read for people.
 */
export const loadClientStatement = async (
  db: Executor,
  input: { practiceId: string; clientId: string; from: string; to: string },
): Promise<ClientStatement> => {
  const [practice] = await db
    .select({
      name: tables.practices.name,
      address: tables.practices.address,
      phone: tables.practices.phone,
      taxId: tables.practices.taxId,
    })
    .from(tables.practices)
    .where(eq(tables.practices.id, input.practiceId));
  const [client] = await db
    .select({
      id: tables.clients.id,
      firstName: tables.clients.firstName,
      lastName: tables.clients.lastName,
      address: tables.clients.address,
    })
    .from(tables.clients)
    .where(and(eq(tables.clients.practiceId, input.practiceId), eq(tables.clients.id, input.clientId)));
  if (!practice || !client) throw notFound("Client");
  const rows = rowsOf<{
    effective_on: string;
    kind: StatementLine["kind"];
    description: string;
    number: string | null;
    amount_cents: string | number;
  }>(
    await db.execute(sql`SELECT e.effective_on::text AS effective_on, e.kind, e.description, i.number, e.amount_cents
      FROM ${tables.ledgerEntries} e LEFT JOIN ${tables.invoices} i ON i.id = e.invoice_id
      WHERE e.practice_id = ${input.practiceId}::uuid AND e.client_id = ${input.clientId}::uuid
        AND e.effective_on <= ${input.to}::date
      ORDER BY e.effective_on, e.id`),
  );
  return buildClientStatement({
    practice: {
      name: practice.name,
      addressLines: addressLines(practice.address),
      phone: practice.phone,
      taxId: practice.taxId,
    },
    client: {
      id: client.id,
      name: `${client.firstName} ${client.lastName}`,
      addressLines: addressLines(client.address),
    },
    from: input.from,
    to: input.to,
    entries: rows.map((r) => ({
      date: String(r.effective_on).slice(0, 10),
      kind: r.kind,
      description: r.description,
      invoiceNumber: r.number,
      amountCents: Number(r.amount_cents),
    })),
  });
};

/** The statement a person asks for (API, web): the same, audited as a read. */
export const getClientStatement = async (
  database: Database,
  input: { actor: TenantActor; clientId: string; from: string; to: string; now: Date },
): Promise<ClientStatement> =>
  database.db.transaction(async (tx) => {
    const statement = await loadClientStatement(tx, {
      practiceId: input.actor.practiceId,
      clientId: input.clientId,
      from: input.from,
      to: input.to,
    });
    await recordAudit(tx, input.actor, "read", "client_statement", input.clientId, input.now, {
      from: input.from,
      to: input.to,
    });
    return statement;
  });
