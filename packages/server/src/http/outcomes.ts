import { DomainError, type ErrorCode } from "@billcycle/core";
import type { z } from "zod";

/** The one place an error code becomes an HTTP status. */
const statusByCode: Record<
  ErrorCode,
  400 | 401 | 403 | 404 | 409 | 410 | 412 | 413 | 422 | 423 | 428 | 429 | 500 | 503
> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNKNOWN_FIELD: 400,
  INVALID_NPI: 400,
  INVALID_ICD10: 400,
  INVALID_CPT: 400,
  INVALID_MODIFIER: 400,
  INVALID_TIME_ZONE: 400,
  INVALID_MONEY: 400,
  INVALID_DATE: 400,
  INVALID_ZIP: 400,
  INVALID_TEXT: 400,
  WEAK_PASSWORD: 400,
  ILLEGAL_TRANSITION: 409,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  VERSION_CONFLICT: 412,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  REFERENCE_NOT_FOUND: 422,
  DATABASE_LOCKED: 423,
  PAYLOAD_TOO_LARGE: 413,
  JSON_TOO_COMPLEX: 400,
  // The handler may still finish: the outcome is unknown, so the caller checks before trying again.
  REQUEST_TIMEOUT: 503,
  CROSS_SITE_REQUEST: 403,
  FILE_NOT_TEXT: 422,
  FILE_TOO_LARGE: 413,
  TOO_MANY_CLAIMS: 422,
  RUN_IN_PROGRESS: 409,
  NOT_BILLABLE: 422,
  SUBMITTER_CONTACT_MISSING: 422,
  INVALID_AMOUNT: 400,
  REFUND_EXCEEDS_PAYMENT: 422,
  CARD_REFUND_REQUIRED: 409,
  EXCEEDS_OPEN_AMOUNT: 422,
  INVALID_SIGNATURE: 400,
  PAYMENT_PROVIDER_UNAVAILABLE: 503,
  SHARE_LINK_INVALID: 404,
  SHARE_LINK_EXPIRED: 410,
  DOCUMENT_VOID: 410,
  INVOICES_DISABLED: 409,
  NOTHING_TO_INVOICE: 422,
  INVOICE_VOID: 409,
  LINE_NOT_ON_INVOICE: 422,
  ALREADY_CREDITED: 409,
  EXCEEDS_RECEIPT: 422,
  RECEIPT_REVERSED: 409,
  INVOICE_HAS_PAYMENTS: 409,
  INVALID_NUMBER_FORMAT: 422,
  ENCOUNTER_INVOICED: 409,
  PAYER_CLAIM_NUMBER_MISSING: 422,
  CLAIM_NOT_DENIED: 409,
  INVALID_JOB_PAYLOAD: 500,
  PAYEE_NOT_PRACTICE: 422,
  NOT_NOTE_AUTHOR: 403,
  INVALID_PHONE: 400,
  UNKNOWN_PLACEHOLDER: 400,
  INVALID_RULE_SET: 400,
  ACTION_NOT_ALLOWED: 409,
  PAY_LINK_INVALID: 404,
  PAY_LINK_EXPIRED: 410,
  INTERNAL: 500,
};

export const statusFor = (code: ErrorCode) => statusByCode[code];

export type ErrorBody = {
  error: {
    code: ErrorCode;
    message: string;
    issues?: Array<{ path: string; code: string; message: string }>;
  } & Record<string, unknown>;
};

export const errorBody = (e: DomainError): ErrorBody => ({
  error: { code: e.code, message: e.message, ...(e.details ?? {}) },
});

const codeForIssue = (issue: z.core.$ZodIssue): ErrorCode => {
  if (issue.code === "unrecognized_keys") return "UNKNOWN_FIELD";
  if (issue.code === "custom") {
    const code = (issue.params as { code?: string } | undefined)?.code;
    if (code && code in statusByCode) return code as ErrorCode;
  }
  // Money fields are named *Cents: any failure there is a money error (negative, fractional, not a number).
  const last = issue.path.at(-1);
  if (typeof last === "string" && last.endsWith("Cents")) return "INVALID_MONEY";
  return "VALIDATION_FAILED";
};

/** Zod issues become one DomainError: the first issue's code leads, every issue is listed with its path. */
export const fromZodError = (error: z.ZodError): DomainError => {
  const issues = error.issues.map((issue) => {
    const code = codeForIssue(issue);
    const path = issue.path.map(String).join(".");
    const message =
      issue.code === "unrecognized_keys"
        ? `unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`
        : code === "INVALID_MONEY"
          ? "money is a whole, non-negative number of cents"
          : issue.message;
    return { path, code, message };
  });
  const first = issues[0] ?? { code: "VALIDATION_FAILED" as const, message: "invalid input", path: "" };
  return new DomainError(
    first.code as ErrorCode,
    first.path ? `${first.path}: ${first.message}` : first.message,
    {
      issues,
    },
  );
};
