import { createHash } from "node:crypto";
import {
  type DocumentKind,
  DomainError,
  documentKindLabel,
  type LocalDate,
  localDateAt,
} from "@billcycle/core";
import { type Executor, newId, tables } from "@billcycle/db";
import { and, desc, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/actor";
import { allocateNumbers } from "../billing/allocate-numbers";
import { scheduleDocumentShare } from "../sharing/schedule-document-share";
import { type DocumentHead, documentColumns } from "./document-view";
import type { DocumentStamp } from "./pdf-layout";

/** Renders the document's PDF for the number, version and instant it is issued under. */
export type RenderDocument = (stamp: DocumentStamp) => Promise<Uint8Array>;

export type DocumentSource = "automation" | "user" | "on_kept";

/** Each kind numbers from its own per-practice counter: BILL-1000, SB-1000, STMT-1000. */
export const documentNumberPrefix: Record<DocumentKind, string> = {
  invoice: "BILL",
  superbill: "SB",
  statement: "STMT",
};

export type IssueDocumentOptions = {
  practiceId: string;
  clientId: string;
  kind: DocumentKind;
  render: RenderDocument;
  /** What the document shows as due (bill, statement) or paid for (superbill), in cents. */
  amountCents: number;
  invoiceId?: string | null;
  periodFrom?: LocalDate | null;
  periodTo?: LocalDate | null;
  source: DocumentSource;
  runId?: string | null;
  actor: Actor;
  now: Date;
};

export type IssueCorrectionOptions = Omit<IssueDocumentOptions, "clientId" | "kind" | "invoiceId"> & {
  /** The document this version replaces: the latest version of its number. */
  replacesDocumentId: string;
};

export const sha256Hex = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

const practiceZone = async (tx: Executor, practiceId: string): Promise<string> => {
  const [p] = await tx
    .select({ timeZone: tables.practices.timeZone })
    .from(tables.practices)
    .where(eq(tables.practices.id, practiceId));
  if (!p) throw new DomainError("NOT_FOUND", "Practice not found");
  return p.timeZone;
};

type Placement = {
  number: string;
  version: number;
  replacesDocumentId: string | null;
  clientId: string;
  kind: DocumentKind;
  invoiceId: string | null;
};

/** Renders under the placement's number and version, stores the bytes with their hash and size, and audits. */
const writeDocument = async (
  tx: Executor,
  o: Omit<IssueDocumentOptions, "clientId" | "kind" | "invoiceId">,
  placement: Placement,
): Promise<DocumentHead> => {
  const zone = await practiceZone(tx, o.practiceId);
  const pdf = await o.render({
    title: documentKindLabel[placement.kind],
    number: placement.number,
    version: placement.version,
    issuedOn: localDateAt(o.now, zone),
    issuedAt: o.now,
  });
  const row = {
    id: newId(o.now.getTime()),
    practiceId: o.practiceId,
    clientId: placement.clientId,
    kind: placement.kind,
    number: placement.number,
    version: placement.version,
    replacesDocumentId: placement.replacesDocumentId,
    status: "issued" as const,
    invoiceId: placement.invoiceId,
    periodFrom: o.periodFrom ?? null,
    periodTo: o.periodTo ?? null,
    amountCents: o.amountCents,
    source: o.source,
    runId: o.runId ?? null,
    issuedAt: o.now,
    issuedBy: o.actor.userId,
    pdfSha256: sha256Hex(pdf),
    pdfBytes: pdf.byteLength,
    voidedAt: null,
    voidReason: null,
  };
  // node-postgres sends a Buffer as bytea (a bare Uint8Array would be taken for an object); PGlite takes either.
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  await tx.insert(tables.documents).values({ ...row, pdf: bytes, createdAt: o.now, updatedAt: o.now });
  await recordAudit(tx, o.actor, "create", "document", row.id, o.now, {
    kind: row.kind,
    number: row.number,
    documentVersion: row.version,
    replacesDocumentId: row.replacesDocumentId,
    pdfSha256: row.pdfSha256,
  });
  // Superbills and statements are shared after the practice's delay (bills are issued at share time instead).
  await scheduleDocumentShare(tx, { practiceId: row.practiceId, documentId: row.id, now: o.now });
  return row;
};

/**
 * Issues a new document: allocates its number from the practice's counter for its kind, renders the PDF, stores
 * it with its SHA-256 and size, and audits it, all in one transaction (a savepoint when `tx` is already one, so a
 * caller's own rows — a superbill's services — commit with it or not at all).
 */
export const issueDocument = async (tx: Executor, o: IssueDocumentOptions): Promise<DocumentHead> =>
  tx.transaction(async (inner) => {
    const n = await allocateNumbers(inner, o.practiceId, `document_${o.kind}`, 1);
    return writeDocument(inner, o, {
      number: `${documentNumberPrefix[o.kind]}-${n}`,
      version: 1,
      replacesDocumentId: null,
      clientId: o.clientId,
      kind: o.kind,
      invoiceId: o.invoiceId ?? null,
    });
  });

/** The latest version of a document number, or null. */
export const latestDocumentVersion = async (
  tx: Executor,
  practiceId: string,
  number: string,
  lock = false,
): Promise<DocumentHead | null> => {
  const q = tx
    .select(documentColumns)
    .from(tables.documents)
    .where(and(eq(tables.documents.practiceId, practiceId), eq(tables.documents.number, number)))
    .orderBy(desc(tables.documents.version))
    .limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row ?? null;
};

/**
 * Issues a correction: a new version of the same number, for the same client, kind and invoice, naming the version
 * it replaces. Issued documents are never edited; the replaced one stays as it was sent. Only the latest version
 * can be replaced (CONFLICT otherwise), so versions form one line.
 */
export const issueCorrection = async (tx: Executor, o: IssueCorrectionOptions): Promise<DocumentHead> =>
  tx.transaction(async (inner) => {
    const [replaced] = await inner
      .select(documentColumns)
      .from(tables.documents)
      .where(
        and(eq(tables.documents.practiceId, o.practiceId), eq(tables.documents.id, o.replacesDocumentId)),
      );
    if (!replaced) throw new DomainError("NOT_FOUND", "Document not found");
    const latest = await latestDocumentVersion(inner, o.practiceId, replaced.number, true);
    if (latest && latest.id !== replaced.id) {
      throw new DomainError(
        "CONFLICT",
        `${replaced.number} version ${replaced.version} was already replaced by version ${latest.version}`,
        { latestDocumentId: latest.id },
      );
    }
    const written = await writeDocument(inner, o, {
      number: replaced.number,
      version: replaced.version + 1,
      replacesDocumentId: replaced.id,
      clientId: replaced.clientId,
      kind: replaced.kind,
      invoiceId: replaced.invoiceId,
    });
    if (replaced.kind === "superbill") {
      // The correction now carries the services; each stays on one superbill.
      await inner
        .update(tables.superbillServices)
        .set({ documentId: written.id })
        .where(
          and(
            eq(tables.superbillServices.practiceId, o.practiceId),
            eq(tables.superbillServices.documentId, replaced.id),
          ),
        );
    }
    return written;
  });
