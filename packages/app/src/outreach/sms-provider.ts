/** One text message to send. */
export type SmsMessage = {
  to: string;
  body: string;
  /** Where the provider reports delivery (signed callbacks). */
  statusCallback: string | null;
};

/**
 * What sending answered: `sent` (the provider took it; its id), `failed` (refused before anything went out: an
 * invalid number, an opted-out recipient, wrong credentials) or `unknown` (no answer: it may have gone out, so it
 * is never sent again by itself).
 */
export type SmsOutcome =
  | { kind: "sent"; providerMessageId: string }
  | { kind: "failed"; code: string; message: string }
  | { kind: "unknown"; message: string };

/** The SMS provider port; the Twilio adapter is one implementation. */
export type SmsProvider = {
  /** The number messages are from (for the timeline). */
  from: string;
  send(message: SmsMessage): Promise<SmsOutcome>;
  /** True when a callback's signature is the provider's for this URL and these parameters. */
  verifyCallback(signature: string, url: string, params: Record<string, string>): boolean;
};
