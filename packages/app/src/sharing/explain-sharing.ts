import {
  type DocumentKind,
  DomainError,
  decideDocumentShare,
  documentKinds,
  notFound,
  type ShareDocumentKinds,
  type ShareReason,
} from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, desc, eq } from "drizzle-orm";
import type { TenantActor } from "../resources/crud";
import { type DocumentShareRow, type DocumentShareView, shareView } from "./list-document-shares";

type ClientFacts = {
  practiceSharingOn: boolean;
  shareDelayMinutes: number;
  clientSharingOn: boolean;
  clientKinds: ShareDocumentKinds;
  email: string | null;
  emailOptIn: boolean;
};

const clientFacts = async (
  database: Database,
  practiceId: string,
  clientId: string,
): Promise<ClientFacts> => {
  const [row] = await database.db
    .select({
      settings: tables.practices.billingSettings,
      autoShare: tables.clients.autoShareDocuments,
      kinds: tables.clients.shareDocumentKinds,
      email: tables.clients.email,
      emailOptIn: tables.clients.emailOptIn,
    })
    .from(tables.clients)
    .innerJoin(tables.practices, eq(tables.practices.id, tables.clients.practiceId))
    .where(and(eq(tables.clients.practiceId, practiceId), eq(tables.clients.id, clientId)));
  if (!row) throw notFound("Client");
  return {
    practiceSharingOn: row.settings.autoShareEnabled ?? true,
    shareDelayMinutes: row.settings.shareDelayMinutes,
    clientSharingOn: row.autoShare,
    clientKinds: row.kinds,
    email: row.email,
    emailOptIn: row.emailOptIn,
  };
};

const reasonsNow = (facts: ClientFacts, kind: DocumentKind, subjectVoid: boolean): ShareReason[] => {
  const d = decideDocumentShare({ ...facts, kind, subjectVoid });
  return d.action === "send" ? [] : d.reasons;
};

const answerFor = (share: DocumentShareRow | null, now: ShareReason[]): string => {
  if (!share) {
    return now.length
      ? `Not scheduled for sharing; if it were, it would not be shared: ${now.map((r) => r.message).join("; ")}`
      : "Not scheduled for sharing (only bills of invoices opened, and issued superbills and statements, are)";
  }
  const reasons = (share.reasons ?? []).map((r) => r.message).join("; ");
  switch (share.status) {
    case "sent":
      return `Shared by email at ${share.sentAt?.toISOString()}`;
    case "skipped":
      return `Not shared: ${reasons}`;
    case "failed":
      return `Not shared: ${share.attempts} attempts failed, the last because ${reasons}; retry it once fixed`;
    case "scheduled":
      return (
        `Due to be shared at ${share.dueAt.toISOString()}` +
        (reasons ? ` (attempt ${share.attempts} failed: ${reasons})` : "") +
        (now.length ? `; as things stand it will be skipped: ${now.map((r) => r.message).join("; ")}` : "")
      );
  }
};

/** "Why wasn't this shared?" for an invoice's bill or a document: the share's state, its reasons, and now. */
export const explainDocumentShare = async (
  database: Database,
  input: { actor: TenantActor; invoiceId?: string | undefined; documentId?: string | undefined },
): Promise<{ share: DocumentShareView | null; answer: string; reasonsNow: ShareReason[] }> => {
  const practiceId = input.actor.practiceId;
  if ((input.invoiceId === undefined) === (input.documentId === undefined)) {
    throw new DomainError("VALIDATION_FAILED", "Give either invoiceId or documentId", {
      issues: [
        { path: "invoiceId", code: "VALIDATION_FAILED", message: "give either invoiceId or documentId" },
      ],
    });
  }
  const s = tables.documentShares;
  let clientId: string;
  let kind: DocumentKind;
  let subjectVoid: boolean;
  let share: DocumentShareRow | undefined;
  if (input.invoiceId) {
    const [invoice] = await database.db
      .select({ clientId: tables.invoices.clientId, status: tables.invoices.status })
      .from(tables.invoices)
      .where(and(eq(tables.invoices.practiceId, practiceId), eq(tables.invoices.id, input.invoiceId)));
    if (!invoice) throw notFound("Invoice");
    [clientId, kind, subjectVoid] = [invoice.clientId, "invoice", invoice.status === "void"];
    [share] = await database.db
      .select()
      .from(s)
      .where(
        and(eq(s.practiceId, practiceId), eq(s.subjectType, "invoice"), eq(s.invoiceId, input.invoiceId)),
      );
  } else {
    const [document] = await database.db
      .select({
        clientId: tables.documents.clientId,
        kind: tables.documents.kind,
        status: tables.documents.status,
        invoiceId: tables.documents.invoiceId,
      })
      .from(tables.documents)
      .where(and(eq(tables.documents.practiceId, practiceId), eq(tables.documents.id, input.documentId!)));
    if (!document) throw notFound("Document");
    [clientId, kind, subjectVoid] = [document.clientId, document.kind, document.status === "void"];
    // A bill's share is its invoice's; the document is the one it issued (or, for an older version, none).
    [share] = await database.db
      .select()
      .from(s)
      .where(and(eq(s.practiceId, practiceId), eq(s.documentId, input.documentId!)))
      .orderBy(desc(s.id))
      .limit(1);
  }
  const now = reasonsNow(await clientFacts(database, practiceId, clientId), kind, subjectVoid);
  return { share: share ? shareView(share) : null, answer: answerFor(share ?? null, now), reasonsNow: now };
};

/** "Why aren't documents shared with this client?": the settings that decide it, per kind now, and recent shares. */
export const explainClientSharing = async (
  database: Database,
  input: { actor: TenantActor; clientId: string },
) => {
  const practiceId = input.actor.practiceId;
  const facts = await clientFacts(database, practiceId, input.clientId);
  const byKind = Object.fromEntries(documentKinds.map((k) => [k, reasonsNow(facts, k, false)])) as Record<
    DocumentKind,
    ShareReason[]
  >;
  const recent = await database.db
    .select()
    .from(tables.documentShares)
    .where(
      and(
        eq(tables.documentShares.practiceId, practiceId),
        eq(tables.documentShares.clientId, input.clientId),
      ),
    )
    .orderBy(desc(tables.documentShares.id))
    .limit(20);
  const blocked = documentKinds.filter((k) => byKind[k].length > 0);
  const answer =
    blocked.length === 0
      ? `Bills, superbills and statements are shared ${facts.shareDelayMinutes} minutes after they are issued`
      : blocked.length === documentKinds.length && new Set(blocked.map((k) => byKind[k][0]?.code)).size === 1
        ? `Nothing is shared: ${byKind.invoice.map((r) => r.message).join("; ")}`
        : documentKinds
            .map((k) => `${k}: ${byKind[k].length ? byKind[k].map((r) => r.message).join("; ") : "shared"}`)
            .join(". ");
  return {
    clientId: input.clientId,
    settings: {
      practiceSharingOn: facts.practiceSharingOn,
      clientSharingOn: facts.clientSharingOn,
      shareDocumentKinds: facts.clientKinds,
      hasEmail: (facts.email ?? "").trim() !== "",
      emailOptIn: facts.emailOptIn,
      shareDelayMinutes: facts.shareDelayMinutes,
    },
    reasonsNowByKind: byKind,
    answer,
    recentShares: recent.map(shareView),
  };
};
