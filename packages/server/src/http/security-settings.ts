import { DomainError } from "@billcycle/core";
import type { AppDeps } from "./deps";
import { stripeJsUrlFromEnv } from "./stripe-js";

export type SecuritySettings = Pick<
  AppDeps,
  | "production"
  | "trustProxy"
  | "publicUrl"
  | "sessionIdleMs"
  | "requestTimeoutMs"
  | "uploadTimeoutMs"
  | "stripeJsUrl"
>;

type Env = Record<string, string | undefined>;

const flag = (env: Env, name: string): boolean => {
  const value = env[name]?.trim().toLowerCase() ?? "";
  if (["", "0", "false", "no", "off"].includes(value)) return false;
  if (["1", "true", "yes", "on"].includes(value)) return true;
  throw new DomainError("VALIDATION_FAILED", `${name} must be true or false, not "${env[name]}"`);
};

const duration = (env: Env, name: string, unitMs: number): number | undefined => {
  const value = env[name]?.trim();
  if (!value) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    throw new DomainError("VALIDATION_FAILED", `${name} must be a positive number, not "${value}"`);
  }
  return n * unitMs;
};

const publicUrl = (env: Env): string | undefined => {
  const value = env.BILLCYCLE_PUBLIC_URL?.trim();
  if (!value) return undefined;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new DomainError(
      "VALIDATION_FAILED",
      `BILLCYCLE_PUBLIC_URL must be an http(s) address, not "${value}"`,
    );
  }
  return url.origin;
};

/**
 * The server's security settings from the environment. A value that cannot be read stops the start
 * instead of quietly falling back to a default.
 * - NODE_ENV=production: production mode (the session cookie is always Secure)
 * - BILLCYCLE_TRUST_PROXY=true: believe X-Forwarded-Proto/-Host (only behind a proxy that sets them)
 * - BILLCYCLE_PUBLIC_URL: the address users open, e.g. https://billing.example.org
 * - BILLCYCLE_SESSION_IDLE_MINUTES (30), BILLCYCLE_REQUEST_TIMEOUT_SECONDS (30),
 *   BILLCYCLE_UPLOAD_TIMEOUT_SECONDS (300)
 * - BILLCYCLE_STRIPE_JS_URL: where the web app loads Stripe.js (Stripe's own, and only that in production)
 */
export const securitySettingsFromEnv = (env: Env): SecuritySettings => ({
  production: env.NODE_ENV?.trim() === "production",
  trustProxy: flag(env, "BILLCYCLE_TRUST_PROXY"),
  publicUrl: publicUrl(env),
  sessionIdleMs: duration(env, "BILLCYCLE_SESSION_IDLE_MINUTES", 60_000),
  requestTimeoutMs: duration(env, "BILLCYCLE_REQUEST_TIMEOUT_SECONDS", 1000),
  uploadTimeoutMs: duration(env, "BILLCYCLE_UPLOAD_TIMEOUT_SECONDS", 1000),
  stripeJsUrl: stripeJsUrlFromEnv(env.BILLCYCLE_STRIPE_JS_URL, env.NODE_ENV?.trim() === "production"),
});
