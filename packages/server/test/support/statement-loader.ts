import type { LoadClientStatement } from "@billcycle/app";
import { rowsOf } from "@billcycle/db";
import { sql } from "drizzle-orm";

/**
 * The ledger's part in tests until it is merged: a statement read from the client's invoices (each issued invoice's
 * client responsibility a charge on its date, its client payments a payment), enough for the statement route to
 * issue a real document from real rows. At merge the ledger's loadClientStatement replaces it in the harness.
 */
export const invoiceStatementLoader: LoadClientStatement = async (tx, q) => {
  const [head] = rowsOf<{
    practice: string;
    phone: string | null;
    tax_id: string;
    first: string;
    last: string;
  }>(
    await tx.execute(sql`SELECT p.name AS practice, p.phone, p.tax_id, c.first_name AS first, c.last_name AS last
      FROM clients c JOIN practices p ON p.id = c.practice_id WHERE c.id = ${q.clientId}::uuid`),
  );
  const invoices = rowsOf<{ number: string; day: string; client: string | number; paid: string | number }>(
    await tx.execute(sql`SELECT number, to_char(invoice_date, 'YYYY-MM-DD') AS day, client_cents AS client,
        client_paid_cents AS paid
      FROM invoices WHERE practice_id = ${q.practiceId}::uuid AND client_id = ${q.clientId}::uuid
        AND status NOT IN ('pended', 'void') AND invoice_date <= ${q.to}::date ORDER BY invoice_date, number_seq`),
  );
  let forward = 0;
  const lines = [];
  for (const i of invoices) {
    const due = Number(i.client) - Number(i.paid);
    if (i.day < q.from) forward += due;
    else {
      lines.push({
        date: i.day,
        kind: "charge" as const,
        description: `Bill ${i.number}`,
        invoiceNumber: i.number,
        amountCents: Number(i.client),
      });
      if (Number(i.paid) !== 0)
        lines.push({
          date: i.day,
          kind: "payment" as const,
          description: "Payment",
          invoiceNumber: i.number,
          amountCents: -Number(i.paid),
        });
    }
  }
  const ending = forward + lines.reduce((a, l) => a + l.amountCents, 0);
  return {
    practice: {
      name: head?.practice ?? "",
      addressLines: [],
      phone: head?.phone ?? null,
      taxId: head?.tax_id ?? null,
    },
    client: { id: q.clientId, name: `${head?.first ?? ""} ${head?.last ?? ""}`, addressLines: [] },
    from: q.from,
    to: q.to,
    balanceForwardCents: forward,
    lines,
    endingBalanceCents: ending,
    amountDueCents: Math.max(0, ending),
    creditOnAccountCents: Math.max(0, -ending),
  };
};
