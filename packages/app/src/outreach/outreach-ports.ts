import type { ShareMailer } from "../sharing/share-mailer";
import type { SmsProvider } from "./sms-provider";

/** What sending outreach needs from outside: mail, SMS, the pay-link key and where patients open links. */
export type OutreachPorts = {
  mailer: ShareMailer | null;
  sms: SmsProvider | null;
  /** The HMAC key of pay links (payLinkKeyFrom(loadSecretKey())). */
  payLinkKey: Buffer;
  /** The address patients open the app at (BILLCYCLE_PUBLIC_URL): pay links are `<publicUrl>/pay/<token>`. */
  publicUrl: string;
  /** Where the SMS provider posts delivery reports (default `<publicUrl>/api/v1/webhooks/twilio/status`). */
  statusCallbackUrl?: string | undefined;
  /** How long a pay link works (default 30 days). */
  payLinkDays?: number | undefined;
};
