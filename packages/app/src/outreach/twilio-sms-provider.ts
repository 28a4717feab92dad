import twilio from "twilio";
import type { SmsOutcome, SmsProvider } from "./sms-provider";

export type TwilioSettings = {
  accountSid: string;
  authToken: string;
  /** The practice's sending number (E.164) (BILLCYCLE_TWILIO_FROM). */
  from: string;
  /** The API's base URL: Twilio's own by default; a local fake in tests and the demo (BILLCYCLE_TWILIO_API_URL). */
  apiUrl?: string | undefined;
  /** Gives up waiting for an answer (the outcome is then unknown). Default 15 s. */
  timeoutMs?: number | undefined;
};

type TwilioRestError = { status?: number; code?: number | string; message?: string };

/**
 * Text messages through Twilio's Messages API with the official SDK (retries off: a second POST after a timeout
 * could send twice). A 4xx answer is a refusal (nothing sent); a 5xx, a timeout or a dropped connection is unknown.
 */
export const twilioSmsProvider = (settings: TwilioSettings): SmsProvider => {
  const client = twilio(settings.accountSid, settings.authToken, {
    autoRetry: false,
    timeout: settings.timeoutMs ?? 15_000,
    keepAlive: true,
    maxSockets: 32,
  });
  if (settings.apiUrl) client.api.baseUrl = settings.apiUrl.replace(/\/+$/, "");
  return {
    from: settings.from,
    send: async (message): Promise<SmsOutcome> => {
      try {
        const created = await client.messages.create({
          to: message.to,
          from: settings.from,
          body: message.body,
          ...(message.statusCallback ? { statusCallback: message.statusCallback } : {}),
        });
        return { kind: "sent", providerMessageId: created.sid };
      } catch (e) {
        const err = (e ?? {}) as TwilioRestError;
        if (typeof err.status === "number" && err.status >= 400 && err.status < 500) {
          return {
            kind: "failed",
            code: `TWILIO_${err.code ?? err.status}`,
            message: `Twilio refused the message (${err.code ?? err.status})`,
          };
        }
        const refused = (e as { code?: string })?.code === "ECONNREFUSED";
        if (refused)
          return { kind: "failed", code: "SMS_UNAVAILABLE", message: "Twilio could not be reached" };
        return { kind: "unknown", message: "No answer from Twilio: the message may have been sent" };
      }
    },
    verifyCallback: (signature, url, params) =>
      twilio.validateRequest(settings.authToken, signature, url, params),
  };
};

export const twilioSettingsFromEnv = (env: NodeJS.ProcessEnv = process.env): TwilioSettings | null => {
  const accountSid = env.BILLCYCLE_TWILIO_ACCOUNT_SID?.trim();
  const authToken = env.BILLCYCLE_TWILIO_AUTH_TOKEN?.trim();
  const from = env.BILLCYCLE_TWILIO_FROM?.trim();
  if (!accountSid || !authToken || !from) return null;
  return { accountSid, authToken, from, apiUrl: env.BILLCYCLE_TWILIO_API_URL?.trim() || undefined };
};
