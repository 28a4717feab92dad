import { notFound } from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";

export type DocumentPdf = { bytes: Uint8Array; fileName: string; sha256: string };

/** A document's PDF bytes as issued (a voided one too: it is what was sent). The download is audited. */
export const downloadDocumentPdf = async (
  database: Database,
  { actor, documentId, now }: { actor: TenantActor; documentId: string; now: Date },
): Promise<DocumentPdf> =>
  database.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: tables.documents.id,
        kind: tables.documents.kind,
        number: tables.documents.number,
        version: tables.documents.version,
        pdf: tables.documents.pdf,
        sha256: tables.documents.pdfSha256,
      })
      .from(tables.documents)
      .where(and(eq(tables.documents.practiceId, actor.practiceId), eq(tables.documents.id, documentId)));
    if (!row) throw notFound("Document");
    await recordAudit(tx, actor, "read", "document_pdf", row.id, now, { kind: row.kind, number: row.number });
    return {
      bytes: new Uint8Array(row.pdf),
      fileName: `${row.number}${row.version > 1 ? `-v${row.version}` : ""}.pdf`,
      sha256: row.sha256,
    };
  });
