import type { DocumentKind } from "../billing/document-status";
import { isDeliverableEmail } from "./email-address";
import { type ShareReason, type ShareSkipCode, shareSkipMessage } from "./share-reasons";
import type { ShareDocumentKinds } from "./share-status";

/** What decides a share when it falls due, read at that moment (settings and addresses as they are then). */
export type DocumentShareFacts = {
  practiceSharingOn: boolean;
  clientSharingOn: boolean;
  clientKinds: ShareDocumentKinds;
  kind: DocumentKind;
  email: string | null;
  emailOptIn: boolean;
  /** The invoice or the document was voided. */
  subjectVoid: boolean;
};

export type DocumentShareDecision =
  | { action: "send"; to: string }
  | { action: "skip"; reasons: ShareReason[] };

/** Whether the client's choice of kinds covers this document: statements go with bills. */
export const kindIsShared = (kinds: ShareDocumentKinds, kind: DocumentKind): boolean =>
  kinds === "both" || (kinds === "superbills" ? kind === "superbill" : kind !== "superbill");

/**
 * Sends a due share only when nothing stands against it; otherwise skips it with every reason that applies (a
 * biller fixing one reason sees the others at once), most fundamental first.
 */
export const decideDocumentShare = (facts: DocumentShareFacts): DocumentShareDecision => {
  const codes: ShareSkipCode[] = [];
  if (facts.subjectVoid) codes.push("DOCUMENT_VOID");
  if (!facts.practiceSharingOn) codes.push("PRACTICE_SHARING_OFF");
  if (!facts.clientSharingOn) codes.push("CLIENT_SHARING_OFF");
  else if (!kindIsShared(facts.clientKinds, facts.kind)) codes.push("KIND_NOT_SHARED");
  const email = facts.email?.trim() ?? "";
  if (email === "") codes.push("NO_EMAIL");
  else if (!isDeliverableEmail(email)) codes.push("INVALID_EMAIL");
  if (!facts.emailOptIn) codes.push("EMAIL_OPTED_OUT");
  if (codes.length === 0) return { action: "send", to: email };
  return { action: "skip", reasons: codes.map((code) => ({ code, message: shareSkipMessage[code] })) };
};
