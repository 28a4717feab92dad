import {
  type ClaimAdjudication,
  type ClaimStage,
  type ClaimStatus,
  claimAdjudications,
  claimStageFilter,
  claimStageOf,
  claimStages,
  claimStatuses,
  invoicePaymentStatuses,
  invoiceStatuses,
} from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { describeHistory, historyWordsShape } from "../../audit/history-words";
import { claimRecordSchema } from "../../claims/claim-schemas";
import { localDate } from "../../schemas/common";
import { rowSchema } from "../../schemas/row-schema";
import { likeEscape } from "../like-pattern";
import type { ResourceDefinition, Row } from "../resource-definition";

const none = z.strictObject({});

const attach = async <T extends { [k: string]: unknown }>(
  rows: Row[],
  load: (ids: string[]) => Promise<T[]>,
  key: keyof T,
  as: string,
): Promise<Row[]> => {
  if (rows.length === 0) return rows;
  const children = await load(rows.map((r) => String(r.id)));
  const by = new Map<string, T[]>();
  for (const c of children) {
    const k = String(c[key]);
    const list = by.get(k);
    if (list) list.push(c);
    else by.set(k, [c]);
  }
  return rows.map((r) => ({ ...r, [as]: by.get(String(r.id)) ?? [] }));
};

const expandInvoices = async (tx: Executor, practiceId: string, rows: Row[]) => {
  const withLines = await attach(
    // number_seq only orders the list: the invoice's number is `number`.
    rows.map(({ numberSeq: _, ...invoice }) => invoice),
    (ids) =>
      tx
        .select()
        .from(tables.invoiceLines)
        .where(
          and(eq(tables.invoiceLines.practiceId, practiceId), inArray(tables.invoiceLines.invoiceId, ids)),
        )
        .orderBy(asc(tables.invoiceLines.invoiceId), asc(tables.invoiceLines.position)),
    "invoiceId",
    "lines",
  );
  const withHistory = await attach(
    withLines,
    (ids) =>
      tx
        .select()
        .from(tables.invoiceStatusHistory)
        .where(
          and(
            eq(tables.invoiceStatusHistory.practiceId, practiceId),
            inArray(tables.invoiceStatusHistory.invoiceId, ids),
          ),
        )
        .orderBy(asc(tables.invoiceStatusHistory.at)),
    "invoiceId",
    "history",
  );
  return withWords(tx, practiceId, withHistory);
};

/** Adds each history entry's actor and cause in words (one lookup for every row's history). */
const withWords = async (tx: Executor, practiceId: string, rows: Row[]): Promise<Row[]> => {
  const histories = rows.map((r) => r.history as Array<{ actor: string; cause: unknown }>);
  const words = await describeHistory(tx, practiceId, histories.flat());
  let i = 0;
  return rows.map((r, k) => ({ ...r, history: histories[k]!.map((h) => ({ ...h, ...words[i++] })) }));
};

/** An invoice as read: its row (without number_seq) with its lines and status history. */
export const invoiceRecordSchema = rowSchema(tables.invoices, { omit: ["numberSeq"] }).extend({
  lines: z.array(rowSchema(tables.invoiceLines).meta({ id: "InvoiceLine" })),
  history: z.array(
    rowSchema(tables.invoiceStatusHistory)
      .extend({
        fromStatus: z.enum(invoiceStatuses).nullable(),
        toStatus: z.enum(invoiceStatuses),
        ...historyWordsShape,
      })
      .meta({ id: "InvoiceStatusChange" }),
  ),
});

export const invoicesResource: ResourceDefinition = {
  path: "invoices",
  entity: "invoice",
  label: "Invoice",
  table: tables.invoices,
  createSchema: none,
  updateSchema: none,
  readPermission: "billing:read",
  writePermission: "billing:write",
  phi: true,
  writable: false,
  deletable: false,
  filters: {
    status: {
      column: tables.invoices.status,
      op: "eq",
      schema: z.enum(invoiceStatuses),
      description: "invoice status (lifecycle)",
    },
    paymentStatus: {
      column: tables.invoices.paymentStatus,
      op: "eq",
      schema: z.enum(invoicePaymentStatuses),
      description: "invoice payment status",
    },
    clientId: { column: tables.invoices.clientId, op: "eq", schema: z.uuid(), description: "the client" },
    number: {
      // "1042", "inv-1042" or "INV-1042" find INV-1042 through the (practice, number_seq) index.
      where: (text) => {
        const digits = /(\d+)\s*$/.exec(String(text))?.[1];
        return digits
          ? sql`${tables.invoices.numberSeq} = ${Number(digits.slice(-15))}`
          : sql`${tables.invoices.number} ILIKE ${`%${likeEscape(String(text))}%`}`;
      },
      schema: z.string().trim().min(1).max(40),
      description: "the invoice number, with or without its prefix (INV-1042 or 1042)",
    },
    providerId: {
      // An invoice's provider is its sessions' (a monthly invoice can hold several providers' sessions).
      where: (providerId) => sql`EXISTS (SELECT 1 FROM ${tables.appointmentInvoices} ai
        JOIN ${tables.appointments} a ON a.practice_id = ai.practice_id AND a.id = ai.appointment_id
        WHERE ai.invoice_id = ${tables.invoices.id} AND a.provider_id = ${providerId}::uuid)`,
      schema: z.uuid(),
      description: "a provider with a session on the invoice",
    },
    from: {
      column: tables.invoices.invoiceDate,
      op: "gte",
      schema: localDate,
      description: "invoice date on or after",
    },
    to: {
      column: tables.invoices.invoiceDate,
      op: "lte",
      schema: localDate,
      description: "invoice date on or before",
    },
    minCents: {
      column: tables.invoices.totalCents,
      op: "gte",
      schema: z.coerce.number().int(),
      description: "total at least (cents)",
    },
    maxCents: {
      column: tables.invoices.totalCents,
      op: "lte",
      schema: z.coerce.number().int(),
      description: "total at most (cents)",
    },
  },
  sorts: {
    // In numeric order: INV-10000 after INV-9999.
    number: tables.invoices.numberSeq,
    invoiceDate: tables.invoices.invoiceDate,
    totalCents: tables.invoices.totalCents,
    status: tables.invoices.status,
  },
  record: invoiceRecordSchema,
  expand: expandInvoices,
};

const expandClaims = async (tx: Executor, practiceId: string, rows: Row[]) => {
  const withLines = await attach(
    rows,
    (ids) =>
      tx
        .select()
        .from(tables.claimLines)
        .where(and(eq(tables.claimLines.practiceId, practiceId), inArray(tables.claimLines.claimId, ids)))
        .orderBy(asc(tables.claimLines.claimId), asc(tables.claimLines.lineNumber)),
    "claimId",
    "lines",
  );
  const withScrubs = await attach(
    withLines,
    (ids) =>
      tx
        .select()
        .from(tables.claimScrubs)
        .where(and(eq(tables.claimScrubs.practiceId, practiceId), inArray(tables.claimScrubs.claimId, ids)))
        .orderBy(asc(tables.claimScrubs.at)),
    "claimId",
    "scrubs",
  );
  const withAcks = await attach(
    withScrubs,
    (ids) =>
      tx
        .select()
        .from(tables.claimAcknowledgments)
        .where(
          and(
            eq(tables.claimAcknowledgments.practiceId, practiceId),
            inArray(tables.claimAcknowledgments.claimId, ids),
          ),
        )
        .orderBy(asc(tables.claimAcknowledgments.at)),
    "claimId",
    "acknowledgments",
  );
  const withFiles = await attach(
    withAcks,
    (ids) =>
      tx
        .select({
          claimId: tables.claimSubmissions.claimId,
          fileId: tables.clearinghouseFiles.id,
          name: tables.clearinghouseFiles.name,
          status: tables.clearinghouseFiles.status,
          sentAt: tables.clearinghouseFiles.sentAt,
          transactionControlNumber: tables.claimSubmissions.transactionControlNumber,
        })
        .from(tables.claimSubmissions)
        .innerJoin(
          tables.clearinghouseFiles,
          eq(tables.clearinghouseFiles.id, tables.claimSubmissions.fileId),
        )
        .where(
          and(
            eq(tables.claimSubmissions.practiceId, practiceId),
            inArray(tables.claimSubmissions.claimId, ids),
          ),
        ),
    "claimId",
    "files",
  );
  const withPostings = await attach(
    withFiles,
    (ids) =>
      tx
        .select()
        .from(tables.postings)
        .where(and(eq(tables.postings.practiceId, practiceId), inArray(tables.postings.claimId, ids))),
    "claimId",
    "postings",
  );
  const withHistory = await attach(
    withPostings,
    (ids) =>
      tx
        .select()
        .from(tables.claimStatusHistory)
        .where(
          and(
            eq(tables.claimStatusHistory.practiceId, practiceId),
            inArray(tables.claimStatusHistory.claimId, ids),
          ),
        )
        .orderBy(asc(tables.claimStatusHistory.at)),
    "claimId",
    "history",
  );
  return (await withWords(tx, practiceId, withHistory)).map((c) => ({
    ...c,
    stage: claimStageOf(c.status as ClaimStatus, c.adjudication as ClaimAdjudication),
    history: (c.history as Array<Record<string, unknown>>).map((h) => ({
      ...h,
      fromStage:
        h.fromStatus === null
          ? null
          : claimStageOf(h.fromStatus as ClaimStatus, (h.fromAdjudication ?? "none") as ClaimAdjudication),
      toStage: claimStageOf(h.toStatus as ClaimStatus, h.toAdjudication as ClaimAdjudication),
    })),
  }));
};

export const claimsResource: ResourceDefinition = {
  path: "claims",
  entity: "claim",
  label: "Claim",
  table: tables.claims,
  createSchema: none,
  updateSchema: none,
  readPermission: "billing:read",
  writePermission: "billing:write",
  phi: true,
  writable: false,
  deletable: false,
  filters: {
    status: {
      column: tables.claims.status,
      op: "eq",
      schema: z.enum(claimStatuses),
      description: "claim lifecycle status",
    },
    adjudication: {
      column: tables.claims.adjudication,
      op: "eq",
      schema: z.enum(claimAdjudications),
      description: "what the payer decided",
    },
    stage: {
      where: (value) => {
        const f = claimStageFilter(value as ClaimStage);
        return f.adjudication
          ? sql`(${tables.claims.status} = ${f.status} AND ${tables.claims.adjudication} = ${f.adjudication})`
          : sql`${tables.claims.status} = ${f.status}`;
      },
      schema: z.enum(claimStages),
      description: "what a biller sees: the lifecycle, or the payer's decision once adjudicated",
    },
    clientId: { column: tables.claims.clientId, op: "eq", schema: z.uuid(), description: "the client" },
    invoiceId: { column: tables.claims.invoiceId, op: "eq", schema: z.uuid(), description: "the invoice" },
    search: {
      // What a biller types to find a claim: the start of its patient control number (ours are upper case), or
      // part of the client's name. The matching clients are looked up once (an InitPlan, not a subquery per claim),
      // so both halves are index scans: (practice, patient control number pattern) and (practice, client).
      where: (text, practiceId) => {
        const pattern = likeEscape(String(text));
        return sql`(${tables.claims.patientControlNumber} LIKE ${`${pattern.toUpperCase()}%`}
          OR ${tables.claims.clientId} = ANY(ARRAY(SELECT c.id FROM ${tables.clients} c
            WHERE c.practice_id = ${practiceId}::uuid
              AND (c.first_name || ' ' || c.last_name) ILIKE ${`%${pattern}%`})))`;
      },
      schema: z.string().trim().min(1).max(100),
      description: "patient control number starting with, or client name containing, this text",
    },
  },
  sorts: {
    patientControlNumber: tables.claims.patientControlNumber,
    status: tables.claims.status,
    totalCents: tables.claims.totalCents,
    paidCents: tables.claims.paidCents,
    createdAt: tables.claims.createdAt,
  },
  record: claimRecordSchema,
  expand: expandClaims,
};
