import type { ShareDocumentKinds } from "../sharing/share-status";

/** Practice-level billing settings. Client-level defaults are copied from here when a client is created. */
export type PracticeBillingSettings = {
  /** New clients start with autopay on. */
  defaultAutopay: boolean;
  /**
   * Automatic sharing runs for this practice at all. Off pauses it for every client (their own settings are kept);
   * each share falling due meanwhile is skipped with PRACTICE_SHARING_OFF.
   */
  autoShareEnabled: boolean;
  /** New clients start with automatic sharing of billing documents (existing clients keep their own setting). */
  defaultAutoShareDocuments: boolean;
  /** What new clients have shared: bills (and statements), superbills, or both. */
  defaultShareDocumentKinds: ShareDocumentKinds;
  /** New clients start with automatic superbills. */
  defaultAutoSuperbills: boolean;
  /** Minutes between a document's issue (a bill's opening) and its automatic sharing (≥ 60 when autopay is on). */
  shareDelayMinutes: number;
  /** Day of month superbills are created; 31 on a 30-day month means the last day. */
  superbillDayOfMonth: number;
  /** Sessions need a signed progress note before they are billed. */
  requireSignedNote: boolean;
  /** Fee charged for a No Show, in cents; null means No Shows are not billed. */
  noShowFeeCents: number | null;
  /** Fee charged for a Late Cancel, in cents; null means Late Cancels are not billed. */
  lateCancelFeeCents: number | null;
  /** Declined or failed nights per bill before autopay stops trying it (1–10). */
  autopayMaxAttempts: number;
};

export const defaultPracticeBillingSettings: PracticeBillingSettings = {
  defaultAutopay: false,
  autoShareEnabled: true,
  defaultAutoShareDocuments: true,
  defaultShareDocumentKinds: "both",
  defaultAutoSuperbills: false,
  shareDelayMinutes: 60,
  superbillDayOfMonth: 1,
  requireSignedNote: true,
  noShowFeeCents: null,
  lateCancelFeeCents: null,
  autopayMaxAttempts: 3,
};
