/**
 * Every failure a caller can act on is a value with a machine-readable code.
 * HTTP status is derived from the code in exactly one place (server/http/outcomes.ts).
 */
export type ErrorCode =
  | "VALIDATION_FAILED"
  | "MALFORMED_JSON"
  | "UNKNOWN_FIELD"
  | "INVALID_NPI"
  | "INVALID_ICD10"
  | "INVALID_CPT"
  | "INVALID_MODIFIER"
  | "INVALID_TIME_ZONE"
  | "INVALID_MONEY"
  | "INVALID_DATE"
  | "INVALID_ZIP"
  | "INVALID_TEXT"
  | "WEAK_PASSWORD"
  | "ILLEGAL_TRANSITION"
  | "NOT_FOUND"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "VERSION_CONFLICT"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "REFERENCE_NOT_FOUND"
  | "DATABASE_LOCKED"
  | "PAYLOAD_TOO_LARGE"
  | "JSON_TOO_COMPLEX"
  | "REQUEST_TIMEOUT"
  | "CROSS_SITE_REQUEST"
  /** A received file that is not text X12 (NUL bytes, a broken UTF-16 file). */
  | "FILE_NOT_TEXT"
  /** A received file above MAX_INBOUND_FILE_BYTES. */
  | "FILE_TOO_LARGE"
  /** An 835 with more claims than MAX_CLAIMS_PER_FILE. */
  | "TOO_MANY_CLAIMS"
  /** A manual run asked for while one of the same automation is queued or running. */
  | "RUN_IN_PROGRESS"
  /** A session invoiced by hand that the billing rules refuse (the reasons are in details). */
  | "NOT_BILLABLE"
  /** Claims Submission needs the practice's phone or billing contact email for the 837P PER segment. */
  | "SUBMITTER_CONTACT_MISSING"
  /** A payment, refund or write-off of zero or less, or more than a cent-safe integer. */
  | "INVALID_AMOUNT"
  /** A refund larger than what remains of the payment it reverses. */
  | "REFUND_EXCEEDS_PAYMENT"
  /** A ledger refund of a card payment taken through Stripe: refund the card charge (through Stripe) instead. */
  | "CARD_REFUND_REQUIRED"
  /** Applying or writing off more than an invoice's open client amount. */
  | "EXCEEDS_OPEN_AMOUNT"
  /** A webhook whose signature does not verify (wrong secret, altered body, or a timestamp outside the tolerance). */
  | "INVALID_SIGNATURE"
  /** The card processor (Stripe) could not be reached or failed; nothing was changed on our side. */
  | "PAYMENT_PROVIDER_UNAVAILABLE"
  /** A shared document link that was altered or never issued. */
  | "SHARE_LINK_INVALID"
  /** A shared document link past its expiry. */
  | "SHARE_LINK_EXPIRED"
  /** A document withdrawn (voided) after it was shared. */
  | "DOCUMENT_VOID"
  /** Employer invoicing needs the practice's "invoices enabled" billing setting. */
  | "INVOICES_DISABLED"
  /** An on-demand batch whose employer(s) have no encounter matching the ranges that is not already invoiced. */
  | "NOTHING_TO_INVOICE"
  /** A re-batch, credit memo or receipt application on a voided employer invoice. */
  | "INVOICE_VOID"
  /** A credit memo naming an encounter line the invoice does not have. */
  | "LINE_NOT_ON_INVOICE"
  /** A credit memo for an encounter line an earlier credit memo already credited. */
  | "ALREADY_CREDITED"
  /** Applying more of a receipt than is left of it. */
  | "EXCEEDS_RECEIPT"
  /** A receipt reversed before: it cannot be applied or reversed again. */
  | "RECEIPT_REVERSED"
  /** A void of an invoice that still holds payments: move them to credit on account first. */
  | "INVOICE_HAS_PAYMENTS"
  /** An invoice number format naming a token other than {seq}, {seq:N}, {yyyy} and {yy}, or without one {seq}. */
  | "INVALID_NUMBER_FORMAT"
  /** A change to an encounter on a live employer invoice: issue a credit memo for it first. */
  | "ENCOUNTER_INVOICED"
  /** A replacement (7) or payer void (8) of a claim the payer never numbered (never sent, or never accepted). */
  | "PAYER_CLAIM_NUMBER_MISSING"
  /** A follow-up action on a claim that is not denied or rejected, or already followed up. */
  | "CLAIM_NOT_DENIED"
  /** A job enqueued with a payload its definition's schema refuses (a bug in the enqueuer: nothing is queued). */
  | "INVALID_JOB_PAYLOAD"
  /** An 835 whose payee (N1*PE NPI or tax id, REF*TJ) is not the practice it was received for. */
  | "PAYEE_NOT_PRACTICE"
  /** A progress note signed by someone other than its author (the session's provider) or a supervisor. */
  | "NOT_NOTE_AUTHOR"
  /** A phone number that does not parse as a valid number (libphonenumber-js). */
  | "INVALID_PHONE"
  /** A message template naming a placeholder that does not exist. */
  | "UNKNOWN_PLACEHOLDER"
  /** A rule set with no steps, two steps on one day and channel, or a bad send window. */
  | "INVALID_RULE_SET"
  /** An outreach action not available for the set's status (the seed's availability). */
  | "ACTION_NOT_ALLOWED"
  /** A pay link that was altered or never issued. */
  | "PAY_LINK_INVALID"
  /** A pay link past its expiry. */
  | "PAY_LINK_EXPIRED"
  | "INTERNAL";

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

export const notFound = (entity: string): DomainError =>
  new DomainError("NOT_FOUND", `${entity} not found`, { entity });
