import {
  type Allocation,
  decideCreditConsumption,
  invoiceClientOpenCents,
  type LedgerEntryKind,
  notFound,
  type OpenInvoice,
  type UnappliedCredit,
} from "@billcycle/core";
import { bulkInsert, type Executor, everyRow, newId, pgArray, rowsOf, tables } from "@billcycle/db";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { practiceToday } from "../automation/practice-today";
import { writeInvoicePaymentStatus } from "../invoices/invoice-payment-status";
import { joinOutreachSets } from "../outreach/reconcile-outreach-sets";

/** Invoices whose client responsibility is in the ledger: issued and not voided. */
export const ISSUED_STATUSES = ["open", "processed"] as const;

export type LedgerEntryInput = {
  clientId: string;
  kind: LedgerEntryKind;
  /** Signed: + raises what the client owes. */
  amountCents: number;
  effectiveOn: string;
  description: string;
  invoiceId?: string | null;
  paymentId?: string | null;
  refundId?: string | null;
  writeOffId?: string | null;
  postingId?: string | null;
};

export const insertLedgerEntries = async (
  tx: Executor,
  input: { practiceId: string; entries: readonly LedgerEntryInput[]; now: Date; actor: string },
): Promise<void> => {
  const { entries, now } = input;
  if (entries.length === 0) return;
  await tx.execute(
    bulkInsert(tables.ledgerEntries, {
      id: entries.map(() => newId(now.getTime())),
      practiceId: everyRow(input.practiceId),
      clientId: entries.map((e) => e.clientId),
      kind: entries.map((e) => e.kind),
      amountCents: entries.map((e) => e.amountCents),
      effectiveOn: entries.map((e) => e.effectiveOn),
      description: entries.map((e) => e.description),
      invoiceId: entries.map((e) => e.invoiceId ?? null),
      paymentId: entries.map((e) => e.paymentId ?? null),
      refundId: entries.map((e) => e.refundId ?? null),
      writeOffId: entries.map((e) => e.writeOffId ?? null),
      postingId: entries.map((e) => e.postingId ?? null),
      createdAt: everyRow(now),
      actor: everyRow(input.actor),
    }),
  );
};

/**
 * Locks the client row: every change of one client's ledger takes this lock first, so two payments, a refund
 * and the next invoice's use of credit see each other's effects in turn. NOT_FOUND for another practice's client.
 */
export const lockClient = async (tx: Executor, practiceId: string, clientId: string) => {
  const [client] = await tx
    .select({ id: tables.clients.id })
    .from(tables.clients)
    .where(and(eq(tables.clients.practiceId, practiceId), eq(tables.clients.id, clientId)))
    .for("update");
  if (!client) throw notFound("Client");
  return client;
};

/** Locks many clients' rows, in id order (so two bulk writers never wait on each other in a circle). */
export const lockClients = async (tx: Executor, practiceId: string, clientIds: readonly string[]) => {
  await tx
    .select({ id: tables.clients.id })
    .from(tables.clients)
    .where(
      and(
        eq(tables.clients.practiceId, practiceId),
        sql`${tables.clients.id} = ANY(${pgArray([...clientIds], "uuid")}::uuid[])`,
      ),
    )
    .orderBy(asc(tables.clients.id))
    .for("update");
};

/** The client of this practice or NOT_FOUND, for reads (no lock). */
export const findClient = async (tx: Executor, practiceId: string, clientId: string) => {
  const [client] = await tx
    .select({ id: tables.clients.id })
    .from(tables.clients)
    .where(and(eq(tables.clients.practiceId, practiceId), eq(tables.clients.id, clientId)));
  if (!client) throw notFound("Client");
  return client;
};

export type ClientInvoice = OpenInvoice & {
  number: string;
  clientCents: number;
  clientPaidCents: number;
  clientWrittenOffCents: number;
};

/** The client's issued invoices with what is open on each, locked when the caller will change them. */
export const loadClientInvoices = async (
  tx: Executor,
  input: { practiceId: string; clientId: string; lock: boolean; invoiceIds?: readonly string[] },
): Promise<ClientInvoice[]> =>
  (await loadInvoicesOfClients(tx, { ...input, clientIds: [input.clientId] })).map(
    ({ clientId: _, ...invoice }) => invoice,
  );

/** The same for many clients of one practice in one statement (a chunk of card payments), in invoice id order. */
export const loadInvoicesOfClients = async (
  tx: Executor,
  input: { practiceId: string; clientIds: readonly string[]; lock: boolean; invoiceIds?: readonly string[] },
): Promise<Array<ClientInvoice & { clientId: string }>> => {
  const i = tables.invoices;
  const query = tx
    .select({
      id: i.id,
      clientId: i.clientId,
      number: i.number,
      numberSeq: i.numberSeq,
      invoiceDate: i.invoiceDate,
      insuranceCents: i.insuranceCents,
      insurancePaidCents: i.insurancePaidCents,
      adjustmentCents: i.adjustmentCents,
      clientCents: i.clientCents,
      clientPaidCents: i.clientPaidCents,
      clientWrittenOffCents: i.clientWrittenOffCents,
    })
    .from(i)
    .where(
      and(
        eq(i.practiceId, input.practiceId),
        input.clientIds.length === 1
          ? eq(i.clientId, input.clientIds[0]!)
          : sql`${i.clientId} = ANY(${pgArray(input.clientIds, "uuid")}::uuid[])`,
        inArray(i.status, [...ISSUED_STATUSES]),
        input.invoiceIds ? sql`${i.id} = ANY(${pgArray(input.invoiceIds, "uuid")}::uuid[])` : undefined,
      ),
    )
    .orderBy(asc(i.id));
  const rows = input.lock ? await query.for("update") : await query;
  return rows.map((r) => ({
    invoiceId: r.id,
    clientId: r.clientId,
    number: r.number,
    numberSeq: r.numberSeq ?? 0,
    invoiceDate: r.invoiceDate,
    openCents: invoiceClientOpenCents(r),
    clientCents: r.clientCents,
    clientPaidCents: r.clientPaidCents,
    clientWrittenOffCents: r.clientWrittenOffCents,
  }));
};

/**
 * Writes allocations (+ applies a payment's money to an invoice, − takes it back) and moves each invoice's
 * client paid total by the same amount, then re-derives the invoices' payment status.
 */
export const writeAllocations = async (
  tx: Executor,
  input: {
    practiceId: string;
    clientId: string;
    allocations: ReadonlyArray<Allocation & { paymentId: string }>;
    cause: "payment" | "credit" | "refund" | "void" | "moved";
    refundId?: string | null;
    now: Date;
    actor: string;
  },
): Promise<void> =>
  writeAllocationsOfClients(tx, {
    ...input,
    allocations: input.allocations.map((a) => ({ ...a, clientId: input.clientId })),
  });

/** The same for allocations of many clients' payments at once (a chunk of card payments): three statements. */
export const writeAllocationsOfClients = async (
  tx: Executor,
  input: {
    practiceId: string;
    allocations: ReadonlyArray<Allocation & { paymentId: string; clientId: string }>;
    cause: "payment" | "credit" | "refund" | "void" | "moved";
    refundId?: string | null;
    now: Date;
    actor: string;
  },
): Promise<void> => {
  const { allocations, now } = input;
  if (allocations.length === 0) return;
  const sign = input.cause === "payment" || input.cause === "credit" ? 1 : -1;
  await tx.execute(
    bulkInsert(tables.paymentAllocations, {
      id: allocations.map(() => newId(now.getTime())),
      practiceId: everyRow(input.practiceId),
      clientId: allocations.map((a) => a.clientId),
      paymentId: allocations.map((a) => a.paymentId),
      invoiceId: allocations.map((a) => a.invoiceId),
      amountCents: allocations.map((a) => sign * a.amountCents),
      cause: everyRow(input.cause),
      refundId: everyRow(input.refundId ?? null),
      createdAt: everyRow(now),
    }),
  );
  const byInvoice = new Map<string, number>();
  for (const a of allocations)
    byInvoice.set(a.invoiceId, (byInvoice.get(a.invoiceId) ?? 0) + sign * a.amountCents);
  await tx.execute(sql`UPDATE ${tables.invoices} AS i SET client_paid_cents = i.client_paid_cents + u.delta,
      version = i.version + 1, updated_at = ${now.toISOString()}::timestamptz
    FROM unnest(${pgArray([...byInvoice.keys()], "uuid")}::uuid[], ${pgArray(
      [...byInvoice.values()],
      "bigint",
    )}::bigint[]) AS u(id, delta)
    WHERE i.id = u.id AND i.practice_id = ${input.practiceId}::uuid`);
  await writeInvoicePaymentStatus(tx, {
    practiceId: input.practiceId,
    invoiceIds: [...byInvoice.keys()],
    now,
    actor: input.actor,
    cause: `client ${input.cause}`,
  });
};

/**
 * Credit on account per payment: amount − what its allocations hold − what was refunded (a refund taken from an
 * invoice lowered its allocations and the payment alike),
 * oldest payment first (by date received, then id). Only payments with something unapplied.
 */
export const unappliedCredits = async (
  tx: Executor,
  practiceId: string,
  clientIds: readonly string[],
): Promise<Array<UnappliedCredit & { clientId: string }>> => {
  if (clientIds.length === 0) return [];
  const rows = rowsOf<{ id: string; client_id: string; unapplied: string | number }>(
    await tx.execute(sql`SELECT p.id, p.client_id, p.amount_cents
        - coalesce((SELECT sum(a.amount_cents) FROM ${tables.paymentAllocations} a WHERE a.payment_id = p.id), 0)
        - coalesce((SELECT sum(r.amount_cents) FROM ${tables.refunds} r
            WHERE r.practice_id = p.practice_id AND r.payment_id = p.id), 0) AS unapplied
      FROM ${tables.payments} p
      WHERE p.practice_id = ${practiceId}::uuid AND p.client_id = ANY(${pgArray(clientIds, "uuid")}::uuid[])
      ORDER BY p.received_on, p.id`),
  );
  return rows
    .map((r) => ({ paymentId: r.id, clientId: r.client_id, unappliedCents: Number(r.unapplied) }))
    .filter((r) => r.unappliedCents > 0);
};

/**
 * An invoice becomes Open (issued): its client responsibility enters the ledger as a charge dated the invoice's
 * date, and the client's credit on account, if any, is consumed by it (oldest credit first). Used by every path
 * that issues invoices (the nightly run, Open in the review queue) in the issuing transaction.
 */
export const issueInvoicesToLedger = async (
  tx: Executor,
  input: { practiceId: string; invoiceIds: readonly string[]; now: Date; actor: string },
): Promise<void> => {
  const { practiceId, invoiceIds, now } = input;
  if (invoiceIds.length === 0) return;
  const ids = invoiceIds.map(() => newId(now.getTime()));
  const i = tables.invoices;
  const issued = rowsOf<{ id: string; client_id: string }>(
    await tx.execute(sql`INSERT INTO ${tables.ledgerEntries} (id, practice_id, client_id, kind, amount_cents,
        effective_on, description, invoice_id, created_at, actor)
      SELECT u.entry_id, i.practice_id, i.client_id, 'charge', i.client_cents, i.invoice_date, 'Bill ' || i.number,
        i.id, ${now.toISOString()}::timestamptz, ${input.actor}
      FROM unnest(${pgArray(invoiceIds, "uuid")}::uuid[], ${pgArray(ids, "uuid")}::uuid[]) AS u(invoice_id, entry_id)
        -- One primary-key probe per id (as the shares' insert): joined on the practice, the planner read all its
        -- open invoices by their status index for every batch, more each batch of a night.
        CROSS JOIN LATERAL (SELECT i.id, i.practice_id, i.client_id, i.client_cents, i.invoice_date, i.number, i.status
          FROM ${i} i WHERE i.id = u.invoice_id OFFSET 0) i
      WHERE i.practice_id = ${practiceId}::uuid AND i.client_cents > 0 AND i.status IN ('open', 'processed')
      RETURNING invoice_id AS id, client_id`),
  );
  // A zero invoice owes nothing and is paid at once; the others stay unpaid unless credit pays them below.
  const charged = new Set(issued.map((r) => r.id));
  await writeInvoicePaymentStatus(tx, {
    practiceId,
    invoiceIds: invoiceIds.filter((id) => !charged.has(id)),
    now,
    actor: input.actor,
    cause: "issued",
  });
  await joinOutreachSets(tx, { practiceId, invoiceIds: issued.map((r) => r.id), now, actor: input.actor });
  const clientIds = [...new Set(issued.map((r) => r.client_id))].sort();
  if ((await unappliedCredits(tx, practiceId, clientIds)).length === 0) return;
  // Some have credit: lock them (id order) and read their credit again under the lock.
  await lockClients(tx, practiceId, clientIds);
  const credits = await unappliedCredits(tx, practiceId, clientIds);
  const withCredit = [...new Set(credits.map((c) => c.clientId))];
  for (const clientId of withCredit) {
    const invoices = await loadClientInvoices(tx, {
      practiceId,
      clientId,
      lock: true,
      invoiceIds: issued.filter((r) => r.client_id === clientId).map((r) => r.id),
    });
    const allocations = decideCreditConsumption({
      credits: credits.filter((c) => c.clientId === clientId),
      invoices,
    });
    await writeAllocations(tx, {
      practiceId,
      clientId,
      allocations,
      cause: "credit",
      now,
      actor: input.actor,
    });
  }
};

/**
 * A voided invoice leaves the ledger: what it still charges the client (charges, ERA changes, less write-offs) is
 * reversed by one adjustment entry, and payments applied to it go back to credit on account.
 */
export const reverseInvoiceInLedger = async (
  tx: Executor,
  input: {
    actor: { practiceId: string; label: string };
    invoice: { id: string; clientId: string; number: string };
    now: Date;
  },
): Promise<void> => {
  const { actor, invoice, now } = input;
  const practiceId = actor.practiceId;
  const applied = rowsOf<{ payment_id: string; net: string | number }>(
    await tx.execute(sql`SELECT payment_id, sum(amount_cents) AS net FROM ${tables.paymentAllocations}
      WHERE practice_id = ${practiceId}::uuid AND invoice_id = ${invoice.id}::uuid
      GROUP BY payment_id HAVING sum(amount_cents) > 0 ORDER BY payment_id`),
  );
  await writeAllocations(tx, {
    practiceId,
    clientId: invoice.clientId,
    allocations: applied.map((a) => ({
      paymentId: a.payment_id,
      invoiceId: invoice.id,
      amountCents: Number(a.net),
    })),
    cause: "void",
    now,
    actor: actor.label,
  });
  const [charged] = rowsOf<{ net: string | number }>(
    await tx.execute(sql`SELECT coalesce(sum(amount_cents), 0) AS net FROM ${tables.ledgerEntries}
      WHERE practice_id = ${practiceId}::uuid AND invoice_id = ${invoice.id}::uuid`),
  );
  const net = Number(charged?.net ?? 0);
  if (net > 0) {
    const { today } = await practiceToday(tx, practiceId, now);
    await insertLedgerEntries(tx, {
      practiceId,
      now,
      actor: actor.label,
      entries: [
        {
          clientId: invoice.clientId,
          kind: "adjustment",
          amountCents: -net,
          effectiveOn: today,
          description: `Bill ${invoice.number} voided`,
          invoiceId: invoice.id,
        },
      ],
    });
  }
};
