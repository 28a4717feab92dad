import { DomainError } from "@billcycle/core";

/** Stripe.js, as Stripe serves it: the web app's card element loads it from here unless told otherwise. */
export const STRIPE_JS_URL = "https://js.stripe.com/v3";

/**
 * The sources Stripe.js needs in the web app's content policy. Stripe's own: the script and its card frame on
 * js.stripe.com (3-D Secure on hooks.stripe.com) and its API on api.stripe.com. Anywhere else (the Stripe fake of
 * tests and the demo): its origin for all three.
 */
export const stripeJsSources = (url: string): { script: string[]; frame: string[]; connect: string[] } => {
  const origin = new URL(url).origin;
  return origin === "https://js.stripe.com"
    ? {
        script: [origin],
        frame: [origin, "https://hooks.stripe.com"],
        connect: ["https://api.stripe.com"],
      }
    : { script: [origin], frame: [origin], connect: [origin] };
};

/**
 * BILLCYCLE_STRIPE_JS_URL: where the web app loads Stripe.js (default Stripe's). Production refuses any other
 * address: the card element is where a card number is typed, and only Stripe's may receive it.
 */
export const stripeJsUrlFromEnv = (value: string | undefined, production: boolean): string => {
  const text = value?.trim();
  if (!text) return STRIPE_JS_URL;
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new DomainError(
      "VALIDATION_FAILED",
      `BILLCYCLE_STRIPE_JS_URL must be an http(s) address, not "${text}"`,
    );
  }
  if (production && url.href !== STRIPE_JS_URL) {
    throw new DomainError(
      "VALIDATION_FAILED",
      `BILLCYCLE_STRIPE_JS_URL in production must be Stripe's own ${STRIPE_JS_URL}, not "${text}"`,
    );
  }
  return url.href;
};
