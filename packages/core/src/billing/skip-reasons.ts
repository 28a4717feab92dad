/** Why an appointment was not invoiced: a code for machines and a sentence for billers. */
export const skipReasonCodes = [
  "NOT_COMPLETED",
  "NO_SHOW_NOT_CHARGED",
  "LATE_CANCEL_NOT_CHARGED",
  "IN_THE_FUTURE",
  "BEFORE_START_DATE",
  "NO_BILLABLE_SERVICE",
  "NO_ACTIVE_POLICY",
  "NO_DIAGNOSIS",
  "NO_ADDRESS",
  "NO_PROGRESS_NOTE",
  "NOTE_NOT_SIGNED",
  "ALREADY_INVOICED",
  "WAIVED",
  "EXCLUDED_BY_RULE",
  "AUTOMATION_DISABLED",
  "AWAITING_MONTHLY_RUN",
  "CHANGED_DURING_RUN",
  "BILLED_TO_EMPLOYER",
] as const;
export type SkipReasonCode = (typeof skipReasonCodes)[number];

export type SkipReason = { code: SkipReasonCode; message: string };

/** What a biller can do about each reason (the web app links these). */
export const skipReasonFix: Partial<Record<SkipReasonCode, string>> = {
  NO_ACTIVE_POLICY: "add or update the client's insurance policy",
  NO_DIAGNOSIS: "add a diagnosis to the client",
  NO_ADDRESS: "add the client's address",
  NO_PROGRESS_NOTE: "write and sign the progress note",
  NOTE_NOT_SIGNED: "sign the progress note",
  NO_BILLABLE_SERVICE: "add a billable service to the session",
  NO_SHOW_NOT_CHARGED: "set a No Show fee in billing settings",
  LATE_CANCEL_NOT_CHARGED: "set a Late Cancel fee in billing settings",
  EXCLUDED_BY_RULE: "change the exclusion rule, or invoice the session by hand",
  AUTOMATION_DISABLED: "enable Invoice Creation, or invoice the session by hand",
  BILLED_TO_EMPLOYER: "invoice it in an employer batch, or change its bill-to",
};
