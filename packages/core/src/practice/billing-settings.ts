/** Practice-level billing settings. Client-level defaults are copied from here when a client is created. */
export type PracticeBillingSettings = {
  /** New clients start with autopay on. */
  defaultAutopay: boolean;
  /** New clients start with automatic sharing of bills and superbills. */
  defaultAutoShareDocuments: boolean;
  /** New clients start with automatic superbills. */
  defaultAutoSuperbills: boolean;
  /** Minutes between a bill's creation and its automatic sharing (≥ 60 when autopay is on). */
  shareDelayMinutes: number;
  /** Day of month superbills are created; 31 on a 30-day month means the last day. */
  superbillDayOfMonth: number;
  /** Sessions need a signed progress note before they are billed. */
  requireSignedNote: boolean;
  /** Fee charged for a No Show, in cents; null means No Shows are not billed. */
  noShowFeeCents: number | null;
  /** Fee charged for a Late Cancel, in cents; null means Late Cancels are not billed. */
  lateCancelFeeCents: number | null;
  /** Autopay charges open client balances nightly (clients with autopay on and a default card). */
  autopayEnabled: boolean;
  /** Declined or failed nights per bill before autopay stops trying it (1–10). */
  autopayMaxAttempts: number;
};

export const defaultPracticeBillingSettings: PracticeBillingSettings = {
  defaultAutopay: false,
  defaultAutoShareDocuments: true,
  defaultAutoSuperbills: false,
  shareDelayMinutes: 60,
  superbillDayOfMonth: 1,
  requireSignedNote: true,
  noShowFeeCents: null,
  lateCancelFeeCents: null,
  autopayEnabled: false,
  autopayMaxAttempts: 3,
};

export const AUTOPAY_MAX_ATTEMPTS_RANGE = { min: 1, max: 10 } as const;
