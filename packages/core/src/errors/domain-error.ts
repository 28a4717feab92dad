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
