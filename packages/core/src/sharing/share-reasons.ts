/** Why a share was not sent: a code for machines and a sentence for billers. Every one that applies is recorded. */
export const shareSkipCodes = [
  "PRACTICE_SHARING_OFF",
  "CLIENT_SHARING_OFF",
  "KIND_NOT_SHARED",
  "NO_EMAIL",
  "EMAIL_OPTED_OUT",
  "INVALID_EMAIL",
  "DOCUMENT_VOID",
] as const;
export type ShareSkipCode = (typeof shareSkipCodes)[number];

/** Why an attempt to send failed (the share is tried again later, up to MAX_SHARE_ATTEMPTS). */
export const shareFailureCodes = [
  "SMTP_REFUSED",
  "SMTP_UNAVAILABLE",
  "MAIL_NOT_CONFIGURED",
  "BILL_NOT_ISSUED",
] as const;
export type ShareFailureCode = (typeof shareFailureCodes)[number];

export type ShareReasonCode = ShareSkipCode | ShareFailureCode;
export type ShareReason = { code: ShareReasonCode; message: string };

export const shareSkipMessage: Record<ShareSkipCode, string> = {
  PRACTICE_SHARING_OFF: "automatic sharing is turned off for the practice",
  CLIENT_SHARING_OFF: "automatic sharing is turned off for this client",
  KIND_NOT_SHARED: "this kind of document is not among those shared with this client",
  NO_EMAIL: "the client has no email address on file",
  EMAIL_OPTED_OUT: "the client turned email off in their communication preferences",
  INVALID_EMAIL: "the client's email address is not a valid address",
  DOCUMENT_VOID: "the document was voided before it was due to be shared",
};
