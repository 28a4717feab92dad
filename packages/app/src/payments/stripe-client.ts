import { DomainError } from "@billcycle/core";
import type { Executor } from "@billcycle/db";
import Stripe from "stripe";
import { loadStripeCredentials, type StripeCredentials } from "./stripe-settings";

/** How billcycle talks to Stripe: the time it waits for an answer, and whether a non-Stripe host is allowed. */
export type StripeCallOptions = {
  /** Per request; past it the outcome is unknown (default 30 s). */
  timeoutMs?: number;
  /** Production refuses a stored API base URL that is not Stripe's (it can only point at a fake). */
  production?: boolean;
};

export const DEFAULT_STRIPE_TIMEOUT_MS = 30_000;

const clients = new Map<string, Stripe>();

/**
 * The SDK client for a practice's account. Network retries are off: a charge is retried only by billcycle, with
 * the same idempotency key, after it has asked Stripe what happened (an SDK retry would hide the unknown outcome).
 */
export const stripeClientFor = (credentials: StripeCredentials, options: StripeCallOptions = {}): Stripe => {
  const endpoint = credentials.endpoint;
  if (endpoint && options.production) {
    throw new DomainError(
      "CONFLICT",
      "This practice's Stripe settings point at a host other than Stripe's, which production refuses",
      { reason: "STRIPE_HOST_REFUSED" },
    );
  }
  const timeout = options.timeoutMs ?? DEFAULT_STRIPE_TIMEOUT_MS;
  const cacheKey = [credentials.secretKey, endpoint?.protocol, endpoint?.host, endpoint?.port, timeout].join(
    "|",
  );
  let client = clients.get(cacheKey);
  if (!client) {
    client = new Stripe(credentials.secretKey, {
      maxNetworkRetries: 0,
      timeout,
      ...(endpoint ? { host: endpoint.host, port: endpoint.port, protocol: endpoint.protocol } : {}),
      appInfo: { name: "billcycle" },
    });
    if (clients.size > 1_000) clients.clear();
    clients.set(cacheKey, client);
  }
  return client;
};

export const stripeForPractice = async (
  tx: Executor,
  practiceId: string,
  options: StripeCallOptions = {},
): Promise<{ stripe: Stripe; credentials: StripeCredentials }> => {
  const credentials = await loadStripeCredentials(tx, practiceId);
  return { stripe: stripeClientFor(credentials, options), credentials };
};

/** Stripe could not be reached, timed out, or failed (5xx): the outcome of what was asked is not known. */
export const isStripeOutcomeUnknown = (e: unknown): boolean =>
  e instanceof Stripe.errors.StripeConnectionError ||
  e instanceof Stripe.errors.StripeAPIError ||
  (e instanceof Stripe.errors.StripeError && (e.statusCode ?? 0) >= 500) ||
  (e instanceof Stripe.errors.StripeError && e.type === "StripeIdempotencyError" && e.statusCode === 409);

/** A Stripe failure outside a charge (customer, card setup, sync) as a coded error; nothing was written. */
export const stripeFailure = (e: unknown, what: string): DomainError => {
  if (!(e instanceof Stripe.errors.StripeError)) {
    return new DomainError(
      "PAYMENT_PROVIDER_UNAVAILABLE",
      `Stripe could not ${what}: ${(e as Error).message}`,
    );
  }
  if (isStripeOutcomeUnknown(e) || e instanceof Stripe.errors.StripeAuthenticationError) {
    return new DomainError("PAYMENT_PROVIDER_UNAVAILABLE", `Stripe could not ${what}: ${e.message}`, {
      stripeCode: e.code ?? null,
    });
  }
  return new DomainError("CONFLICT", `Stripe refused to ${what}: ${e.message}`, {
    reason: "STRIPE_REFUSED",
    stripeCode: e.code ?? null,
  });
};
