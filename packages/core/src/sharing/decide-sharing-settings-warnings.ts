import { AUTOPAY_SAFE_SHARE_DELAY_MINUTES } from "./share-status";

export type SharingSettingsWarning = {
  code: "SHARE_DELAY_BEFORE_AUTOPAY";
  message: string;
};

/**
 * Bills are created at 00:00 and autopay charges at 00:30: a bill shared sooner than 60 minutes after it was issued
 * may go out before its autopay payment is on it. A warning, not a refusal: a practice may want bills out at once.
 */
export const decideSharingSettingsWarnings = (settings: {
  autopayOn: boolean;
  shareDelayMinutes: number;
}): SharingSettingsWarning[] =>
  settings.autopayOn && settings.shareDelayMinutes < AUTOPAY_SAFE_SHARE_DELAY_MINUTES
    ? [
        {
          code: "SHARE_DELAY_BEFORE_AUTOPAY",
          message:
            `Autopay is on and documents are shared ${settings.shareDelayMinutes} minutes after they are issued: ` +
            `set at least ${AUTOPAY_SAFE_SHARE_DELAY_MINUTES} minutes so autopay (00:30) runs before bills are shared`,
        },
      ]
    : [];
