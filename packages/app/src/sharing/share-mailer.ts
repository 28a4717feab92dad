import type { ShareFailureCode } from "@billcycle/core";
import { createTransport } from "nodemailer";

/** One share email. The body names the practice and carries the link: no amounts, services or diagnoses. */
export type ShareEmail = {
  to: string;
  fromName: string;
  subject: string;
  text: string;
  html: string;
  /** Derived from the share id, so a re-send after a crash carries the same Message-ID. */
  messageId: string;
};

export type MailOutcome =
  | { ok: true; messageId: string }
  | { ok: false; code: ShareFailureCode; message: string; smtpCode?: number | undefined };

/** Sends share emails. `close` ends pooled connections. */
export type ShareMailer = {
  /** The address the mail is from (its domain names Message-IDs). */
  fromAddress: string;
  send(email: ShareEmail): Promise<MailOutcome>;
  close(): void;
};

/** The error an SMTP client raises, as nodemailer shapes it. */
type SmtpError = { code?: string; responseCode?: number; response?: string; message?: string };

/**
 * A refusal (5xx) or a temporary answer (4xx) names the server's reply code; a dropped or refused connection, a
 * timeout or a TLS failure is "unavailable". Either is a failed attempt retried later; the reply text may quote
 * the recipient, so only the code and a fixed sentence are kept.
 */
export const classifyMailError = (e: unknown): Extract<MailOutcome, { ok: false }> => {
  const err = (e ?? {}) as SmtpError;
  const reply = typeof err.responseCode === "number" ? err.responseCode : undefined;
  if (reply !== undefined && reply >= 500) {
    return {
      ok: false,
      code: "SMTP_REFUSED",
      smtpCode: reply,
      message: `the mail server refused the message (${reply})`,
    };
  }
  if (reply !== undefined) {
    return {
      ok: false,
      code: "SMTP_UNAVAILABLE",
      smtpCode: reply,
      message: `the mail server could not take the message now (${reply})`,
    };
  }
  const what = typeof err.code === "string" && /^[A-Z_]{2,20}$/.test(err.code) ? ` (${err.code})` : "";
  return {
    ok: false,
    code: "SMTP_UNAVAILABLE",
    message: `the mail server could not be reached or dropped the connection${what}`,
  };
};

export type SmtpSettings = {
  /** smtp://user:pass@host:port or smtps://… (BILLCYCLE_SMTP_URL). */
  url: string;
  /** The address mail is from (BILLCYCLE_MAIL_FROM); the display name is the practice's. */
  from: string;
  /** Connections kept open to the server (default 4). */
  maxConnections?: number;
  /** Gives up on a server that does not answer (default 30 s). */
  timeoutMs?: number;
};

/** A nodemailer transport for the SMTP settings: pooled for share runs, one connection per send otherwise. */
export const smtpTransport = (settings: SmtpSettings, options: { pool: boolean }) => {
  const url = new URL(settings.url);
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw new Error("BILLCYCLE_SMTP_URL must start with smtp:// or smtps://");
  }
  const secure = url.protocol === "smtps:";
  const timeout = settings.timeoutMs ?? 30_000;
  return createTransport({
    ...(options.pool
      ? { pool: true, maxConnections: settings.maxConnections ?? 4, maxMessages: Number.POSITIVE_INFINITY }
      : {}),
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
};

/** Share emails over SMTP with nodemailer, on a small pool of connections. */
export const smtpShareMailer = (settings: SmtpSettings): ShareMailer => {
  const transport = smtpTransport(settings, { pool: true });
  return {
    fromAddress: settings.from,
    send: async (email) => {
      try {
        await transport.sendMail({
          from: { name: email.fromName, address: settings.from },
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId: email.messageId,
        });
        return { ok: true, messageId: email.messageId };
      } catch (e) {
        return classifyMailError(e);
      }
    },
    close: () => transport.close(),
  };
};

/** The SMTP settings from the environment, or null when mail is not configured. */
export const smtpSettingsFromEnv = (env: NodeJS.ProcessEnv = process.env): SmtpSettings | null => {
  const url = env.BILLCYCLE_SMTP_URL?.trim();
  const from = env.BILLCYCLE_MAIL_FROM?.trim();
  if (!url || !from) return null;
  return { url, from };
};
