import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { canonicalParams, decodeForm, type FormObject, type FormValue } from "./form";
import { stripeId, unixSeconds } from "./ids";
import {
  declineMessages,
  errorCodeForDecline,
  type FakeCardDetails,
  type FakeCharge,
  type FakeCustomer,
  type FakeErrorBody,
  type FakeEvent,
  type FakePaymentIntent,
  type FakePaymentMethod,
  type FakeRefund,
  type FakeSetupIntent,
} from "./objects";
import { CARD_FRAME_HTML, CARD_FRAME_JS, STRIPE_JS } from "./stripe-js";

/** The API version the fake says it answers with (the SDK's pinned version at the time of writing). */
export const FAKE_API_VERSION = "2026-10-28.endive";

/** What the next PaymentIntent creations do instead of succeeding (see StripeFake.failNext). */
export type StripeFakeFault =
  /** The card is declined: 402 card_error with this decline code, as Stripe answers an off-session decline. */
  | { kind: "decline"; declineCode: string; message?: string }
  /**
   * The PaymentIntent is created and charged (and its answer stored for its idempotency key), but the HTTP
   * request is never answered: the caller's timeout fires on a charge that did succeed.
   */
  | { kind: "timeout" }
  /**
   * 500 api_error. With `afterCreate` the PaymentIntent was created and charged first (the work happened, the
   * answer is an error); without it nothing was created. Like Stripe, the 500 is stored for the idempotency key.
   */
  | { kind: "server_error"; afterCreate?: boolean };

/** A test card: what a customer typed into Stripe's card element. `declineCode` makes every charge on it decline. */
export type FakeCard = {
  brand?: string;
  last4?: string;
  expMonth: number;
  expYear: number;
  declineCode?: string;
};

export type RecordedRequest = {
  method: string;
  /** Path without the query string, e.g. /v1/payment_intents. */
  path: string;
  idempotencyKey: string | null;
  /** Decoded form body (POST) or query (GET). */
  params: FormObject;
  /** The HTTP status answered; null when the fake never answered (timeout fault). */
  status: number | null;
  /** The id of the object this request created (null for reads, errors and idempotent replays). */
  createdId: string | null;
  /** True when the answer was a stored idempotent replay. */
  replayed: boolean;
};

export type WebhookDelivery = { eventId: string; type: string; status: number | null; error?: string };

export type StripeFakeOptions = {
  /** Port to listen on (default: any free port). */
  port?: number;
  /** Delay before each answer, in ms (for benchmarks: "a fake answering in 50 ms"). */
  latencyMs?: number;
  /** When set, only this secret key is accepted (401 authentication_error otherwise); any sk_… otherwise. */
  secretKey?: string;
  /** Where events are POSTed, signed with `secret` (whsec_…). */
  webhook?: { url: string; secret: string } | null;
};

export type StripeFake = {
  host: "127.0.0.1";
  port: number;
  protocol: "http";
  /** http://127.0.0.1:<port> */
  url: string;
  /** Every API request received, in order. */
  readonly requests: RecordedRequest[];
  /** Every webhook delivery attempted, in order. */
  readonly deliveries: WebhookDelivery[];
  /** PaymentIntents actually created (not replays) by requests that carried this idempotency key. */
  paymentIntentsCreatedWith(idempotencyKey: string): number;
  /** All PaymentIntents the fake holds, oldest first. */
  paymentIntents(): FakePaymentIntent[];
  /** The next `times` (default 1) PaymentIntent creations meet this fault, in order. */
  failNext(fault: StripeFakeFault, times?: number): void;
  /** Drops faults not yet used. */
  clearFaults(): void;
  /** Every event is delivered this many times (2: "answer twice"); default 1. */
  setWebhookCopies(copies: number): void;
  setWebhookEndpoint(endpoint: { url: string; secret: string } | null): void;
  /**
   * What Stripe.js does when the customer submits the card element: the card becomes a PaymentMethod attached to
   * the SetupIntent's customer, the SetupIntent succeeds, and setup_intent.succeeded is delivered.
   */
  completeSetupIntent(setupIntentId: string, card: FakeCard): Promise<FakePaymentMethod>;
  /** Sends any event (e.g. an async payment_intent.succeeded) to the webhook endpoint. */
  emit(type: string, object: Record<string, unknown>): Promise<FakeEvent>;
  /** Waits until every webhook delivery started so far has finished. */
  settled(): Promise<void>;
  stop(): Promise<void>;
};

/** Stripe's signature header: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload" with the endpoint secret>. */
export const signWebhookPayload = (payload: string, secret: string, timestamp: number): string =>
  `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex")}`;

type Answer = { status: number; body: unknown; createdId?: string | null; hang?: boolean };

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: FakeErrorBody,
  ) {
    super(body.error.message);
  }
}

const invalid = (message: string, param?: string, code?: string): ApiError =>
  new ApiError(400, {
    error: {
      type: "invalid_request_error",
      message,
      ...(param ? { param } : {}),
      ...(code ? { code } : {}),
    },
  });

const missing = (kind: string, id: string): ApiError =>
  new ApiError(404, {
    error: {
      type: "invalid_request_error",
      code: "resource_missing",
      message: `No such ${kind}: '${id}'`,
      param: "id",
      doc_url: "https://stripe.com/docs/error-codes/resource-missing",
    },
  });

const str = (params: FormObject, key: string): string | undefined => {
  const v = params[key];
  return typeof v === "string" ? v : undefined;
};

const metadataOf = (params: FormObject): Record<string, string> => {
  const m = params.metadata;
  if (m === undefined || typeof m === "string" || Array.isArray(m)) return {};
  return Object.fromEntries(Object.entries(m).filter((e): e is [string, string] => typeof e[1] === "string"));
};

const positiveInt = (params: FormObject, key: string, required: boolean): number | undefined => {
  const text = str(params, key);
  if (text === undefined) {
    if (required) throw invalid(`Missing required param: ${key}.`, key, "parameter_missing");
    return undefined;
  }
  if (!/^\d+$/.test(text)) throw invalid(`Invalid integer: ${text}`, key, "parameter_invalid_integer");
  return Number(text);
};

const brandLast4: Record<string, string> = { visa: "4242", mastercard: "4444", amex: "8431" };

const stripeJsAssets: Record<string, { type: string; body: string }> = {
  "/v3": { type: "application/javascript; charset=utf-8", body: STRIPE_JS },
  "/v3/": { type: "application/javascript; charset=utf-8", body: STRIPE_JS },
  "/v3/elements/card.html": { type: "text/html; charset=utf-8", body: CARD_FRAME_HTML },
  "/v3/elements/card-frame.js": { type: "application/javascript; charset=utf-8", body: CARD_FRAME_JS },
};

const luhnValid = (n: string): boolean => {
  if (!/^\d{12,19}$/.test(n)) return false;
  let sum = 0;
  for (let i = 0; i < n.length; i++) {
    let d = Number(n[n.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
};

const cardBrandOf = (n: string): string =>
  /^4/.test(n)
    ? "visa"
    : /^(5[1-5]|2[2-7])/.test(n)
      ? "mastercard"
      : /^3[47]/.test(n)
        ? "amex"
        : /^6(011|5)/.test(n)
          ? "discover"
          : "unknown";

/** Stripe's test cards that save but whose charges decline, with the decline code. */
const chargeDeclines: Record<string, string> = {
  "4000000000009995": "insufficient_funds",
  "4000000000000341": "generic_decline",
};

export const startStripeFake = async (options: StripeFakeOptions = {}): Promise<StripeFake> => {
  const customers = new Map<string, FakeCustomer>();
  const setupIntents = new Map<string, FakeSetupIntent>();
  const paymentMethods = new Map<string, FakePaymentMethod>();
  const paymentIntents = new Map<string, FakePaymentIntent>();
  const charges = new Map<string, FakeCharge>();
  const refunds = new Map<string, FakeRefund>();
  const cardDeclines = new Map<string, string>();
  const paymentIntentKeys = new Map<string, string | null>();
  type Stored = { method: string; path: string; params: string; answer: Answer | null };
  const idempotent = new Map<string, Stored>();
  const requests: RecordedRequest[] = [];
  const deliveries: WebhookDelivery[] = [];
  const pending = new Set<Promise<void>>();
  const faults: StripeFakeFault[] = [];
  let webhook = options.webhook ?? null;
  let webhookCopies = 1;

  // --- webhooks ---------------------------------------------------------------------------------------------
  const deliver = async (event: FakeEvent): Promise<void> => {
    const endpoint = webhook;
    if (!endpoint) return;
    const payload = JSON.stringify(event, null, 2);
    const delivery: WebhookDelivery = { eventId: event.id, type: event.type, status: null };
    deliveries.push(delivery);
    try {
      const res = await fetch(endpoint.url, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "stripe-signature": signWebhookPayload(payload, endpoint.secret, unixSeconds()),
        },
        body: payload,
      });
      delivery.status = res.status;
      await res.arrayBuffer();
    } catch (e) {
      delivery.error = (e as Error).message;
    }
  };

  const emit = (type: string, object: object, request?: { id: string; key: string | null }): FakeEvent => {
    const event: FakeEvent = {
      id: stripeId("evt"),
      object: "event",
      api_version: FAKE_API_VERSION,
      created: unixSeconds(),
      livemode: false,
      pending_webhooks: webhook ? 1 : 0,
      request: { id: request?.id ?? null, idempotency_key: request?.key ?? null },
      type,
      data: { object: structuredClone(object) as Record<string, unknown> },
    };
    // Stripe delivers after answering the request that caused the event, one delivery per copy.
    for (let i = 0; i < webhookCopies; i++) {
      const p: Promise<void> = new Promise<void>((r) => setImmediate(r))
        .then(() => deliver(event))
        .finally(() => pending.delete(p));
      pending.add(p);
    }
    return event;
  };

  // --- objects ------------------------------------------------------------------------------------------------
  const get = <T>(map: Map<string, T>, kind: string, id: string): T => {
    const found = map.get(id);
    if (!found) throw missing(kind, id);
    return found;
  };

  const list = <T extends { created: number }>(items: T[], path: string, params: FormObject) => {
    const limit = Math.min(100, Math.max(1, Number(str(params, "limit") ?? 10)));
    const sorted = [...items].reverse();
    const after = str(params, "starting_after");
    const start = after ? sorted.findIndex((i) => (i as unknown as { id: string }).id === after) + 1 : 0;
    const data = sorted.slice(start, start + limit);
    return { object: "list", data, has_more: start + limit < sorted.length, url: path };
  };

  const createdFilter = (params: FormObject) => {
    const c = params.created;
    if (c === undefined) return () => true;
    if (typeof c === "string") return (t: number) => t === Number(c);
    const range = c as Record<string, FormValue>;
    const n = (k: string) => (typeof range[k] === "string" ? Number(range[k]) : undefined);
    const [gte, gt, lte, lt] = [n("gte"), n("gt"), n("lte"), n("lt")];
    return (t: number) =>
      (gte === undefined || t >= gte) &&
      (gt === undefined || t > gt) &&
      (lte === undefined || t <= lte) &&
      (lt === undefined || t < lt);
  };

  const createPaymentMethod = (card: FakeCard): FakePaymentMethod => {
    const brand = card.brand ?? "visa";
    const details: FakeCardDetails = {
      brand,
      last4: card.last4 ?? brandLast4[brand] ?? "4242",
      exp_month: card.expMonth,
      exp_year: card.expYear,
      funding: "credit",
      country: "US",
      fingerprint: randomBytes(8).toString("hex"),
    };
    const pm: FakePaymentMethod = {
      id: stripeId("pm"),
      object: "payment_method",
      created: unixSeconds(),
      customer: null,
      livemode: false,
      metadata: {},
      type: "card",
      card: details,
    };
    paymentMethods.set(pm.id, pm);
    if (card.declineCode) cardDeclines.set(pm.id, card.declineCode);
    return pm;
  };

  const paymentIntentCreate = (params: FormObject, request: { id: string; key: string | null }): Answer => {
    const amount = positiveInt(params, "amount", true) ?? 0;
    const currency = str(params, "currency");
    if (!currency) throw invalid("Missing required param: currency.", "currency", "parameter_missing");
    if (amount < 50) {
      throw invalid("Amount must be at least $0.50 usd", "amount", "amount_too_small");
    }
    const customerId = str(params, "customer") ?? null;
    if (customerId) get(customers, "customer", customerId);
    const pmId = str(params, "payment_method") ?? null;
    const confirm = str(params, "confirm") === "true";
    const offSession = str(params, "off_session");
    if (offSession !== undefined && !confirm) {
      throw invalid(
        "You can only use `off_session` when `confirm` is true.",
        "off_session",
        "parameter_invalid_empty",
      );
    }
    let pm: FakePaymentMethod | null = null;
    if (pmId) {
      pm = get(paymentMethods, "PaymentMethod", pmId);
      if (pm.customer !== null && pm.customer !== customerId) {
        throw invalid(
          `The provided PaymentMethod ${pmId} was previously used with a PaymentIntent without Customer ` +
            "attachment, shared with a connected account without Customer attachment, or was detached from a " +
            "Customer.",
          "payment_method",
          "payment_method_unexpected_state",
        );
      }
      if (pm.customer === null) {
        throw invalid(
          `The provided PaymentMethod ${pmId} was detached from a Customer; it cannot be used again.`,
          "payment_method",
          "payment_method_unexpected_state",
        );
      }
    }
    if (confirm && !pm) {
      throw invalid(
        "You cannot confirm this PaymentIntent because it's missing a payment method.",
        "payment_method",
        "payment_intent_unexpected_state",
      );
    }
    const fault = confirm ? faults.shift() : undefined;
    if (fault?.kind === "server_error" && !fault.afterCreate) {
      return {
        status: 500,
        body: { error: { type: "api_error", message: "An unknown error occurred" } } satisfies FakeErrorBody,
      };
    }
    const now = unixSeconds();
    const pi: FakePaymentIntent = {
      id: stripeId("pi"),
      object: "payment_intent",
      amount,
      amount_received: 0,
      created: now,
      currency,
      customer: customerId,
      description: str(params, "description") ?? null,
      latest_charge: null,
      livemode: false,
      metadata: metadataOf(params),
      payment_method: pmId,
      payment_method_types: ["card"],
      status: confirm ? "processing" : pmId ? "requires_confirmation" : "requires_payment_method",
      client_secret: null,
      confirmation_method: "automatic",
      capture_method: "automatic",
      last_payment_error: null,
    };
    pi.client_secret = `${pi.id}_secret_${randomBytes(12).toString("hex")}`;
    paymentIntents.set(pi.id, pi);
    paymentIntentKeys.set(pi.id, request.key);
    if (!confirm || !pm) {
      emit("payment_intent.created", pi, request);
      return { status: 200, body: pi, createdId: pi.id };
    }
    const cardExpired =
      pm.card.exp_year < new Date().getUTCFullYear() ||
      (pm.card.exp_year === new Date().getUTCFullYear() && pm.card.exp_month < new Date().getUTCMonth() + 1);
    const declineCode =
      fault?.kind === "decline"
        ? fault.declineCode
        : (cardDeclines.get(pm.id) ?? (cardExpired ? "expired_card" : undefined));
    const charge: FakeCharge = {
      id: stripeId("ch"),
      object: "charge",
      amount,
      amount_captured: declineCode ? 0 : amount,
      amount_refunded: 0,
      captured: !declineCode,
      created: now,
      currency,
      customer: customerId,
      failure_code: declineCode ? errorCodeForDecline(declineCode) : null,
      failure_message: null,
      livemode: false,
      metadata: {},
      paid: !declineCode,
      payment_intent: pi.id,
      payment_method: pm.id,
      refunded: false,
      status: declineCode ? "failed" : "succeeded",
    };
    charges.set(charge.id, charge);
    pi.latest_charge = charge.id;
    emit("payment_intent.created", pi, request);
    if (declineCode) {
      const message =
        (fault?.kind === "decline" ? fault.message : undefined) ??
        declineMessages[declineCode] ??
        "Your card was declined.";
      charge.failure_message = message;
      const code = errorCodeForDecline(declineCode);
      pi.status = "requires_payment_method";
      pi.payment_method = null;
      pi.last_payment_error = {
        type: "card_error",
        code,
        decline_code: declineCode,
        message,
        charge: charge.id,
        doc_url: `https://stripe.com/docs/error-codes/${code.replaceAll("_", "-")}`,
        payment_method: pm,
      };
      emit("charge.failed", charge, request);
      emit("payment_intent.payment_failed", pi, request);
      return {
        status: 402,
        createdId: pi.id,
        body: {
          error: {
            type: "card_error",
            code,
            decline_code: declineCode,
            message,
            charge: charge.id,
            doc_url: `https://stripe.com/docs/error-codes/${code.replaceAll("_", "-")}`,
            payment_intent: structuredClone(pi),
            payment_method: pm,
            request_log_url: `https://dashboard.stripe.com/test/logs/${request.id}`,
          },
        } satisfies FakeErrorBody,
      };
    }
    pi.status = "succeeded";
    pi.amount_received = amount;
    emit("charge.succeeded", charge, request);
    emit("payment_intent.succeeded", pi, request);
    if (fault?.kind === "server_error") {
      return {
        status: 500,
        createdId: pi.id,
        body: { error: { type: "api_error", message: "An unknown error occurred" } } satisfies FakeErrorBody,
      };
    }
    return { status: 200, body: structuredClone(pi), createdId: pi.id, hang: fault?.kind === "timeout" };
  };

  const refundCreate = (params: FormObject, request: { id: string; key: string | null }): Answer => {
    const piId = str(params, "payment_intent");
    const chargeId = str(params, "charge");
    if (!piId && !chargeId) {
      throw invalid(
        "One of the following params should be provided for this request: payment_intent or charge.",
      );
    }
    let charge: FakeCharge;
    if (chargeId) charge = get(charges, "charge", chargeId);
    else {
      const pi = get(paymentIntents, "payment_intent", piId ?? "");
      if (pi.status !== "succeeded" || typeof pi.latest_charge !== "string") {
        throw invalid(
          `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`,
          "payment_intent",
          "charge_not_refundable",
        );
      }
      charge = get(charges, "charge", pi.latest_charge);
    }
    const remaining = charge.amount_captured - charge.amount_refunded;
    const amount = positiveInt(params, "amount", false) ?? remaining;
    if (remaining === 0) {
      throw invalid(`Charge ${charge.id} has already been refunded.`, undefined, "charge_already_refunded");
    }
    if (amount > remaining) {
      throw invalid(
        `Refund amount ($${(amount / 100).toFixed(2)}) is greater than unrefunded amount on charge ` +
          `($${(remaining / 100).toFixed(2)})`,
        "amount",
        "amount_too_large",
      );
    }
    if (amount < 1) throw invalid("Invalid positive integer", "amount", "parameter_invalid_integer");
    const refund: FakeRefund = {
      id: stripeId("re"),
      object: "refund",
      amount,
      charge: charge.id,
      created: unixSeconds(),
      currency: charge.currency,
      metadata: metadataOf(params),
      payment_intent: typeof charge.payment_intent === "string" ? charge.payment_intent : null,
      reason: (str(params, "reason") as FakeRefund["reason"]) ?? null,
      status: "succeeded",
    };
    refunds.set(refund.id, refund);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount_captured;
    emit("refund.created", refund, request);
    emit("charge.refunded", charge, request);
    return { status: 200, body: refund, createdId: refund.id };
  };

  const searchPaymentIntents = (query: string): FakePaymentIntent[] => {
    const clauses = query.split(/\s+AND\s+/i).map((c) => c.trim());
    const tests = clauses.map((clause) => {
      const meta = clause.match(/^metadata\[['"]([^'"]+)['"]\]:['"]([^'"]*)['"]$/);
      if (meta) return (pi: FakePaymentIntent) => pi.metadata[meta[1] ?? ""] === meta[2];
      const field = clause.match(/^(customer|status|currency):['"]([^'"]*)['"]$/);
      if (field) {
        return (pi: FakePaymentIntent) =>
          String(pi[field[1] as "customer" | "status" | "currency"]) === field[2];
      }
      throw invalid(`Invalid search query: ${clause}`, "query");
    });
    return [...paymentIntents.values()].filter((pi) => tests.every((t) => t(pi)));
  };

  const route = (
    method: string,
    path: string,
    params: FormObject,
    request: { id: string; key: string | null },
  ) => {
    const parts = path.split("/").filter(Boolean);
    const [v1, resource, id, action] = parts;
    if (v1 === "_fake" && resource === "setup_intents" && id && action === "complete" && method === "POST") {
      return null;
    }
    if (v1 !== "v1") throw missing("route", path);
    const ok = (body: unknown, createdId: string | null = null): Answer => ({ status: 200, body, createdId });
    switch (`${method} ${resource}${id ? "/:id" : ""}${action ? `/${action}` : ""}`) {
      case "POST customers": {
        const c: FakeCustomer = {
          id: stripeId("cus"),
          object: "customer",
          created: unixSeconds(),
          email: str(params, "email") ?? null,
          name: str(params, "name") ?? null,
          description: str(params, "description") ?? null,
          livemode: false,
          metadata: metadataOf(params),
        };
        customers.set(c.id, c);
        emit("customer.created", c, request);
        return ok(c, c.id);
      }
      case "GET customers/:id":
        return ok(get(customers, "customer", id ?? ""));
      case "GET customers/:id/payment_methods": {
        get(customers, "customer", id ?? "");
        const items = [...paymentMethods.values()].filter((pm) => pm.customer === id);
        return ok(list(items, path, params));
      }
      case "POST setup_intents": {
        const customer = str(params, "customer") ?? null;
        if (customer) get(customers, "customer", customer);
        // API versions since 2026 name it allowed_payment_method_types; earlier ones payment_method_types.
        const types = params.allowed_payment_method_types ?? params.payment_method_types;
        const si: FakeSetupIntent = {
          id: stripeId("seti"),
          object: "setup_intent",
          created: unixSeconds(),
          client_secret: null,
          customer,
          livemode: false,
          metadata: metadataOf(params),
          payment_method: null,
          payment_method_types: Array.isArray(types) ? types.map(String) : ["card"],
          status: "requires_payment_method",
          usage: (str(params, "usage") as FakeSetupIntent["usage"]) ?? "off_session",
          last_setup_error: null,
        };
        si.client_secret = `${si.id}_secret_${randomBytes(12).toString("hex")}`;
        setupIntents.set(si.id, si);
        emit("setup_intent.created", si, request);
        return ok(si, si.id);
      }
      case "GET setup_intents/:id":
        return ok(get(setupIntents, "setup_intent", id ?? ""));
      case "GET payment_methods": {
        const customer = str(params, "customer");
        const type = str(params, "type");
        const items = [...paymentMethods.values()].filter(
          (pm) => (customer ? pm.customer === customer : true) && (type ? pm.type === type : true),
        );
        if (customer) get(customers, "customer", customer);
        return ok(list(items, path, params));
      }
      case "GET payment_methods/:id":
        return ok(get(paymentMethods, "payment_method", id ?? ""));
      case "POST payment_methods/:id/detach": {
        const pm = get(paymentMethods, "payment_method", id ?? "");
        if (pm.customer === null) {
          throw invalid(
            `The payment method you provided is not attached to a customer so detachment is impossible.`,
            undefined,
            "payment_method_unexpected_state",
          );
        }
        pm.customer = null;
        emit("payment_method.detached", pm, request);
        return ok(pm);
      }
      case "POST payment_intents":
        return paymentIntentCreate(params, request);
      case "GET payment_intents/:id":
        if (id === "search") {
          const data = searchPaymentIntents(str(params, "query") ?? "").reverse();
          return ok({ object: "search_result", data, has_more: false, next_page: null, url: path });
        }
        return ok(get(paymentIntents, "payment_intent", id ?? ""));
      case "GET payment_intents": {
        const customer = str(params, "customer");
        const inRange = createdFilter(params);
        const items = [...paymentIntents.values()].filter(
          (pi) => (customer ? pi.customer === customer : true) && inRange(pi.created),
        );
        return ok(list(items, path, params));
      }
      case "GET charges/:id":
        return ok(get(charges, "charge", id ?? ""));
      case "POST refunds":
        return refundCreate(params, request);
      case "GET refunds": {
        const pi = str(params, "payment_intent");
        const charge = str(params, "charge");
        const items = [...refunds.values()].filter(
          (r) => (pi ? r.payment_intent === pi : true) && (charge ? r.charge === charge : true),
        );
        return ok(list(items, path, params));
      }
      case "GET refunds/:id":
        return ok(get(refunds, "refund", id ?? ""));
      default:
        throw new ApiError(404, {
          error: {
            type: "invalid_request_error",
            message: `Unrecognized request URL (${method}: ${path}).`,
          },
        });
    }
  };

  const completeSetupIntent = async (setupIntentId: string, card: FakeCard): Promise<FakePaymentMethod> => {
    const si = get(setupIntents, "setup_intent", setupIntentId);
    if (si.status === "succeeded") throw new Error(`SetupIntent ${si.id} has already succeeded`);
    const pm = createPaymentMethod(card);
    pm.customer = typeof si.customer === "string" ? si.customer : null;
    si.payment_method = pm.id;
    si.status = "succeeded";
    emit("payment_method.attached", pm);
    emit("setup_intent.succeeded", si);
    return structuredClone(pm);
  };

  /**
   * What Stripe does with a card the card Element posts: checks the client secret, refuses a number that is not
   * one or a declining test card (the SetupIntent keeps its last_setup_error), otherwise saves the card as a
   * PaymentMethod on the SetupIntent's customer and succeeds it. Stripe's test numbers decide what later charges
   * do: 4000000000009995 declines them for insufficient funds, 4000000000000341 with a generic decline.
   */
  const confirmSetupIntentFromBrowser = (
    setupIntentId: string,
    params: FormObject,
    request: { id: string; key: string | null },
  ): Answer => {
    const si = get(setupIntents, "setup_intent", setupIntentId);
    if (str(params, "client_secret") !== si.client_secret) {
      throw invalid(
        "The client_secret provided does not match the client_secret associated with the SetupIntent.",
        "client_secret",
        "setup_intent_authentication_failure",
      );
    }
    if (si.status === "succeeded") {
      throw invalid(
        "You cannot confirm this SetupIntent because it has already succeeded.",
        undefined,
        "setup_intent_unexpected_state",
      );
    }
    const data = params.payment_method_data;
    const card =
      data && typeof data === "object" && !Array.isArray(data) ? (data as FormObject).card : undefined;
    const field = (k: string) =>
      card && typeof card === "object" && !Array.isArray(card) ? str(card as FormObject, k) : undefined;
    const number = (field("number") ?? "").replace(/\D/g, "");
    const expMonth = Number(field("exp_month"));
    const expYear = Number(field("exp_year"));
    const cardError = (code: string, message: string, declineCode?: string): ApiError => {
      const error = {
        type: "card_error" as const,
        code,
        message,
        ...(declineCode ? { decline_code: declineCode } : {}),
      };
      si.last_setup_error = error as FakeSetupIntent["last_setup_error"];
      return new ApiError(402, { error: { ...error, setup_intent: structuredClone(si) } });
    };
    if (!luhnValid(number)) throw cardError("incorrect_number", "Your card number is incorrect.");
    if (!(expMonth >= 1 && expMonth <= 12) || !(expYear >= 2000)) {
      throw cardError("invalid_expiry_month", "Your card's expiration month is invalid.");
    }
    if (number === "4000000000000002") {
      throw cardError("card_declined", "Your card was declined.", "generic_decline");
    }
    const pm = createPaymentMethod({
      brand: cardBrandOf(number),
      last4: number.slice(-4),
      expMonth,
      expYear,
      ...(chargeDeclines[number] ? { declineCode: chargeDeclines[number] } : {}),
    });
    pm.customer = typeof si.customer === "string" ? si.customer : null;
    si.payment_method = pm.id;
    si.status = "succeeded";
    si.last_setup_error = null;
    emit("payment_method.attached", pm, request);
    emit("setup_intent.succeeded", si, request);
    return { status: 200, body: structuredClone(si), createdId: pm.id };
  };

  // --- HTTP -----------------------------------------------------------------------------------------------------
  const sockets = new Set<Socket>();
  const readBody = async (req: IncomingMessage): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  };

  const send = (
    res: ServerResponse,
    requestId: string,
    answer: Answer,
    extra: Record<string, string> = {},
  ) => {
    res.writeHead(answer.status, {
      "content-type": "application/json",
      "request-id": requestId,
      "stripe-version": FAKE_API_VERSION,
      ...extra,
    });
    res.end(JSON.stringify(answer.body, null, 2));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const text = await readBody(req);
    const params = decodeForm(method === "GET" || method === "DELETE" ? url.search.slice(1) : text);
    const keyHeader = req.headers["idempotency-key"];
    const key = typeof keyHeader === "string" ? keyHeader : null;
    const requestId = `req_${randomBytes(7).toString("hex")}`;
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      idempotencyKey: key,
      params,
      status: null,
      createdId: null,
      replayed: false,
    };
    requests.push(record);
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));

    // The demo's stand-in for Stripe.js: complete a SetupIntent with a card (JSON body).
    const fakeComplete = url.pathname.match(/^\/_fake\/setup_intents\/([^/]+)\/complete$/);
    if (fakeComplete && method === "POST") {
      try {
        const card = JSON.parse(text || "{}") as Partial<FakeCard>;
        const pm = await completeSetupIntent(fakeComplete[1] ?? "", {
          ...card,
          expMonth: card.expMonth ?? 12,
          expYear: card.expYear ?? new Date().getUTCFullYear() + 3,
        });
        record.status = 200;
        send(res, requestId, { status: 200, body: pm });
      } catch (e) {
        record.status = e instanceof ApiError ? e.status : 400;
        send(res, requestId, {
          status: record.status,
          body: e instanceof ApiError ? e.body : { error: { message: (e as Error).message } },
        });
      }
      return;
    }

    // Stripe.js (`/v3`) and its card Element's frame, as https://js.stripe.com serves them.
    const asset = method === "GET" ? stripeJsAssets[url.pathname] : undefined;
    if (asset) {
      record.status = 200;
      res.writeHead(200, { "content-type": asset.type, "cache-control": "no-cache" });
      res.end(asset.body);
      return;
    }
    // The card Element's confirmCardSetup: the browser posts the card with the publishable key and client secret.
    const confirmSetup = url.pathname.match(/^\/v1\/setup_intents\/([^/]+)\/confirm$/);
    const publishable = str(params, "key");
    if (confirmSetup && method === "POST" && publishable?.startsWith("pk_")) {
      let answer: Answer;
      try {
        answer = confirmSetupIntentFromBrowser(confirmSetup[1] ?? "", params, { id: requestId, key });
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        answer = { status: e.status, body: e.body };
      }
      record.status = answer.status;
      record.createdId = answer.createdId ?? null;
      send(res, requestId, answer, { "access-control-allow-origin": "*" });
      return;
    }

    const auth = req.headers.authorization?.match(/^Bearer\s+(\S+)$/)?.[1];
    if (!auth?.startsWith("sk_") || (options.secretKey !== undefined && auth !== options.secretKey)) {
      record.status = 401;
      send(res, requestId, {
        status: 401,
        body: {
          error: {
            type: "authentication_error",
            message: `Invalid API Key provided: ${(auth ?? "").slice(0, 8)}***`,
          },
        },
      });
      return;
    }

    // Idempotency (POST only, as Stripe): the first answer for a key is stored, whatever its status, and replayed
    // for the same endpoint and parameters; other parameters are refused.
    const storeKey = key && method === "POST" ? `${auth}\u0000${key}` : null;
    const canonical = canonicalParams(params);
    if (storeKey) {
      const stored = idempotent.get(storeKey);
      if (stored) {
        if (stored.method !== method || stored.path !== url.pathname || stored.params !== canonical) {
          record.status = 400;
          send(res, requestId, {
            status: 400,
            body: {
              error: {
                type: "idempotency_error",
                message:
                  "Keys for idempotent requests can only be used with the same parameters they were first used " +
                  `with. Try using a key other than '${key}' if you meant to execute a different request.`,
              },
            },
          });
          return;
        }
        if (stored.answer === null) {
          record.status = 409;
          send(res, requestId, {
            status: 409,
            body: {
              error: {
                type: "idempotency_error",
                message:
                  "There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): " +
                  key +
                  ". Please try again later.",
              },
            },
          });
          return;
        }
        record.status = stored.answer.status;
        record.replayed = true;
        send(res, requestId, stored.answer, { "idempotent-replayed": "true", "idempotency-key": key ?? "" });
        return;
      }
      idempotent.set(storeKey, { method, path: url.pathname, params: canonical, answer: null });
    }

    let answer: Answer;
    try {
      answer = route(method, url.pathname, params, { id: requestId, key }) ?? { status: 404, body: {} };
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      answer = { status: e.status, body: e.body };
    }
    record.createdId = answer.createdId ?? null;
    if (storeKey) {
      // Validation errors (400) are not stored by Stripe: the same key may be used again with corrected params.
      if (answer.status === 400) idempotent.delete(storeKey);
      else idempotent.set(storeKey, { method, path: url.pathname, params: canonical, answer });
    }
    if (answer.hang) return; // the timeout fault: the work is done, the answer never comes
    record.status = answer.status;
    send(res, requestId, answer, key ? { "idempotency-key": key } : {});
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { type: "api_error", message: (e as Error).message } }));
      }
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    host: "127.0.0.1",
    port,
    protocol: "http",
    url: `http://127.0.0.1:${port}`,
    requests,
    deliveries,
    paymentIntentsCreatedWith: (idempotencyKey) =>
      [...paymentIntentKeys.values()].filter((k) => k === idempotencyKey).length,
    paymentIntents: () => [...paymentIntents.values()].map((pi) => structuredClone(pi)),
    failNext: (fault, times = 1) => {
      for (let i = 0; i < times; i++) faults.push(fault);
    },
    clearFaults: () => {
      faults.length = 0;
    },
    setWebhookCopies: (copies) => {
      webhookCopies = copies;
    },
    setWebhookEndpoint: (endpoint) => {
      webhook = endpoint;
    },
    completeSetupIntent,
    emit: async (type, object) => emit(type, object),
    settled: async () => {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
