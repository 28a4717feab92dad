import { DomainError, notFound } from "@billcycle/core";
import { type Database, type Executor, newId, tables } from "@billcycle/db";
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { practiceToday } from "../automation/practice-today";
import { translateDbError } from "../db-errors";
import { writeInvoicePaymentStatus } from "../invoices/invoice-payment-status";
import type { TenantActor } from "../resources/crud";
import type { RecordedWriteOff } from "./ledger-schemas";
import { type ClientInvoice, insertLedgerEntries, loadClientInvoices, lockClient } from "./ledger-writes";

export type WriteOffClientBalanceInput = {
  actor: TenantActor;
  clientId: string;
  invoiceId: string;
  /** write_off: uncollectible; adjustment: a correction of what the client owes (a courtesy discount). */
  kind: "write_off" | "adjustment";
  /** One line of the invoice: at most what of that line is not yet written off (and what is open). */
  invoiceLineId?: string | undefined;
  /** All that is open on the invoice (or the line) when omitted. */
  amountCents?: number | undefined;
  reason: string;
  now: Date;
};

/**
 * Writes off (or adjusts down) client responsibility on one issued invoice, in one transaction: the write-off row,
 * a ledger entry lowering the balance, the invoice's written-off total and payment status, the audit row. Never
 * more than the invoice's open client amount; another client's or practice's invoice is NOT_FOUND.
 */
export const writeOffClientBalance = async (
  database: Database,
  input: WriteOffClientBalanceInput,
): Promise<RecordedWriteOff> => {
  const { actor } = input;
  if (!input.reason.trim()) {
    throw new DomainError("VALIDATION_FAILED", "A write-off needs a reason", { field: "reason" });
  }
  try {
    return await database.db.transaction(async (tx) => {
      await lockClient(tx, actor.practiceId, input.clientId);
      const [invoice] = await loadClientInvoices(tx, {
        practiceId: actor.practiceId,
        clientId: input.clientId,
        lock: true,
        invoiceIds: [input.invoiceId],
      });
      if (!invoice) {
        const [other] = await tx
          .select({ number: tables.invoices.number, status: tables.invoices.status })
          .from(tables.invoices)
          .where(
            and(
              eq(tables.invoices.practiceId, actor.practiceId),
              eq(tables.invoices.clientId, input.clientId),
              eq(tables.invoices.id, input.invoiceId),
            ),
          );
        if (!other) throw notFound("Invoice");
        // The client's, but pended or void: no client responsibility is on the ledger to write off.
        throw new DomainError(
          "ILLEGAL_TRANSITION",
          `Invoice ${other.number} is ${other.status}; only open or processed invoices can be written off`,
          { from: other.status },
        );
      }
      return writeOffInvoice(tx, { ...input, invoice });
    });
  } catch (e) {
    throw translateDbError(e);
  }
};

/**
 * Writes off (or adjusts down) client responsibility on one locked, issued invoice of the client, on the caller's
 * transaction: the write-off row, the ledger entry, the invoice's written-off total and payment status, the audit
 * row. Outreach's Write Off writes a set's balances off with it, in the action's transaction.
 */
export const writeOffInvoice = async (
  tx: Executor,
  input: Omit<WriteOffClientBalanceInput, "invoiceId"> & { invoice: ClientInvoice },
): Promise<RecordedWriteOff> => {
  const { actor, now, invoice } = input;
  const reason = input.reason.trim();
  let lineLeftCents: number | null = null;
  let lineLabel = "";
  if (input.invoiceLineId) {
    const [line] = await tx
      .select({
        code: tables.invoiceLines.code,
        amountCents: tables.invoiceLines.amountCents,
        writtenOff: sql<string>`coalesce((SELECT sum(w.amount_cents) FROM ${tables.clientWriteOffs} w
          WHERE w.practice_id = ${actor.practiceId}::uuid AND w.invoice_line_id = ${tables.invoiceLines.id}), 0)`,
      })
      .from(tables.invoiceLines)
      .where(
        and(
          eq(tables.invoiceLines.practiceId, actor.practiceId),
          eq(tables.invoiceLines.invoiceId, invoice.invoiceId),
          eq(tables.invoiceLines.id, input.invoiceLineId),
        ),
      );
    if (!line) throw notFound("Invoice line");
    lineLeftCents = Math.max(0, line.amountCents - Number(line.writtenOff));
    lineLabel = ` (${line.code})`;
  }
  const capCents = lineLeftCents === null ? invoice.openCents : Math.min(lineLeftCents, invoice.openCents);
  const amountCents = input.amountCents ?? capCents;
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
    throw new DomainError(
      "INVALID_AMOUNT",
      input.amountCents === undefined
        ? `Nothing is open on ${invoice.number} to write off`
        : "A write-off must be a positive whole number of cents",
      { amountCents },
    );
  }
  if (lineLeftCents !== null && amountCents > lineLeftCents) {
    throw new DomainError(
      "EXCEEDS_OPEN_AMOUNT",
      `The write-off is more than the ${lineLeftCents} cents of the line not yet written off`,
      { invoiceId: invoice.invoiceId, invoiceLineId: input.invoiceLineId, lineLeftCents, amountCents },
    );
  }
  if (amountCents > invoice.openCents) {
    throw new DomainError(
      "EXCEEDS_OPEN_AMOUNT",
      `The write-off is more than the ${invoice.openCents} cents open on ${invoice.number}`,
      { invoiceId: invoice.invoiceId, openCents: invoice.openCents, amountCents },
    );
  }
  const today = (await practiceToday(tx, actor.practiceId, now)).today;
  const writeOffId = newId(now.getTime());
  await tx.insert(tables.clientWriteOffs).values({
    id: writeOffId,
    practiceId: actor.practiceId,
    clientId: input.clientId,
    createdAt: now,
    recordedBy: actor.label,
    recordedByUserId: actor.userId,
    invoiceId: invoice.invoiceId,
    invoiceLineId: input.invoiceLineId ?? null,
    kind: input.kind,
    amountCents,
    effectiveOn: today,
    reason,
  });
  await insertLedgerEntries(tx, {
    practiceId: actor.practiceId,
    now,
    actor: actor.label,
    entries: [
      {
        clientId: input.clientId,
        kind: input.kind,
        amountCents: -amountCents,
        effectiveOn: today,
        description: `${input.kind === "write_off" ? "Write-off" : "Adjustment"} on ${invoice.number}${lineLabel}`,
        invoiceId: invoice.invoiceId,
        writeOffId,
      },
    ],
  });
  await tx
    .update(tables.invoices)
    .set({
      clientWrittenOffCents: sql`${tables.invoices.clientWrittenOffCents} + ${amountCents}`,
      version: sql`${tables.invoices.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(tables.invoices.practiceId, actor.practiceId), eq(tables.invoices.id, invoice.invoiceId)));
  await writeInvoicePaymentStatus(tx, {
    practiceId: actor.practiceId,
    invoiceIds: [invoice.invoiceId],
    now,
    actor: actor.label,
    cause: input.kind,
  });
  await recordAudit(tx, actor, "create", "client_write_off", writeOffId, now, {
    invoiceId: invoice.invoiceId,
    kind: input.kind,
  });
  const [status] = await tx
    .select({ paymentStatus: tables.invoices.paymentStatus })
    .from(tables.invoices)
    .where(eq(tables.invoices.id, invoice.invoiceId));
  return {
    id: writeOffId,
    clientId: input.clientId,
    invoiceId: invoice.invoiceId,
    invoiceNumber: invoice.number,
    invoiceLineId: input.invoiceLineId ?? null,
    kind: input.kind,
    amountCents,
    effectiveOn: today,
    reason,
    invoicePaymentStatus: status!.paymentStatus,
  };
};
