/**
 * The nightly automations (the first four in the order a night runs them when all are on; see cadence); superbills
 * run once a month, on the practice's superbill day.
 */
export const automationKinds = [
  "claims_submission",
  "invoice_processing",
  "invoice_creation",
  "era_processing",
  "autopay",
  "superbills",
] as const;
export type AutomationKind = (typeof automationKinds)[number];

export const invoiceCreationModes = ["nightly", "monthly", "manual", "on_kept"] as const;
export type InvoiceCreationMode = (typeof invoiceCreationModes)[number];

/**
 * staggered: each item rests one day at each step (created Monday, processed Tuesday, submitted Wednesday);
 * same_night: a night runs creation, then processing, then submission, so a session can be claimed the night it is kept.
 */
export type Cadence = "staggered" | "same_night";

export type AutomationInfo = {
  kind: AutomationKind;
  title: string;
  defaultRunTime: string;
  /** What enabling it does, in the words the confirmation shows. */
  explanation: string;
};

export const automationInfo: Record<AutomationKind, AutomationInfo> = {
  invoice_creation: {
    kind: "invoice_creation",
    title: "Invoice Creation",
    defaultRunTime: "23:00",
    explanation:
      "Every night, billcycle creates an invoice for each kept session (and charged No Show or Late Cancel) that has a " +
      "billable service, the required billing information and, when your practice requires it, a signed progress note. " +
      "Sessions matching an exclusion rule are left for you. Nothing already invoiced is invoiced again.",
  },
  invoice_processing: {
    kind: "invoice_processing",
    title: "Invoice Processing",
    defaultRunTime: "22:00",
    explanation:
      "Every night, billcycle turns open insurance invoices into claims in Claims Awaiting Submission, where you can " +
      "review them for a day before they are sent. Self-pay invoices are excluded by the default rule.",
  },
  claims_submission: {
    kind: "claims_submission",
    title: "Claims Submission",
    defaultRunTime: "21:00",
    explanation:
      "Every night, claims awaiting submission go through the claim scrubber; claims without errors are sent to your " +
      "clearinghouse as an 837P file, and claims with errors wait in Scrubber Rejected with messages you can act on.",
  },
  era_processing: {
    kind: "era_processing",
    title: "ERA Processing",
    defaultRunTime: "20:00",
    explanation:
      "Every night, billcycle picks up electronic remittances (835) from your clearinghouse and posts payments, " +
      "adjustments and patient responsibility by your posting rules; anything that does not balance or match waits in " +
      "the work queue.",
  },
  autopay: {
    kind: "autopay",
    title: "Autopay",
    defaultRunTime: "00:30",
    explanation:
      "Automatically collect payments using the default credit card on file for a client. When enabled, autopay will " +
      "run daily at 12:30am - approximately 30 minutes after any bills are auto-created. It only charges clients " +
      "whose client-level autopay is on and who have a default card (Stripe payments only); a declined card is tried " +
      "again the next night, up to the number of attempts set in Billing Settings. If you also share billing " +
      "documents automatically, set the sharing delay to at least 60 minutes so that autopay runs first.",
  },
  superbills: {
    kind: "superbills",
    title: "Superbills",
    defaultRunTime: "01:00",
    explanation:
      'On your superbill day each month (the last day of a month that is shorter), every client with "Automatically ' +
      'create superbills" on gets one superbill listing each insurance-eligible service (one with a CPT/HCPCS code) of ' +
      "a kept session from the previous month or earlier that is not yet on a superbill. Nothing is on two superbills.",
  },
};

export const isRunTime = (value: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
