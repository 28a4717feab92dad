import type {
  Actor,
  EmployerInvoiceMailer,
  SmsProvider,
  StripeCallOptions,
  TransportResolver,
} from "@billcycle/app";
import type { Clock, Permission, Role, TokenScope } from "@billcycle/core";
import type { Database } from "@billcycle/db";
import type { Logger } from "./logger";

export type AppDeps = {
  database: Database;
  clock: Clock;
  logger: Logger;
  /** How to reach each practice's clearinghouse (default: its connection, else the directory drop). */
  transportFor?: TransportResolver;
  /** Directory of the built web app, served at / when present. */
  webRoot?: string | undefined;
  /**
   * Production mode (NODE_ENV=production, or `billcycle start --production`): the session cookie is always
   * Secure. `billcycle start` reads it with securitySettingsFromEnv (http/security-settings.ts), as the rest below.
   */
  production?: boolean | undefined;
  /** Believe X-Forwarded-Proto and X-Forwarded-Host from a reverse proxy (BILLCYCLE_TRUST_PROXY, default off). */
  trustProxy?: boolean | undefined;
  /** The address users open the app at (BILLCYCLE_PUBLIC_URL): its origin may send state-changing requests. */
  publicUrl?: string | undefined;
  /** A session unused this long is refused (default SESSION_IDLE_MS, 30 minutes). */
  sessionIdleMs?: number | undefined;
  /** Time limit of one API request (default 30 s), and of an inbound-file upload (default 5 minutes). */
  requestTimeoutMs?: number | undefined;
  uploadTimeoutMs?: number | undefined;
  /**
   * Where the web app loads Stripe.js for the card element (default https://js.stripe.com/v3; the Stripe fake's
   * `/v3` in tests and the demo). The web app's content policy allows its origin, and the practice's Stripe
   * settings tell the app the address.
   */
  stripeJsUrl?: string | undefined;
  /** How card payments talk to Stripe (its time limit); production is taken from `production` above. */
  stripe?: StripeCallOptions | undefined;
  /**
   * The HMAC key of shared document links (default: derived from the secret key store,
   * shareLinkKeyFrom(loadSecretKey()), read on the first shared-link request).
   */
  shareLinkKey?: Buffer | undefined;
  /** Emails employer invoices (BILLCYCLE_SMTP_URL); without it an invoice can only be marked printed. */
  employerInvoiceMailer?: EmployerInvoiceMailer | undefined;
  /** Patient outreach: the SMS provider whose callbacks are verified, and the pay-link key (default: derived). */
  outreach?:
    | {
        sms?: SmsProvider | null | undefined;
        payLinkKey?: Buffer | undefined;
        /** The base URL Twilio calls back (default `<publicUrl>/api/v1/webhooks/twilio`): signatures cover it. */
        callbackBaseUrl?: string | undefined;
      }
    | undefined;
};

export type AuthUser = {
  id: string;
  email: string;
  name: string;
  via: string;
  /** Set when the request came with an API token (absent for a session): its scopes limit the role. */
  token?: { id: string; scopes: readonly TokenScope[] } | undefined;
};

export type HonoEnv = {
  Variables: {
    user: AuthUser | null;
    actor: Actor & { practiceId: string; role: Role };
    requestId: string;
    permission: Permission;
  };
};
