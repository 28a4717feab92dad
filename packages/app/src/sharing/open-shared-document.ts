import { type DocumentKind, DomainError } from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { verifyShareLink } from "./share-link";

export type SharedDocument = {
  documentId: string;
  practiceName: string;
  kind: DocumentKind;
  number: string;
  version: number;
  issuedAt: Date;
  linkExpiresAt: Date;
  pdfBytes: number;
};

/** Who opened a shared link: no user, so the audit trail names the link. */
const linkActor = (practiceId: string) => ({ userId: null, practiceId, role: null, label: "share_link" });

/**
 * A document behind a shared link, for the client's page: the token must be untampered (SHARE_LINK_INVALID) and
 * unexpired (SHARE_LINK_EXPIRED), and the document still issued (DOCUMENT_VOID). Every view is audited with what
 * was viewed (page, pdf) and ids only. `pdf` also returns the bytes.
 */
export const openSharedDocument = async <P extends boolean>(
  database: Database,
  input: { token: string; linkKey: Buffer; now: Date; view: "page" | "info" | "pdf"; withPdf: P },
): Promise<SharedDocument & (P extends true ? { pdf: Uint8Array } : unknown)> => {
  const claims = verifyShareLink(input.linkKey, input.token, input.now);
  return database.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: tables.documents.id,
        kind: tables.documents.kind,
        number: tables.documents.number,
        version: tables.documents.version,
        status: tables.documents.status,
        issuedAt: tables.documents.issuedAt,
        pdfBytes: tables.documents.pdfBytes,
        practiceName: tables.practices.name,
        ...(input.withPdf ? { pdf: tables.documents.pdf } : {}),
      })
      .from(tables.documents)
      .innerJoin(tables.practices, eq(tables.practices.id, tables.documents.practiceId))
      .where(
        and(eq(tables.documents.practiceId, claims.practiceId), eq(tables.documents.id, claims.documentId)),
      );
    if (!row)
      throw new DomainError(
        "SHARE_LINK_INVALID",
        "This link is not valid: ask the practice to share the document again",
      );
    if (row.status === "void") {
      throw new DomainError(
        "DOCUMENT_VOID",
        `This document was withdrawn by ${row.practiceName}; ask them for the current one`,
      );
    }
    await recordAudit(tx, linkActor(claims.practiceId), "read", "document", row.id, input.now, {
      via: "share_link",
      view: input.view,
    });
    const shared: SharedDocument = {
      documentId: row.id,
      practiceName: row.practiceName,
      kind: row.kind,
      number: row.number,
      version: row.version,
      issuedAt: row.issuedAt,
      linkExpiresAt: claims.expiresAt,
      pdfBytes: row.pdfBytes,
    };
    return (
      input.withPdf ? { ...shared, pdf: (row as { pdf?: Uint8Array }).pdf! } : shared
    ) as SharedDocument & (P extends true ? { pdf: Uint8Array } : unknown);
  });
};
