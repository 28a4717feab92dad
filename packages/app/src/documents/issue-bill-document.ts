import { localDateAt } from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, desc, eq } from "drizzle-orm";
import { type Actor, systemActor } from "../auth/actor";
import { type DocumentHead, documentColumns } from "./document-view";
import { type DocumentSource, issueCorrection, issueDocument, sha256Hex } from "./issue-document";
import { loadBillContent } from "./load-bill-content";
import { renderBillPdf } from "./render-bill-pdf";

export type IssueBillDocumentResult = {
  document: DocumentHead;
  /** True when the latest issued version already showed this state and was returned as it is. */
  reused: boolean;
};

/**
 * The bill of an invoice as it stands now (lines, payments as far as the invoice and claims know them, amount due).
 * When the latest version, rendered again under its own number, version and issue instant, gives the same bytes,
 * nothing changed and it is returned (`reused`); otherwise a new version is issued naming it (or version 1 when the
 * invoice has no bill yet). The invoice row is locked meanwhile, so two callers cannot both issue a version.
 */
export const issueBillDocument = async (
  database: Database,
  o: {
    practiceId: string;
    invoiceId: string;
    now: Date;
    source: DocumentSource;
    actor?: Actor;
    runId?: string | null;
  },
): Promise<IssueBillDocumentResult> =>
  database.db.transaction(async (tx) => {
    const actor = o.actor ?? systemActor(o.practiceId, "documents");
    const { content, clientId } = await loadBillContent(tx, o.practiceId, o.invoiceId, true);
    const [latest] = await tx
      .select(documentColumns)
      .from(tables.documents)
      .where(
        and(
          eq(tables.documents.practiceId, o.practiceId),
          eq(tables.documents.invoiceId, o.invoiceId),
          eq(tables.documents.kind, "invoice"),
        ),
      )
      .orderBy(desc(tables.documents.version))
      .limit(1);
    const render = (stamp: Parameters<typeof renderBillPdf>[1]) => renderBillPdf(content, stamp);
    if (latest?.status === "issued") {
      const [practice] = await tx
        .select({ timeZone: tables.practices.timeZone })
        .from(tables.practices)
        .where(eq(tables.practices.id, o.practiceId));
      const again = await render({
        title: "Bill",
        number: latest.number,
        version: latest.version,
        issuedOn: localDateAt(latest.issuedAt, practice?.timeZone ?? "UTC"),
        issuedAt: latest.issuedAt,
      });
      if (sha256Hex(again) === latest.pdfSha256) return { document: latest, reused: true };
    }
    const common = {
      practiceId: o.practiceId,
      render,
      amountCents: content.amountDueCents,
      source: o.source,
      runId: o.runId ?? null,
      actor,
      now: o.now,
    };
    const document = latest
      ? await issueCorrection(tx, { ...common, replacesDocumentId: latest.id })
      : await issueDocument(tx, { ...common, clientId, kind: "invoice", invoiceId: o.invoiceId });
    return { document, reused: false };
  });
