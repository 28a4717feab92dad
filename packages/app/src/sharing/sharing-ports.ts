import type { IssueBillDocument } from "./issue-bill-document-port";
import type { ShareMailer } from "./share-mailer";

/** What sending shares needs from outside: mail, the bill issuer, the link key and where clients open links. */
export type SharingPorts = {
  mailer: ShareMailer | null;
  issueBillDocument: IssueBillDocument;
  /** The HMAC key of shared links (shareLinkKeyFrom(loadSecretKey())). */
  linkKey: Buffer;
  /** The address clients open the app at (BILLCYCLE_PUBLIC_URL); links are `<publicUrl>/d/<token>`. */
  publicUrl: string;
  /** How long a link works (default DEFAULT_SHARE_LINK_DAYS). */
  linkDays?: number;
};
