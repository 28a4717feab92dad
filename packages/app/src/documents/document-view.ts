import type { DocumentKind, DocumentStatus } from "@billcycle/core";
import { tables } from "@billcycle/db";

export type DocumentRow = typeof tables.documents.$inferSelect;

/** A document as the API and CLI show it: everything but its bytes. */
export type DocumentView = {
  id: string;
  clientId: string;
  kind: DocumentKind;
  number: string;
  documentVersion: number;
  replacesDocumentId: string | null;
  status: DocumentStatus;
  invoiceId: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  amountCents: number;
  source: "automation" | "user" | "on_kept";
  runId: string | null;
  issuedAt: string;
  issuedBy: string | null;
  pdfSha256: string;
  pdfBytes: number;
  voidedAt: string | null;
  voidReason: string | null;
};

export const toDocumentView = (row: DocumentHead): DocumentView => ({
  id: row.id,
  clientId: row.clientId,
  kind: row.kind,
  number: row.number,
  documentVersion: row.version,
  replacesDocumentId: row.replacesDocumentId,
  status: row.status,
  invoiceId: row.invoiceId,
  periodFrom: row.periodFrom,
  periodTo: row.periodTo,
  amountCents: row.amountCents,
  source: row.source,
  runId: row.runId,
  issuedAt: row.issuedAt.toISOString(),
  issuedBy: row.issuedBy,
  pdfSha256: row.pdfSha256,
  pdfBytes: row.pdfBytes,
  voidedAt: row.voidedAt ? row.voidedAt.toISOString() : null,
  voidReason: row.voidReason,
});

/** The columns of a document without its PDF bytes (lists never read them). */
export const documentColumns = {
  id: tables.documents.id,
  practiceId: tables.documents.practiceId,
  clientId: tables.documents.clientId,
  kind: tables.documents.kind,
  number: tables.documents.number,
  version: tables.documents.version,
  replacesDocumentId: tables.documents.replacesDocumentId,
  status: tables.documents.status,
  invoiceId: tables.documents.invoiceId,
  periodFrom: tables.documents.periodFrom,
  periodTo: tables.documents.periodTo,
  amountCents: tables.documents.amountCents,
  source: tables.documents.source,
  runId: tables.documents.runId,
  issuedAt: tables.documents.issuedAt,
  issuedBy: tables.documents.issuedBy,
  pdfSha256: tables.documents.pdfSha256,
  pdfBytes: tables.documents.pdfBytes,
  voidedAt: tables.documents.voidedAt,
  voidReason: tables.documents.voidReason,
} as const;

/** A document row without its bytes. */
export type DocumentHead = Omit<DocumentRow, "pdf" | "createdAt" | "updatedAt">;
