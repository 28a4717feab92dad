import type Stripe from "stripe";

/**
 * The objects the fake stores and answers with. Each is a Pick of the SDK's own type, so the fields the fake does
 * return have exactly the published shape (the fields it leaves out are ones billcycle never reads).
 */
export type FakeCustomer = Pick<
  Stripe.Customer,
  "id" | "object" | "created" | "email" | "name" | "description" | "livemode" | "metadata"
>;

export type FakeSetupIntent = Pick<
  Stripe.SetupIntent,
  | "id"
  | "object"
  | "created"
  | "client_secret"
  | "customer"
  | "livemode"
  | "metadata"
  | "payment_method"
  | "payment_method_types"
  | "status"
  | "usage"
  | "last_setup_error"
>;

export type FakeCardDetails = Pick<
  Stripe.PaymentMethod.Card,
  "brand" | "last4" | "exp_month" | "exp_year" | "funding" | "country" | "fingerprint"
>;

export type FakePaymentMethod = Pick<
  Stripe.PaymentMethod,
  "id" | "object" | "created" | "customer" | "livemode" | "metadata" | "type"
> & { card: FakeCardDetails };

export type FakeLastPaymentError = Pick<
  Stripe.PaymentIntent.LastPaymentError,
  "type" | "code" | "decline_code" | "message" | "doc_url" | "charge"
> & { payment_method?: FakePaymentMethod };

export type FakePaymentIntent = Pick<
  Stripe.PaymentIntent,
  | "id"
  | "object"
  | "amount"
  | "amount_received"
  | "created"
  | "currency"
  | "customer"
  | "description"
  | "latest_charge"
  | "livemode"
  | "metadata"
  | "payment_method"
  | "payment_method_types"
  | "status"
  | "client_secret"
  | "confirmation_method"
  | "capture_method"
> & { last_payment_error: FakeLastPaymentError | null };

export type FakeCharge = Pick<
  Stripe.Charge,
  | "id"
  | "object"
  | "amount"
  | "amount_captured"
  | "amount_refunded"
  | "captured"
  | "created"
  | "currency"
  | "customer"
  | "failure_code"
  | "failure_message"
  | "livemode"
  | "metadata"
  | "paid"
  | "payment_intent"
  | "payment_method"
  | "refunded"
  | "status"
>;

export type FakeRefund = Pick<
  Stripe.Refund,
  | "id"
  | "object"
  | "amount"
  | "charge"
  | "created"
  | "currency"
  | "metadata"
  | "payment_intent"
  | "reason"
  | "status"
>;

export type FakeEvent = Pick<
  Stripe.Event,
  "id" | "object" | "api_version" | "created" | "livemode" | "pending_webhooks" | "request"
> & { type: string; data: { object: Record<string, unknown> } };

/** A Stripe error body as the API returns it (`{ error: { type, code, message, … } }`). */
export type FakeErrorBody = {
  error: {
    type: "card_error" | "invalid_request_error" | "idempotency_error" | "api_error" | "authentication_error";
    code?: string;
    decline_code?: string;
    message: string;
    param?: string;
    doc_url?: string;
    charge?: string;
    payment_intent?: FakePaymentIntent;
    payment_method?: FakePaymentMethod;
    setup_intent?: FakeSetupIntent;
    request_log_url?: string;
  };
};

/** Messages Stripe gives for the common declines (https://docs.stripe.com/declines/codes). */
export const declineMessages: Record<string, string> = {
  insufficient_funds: "Your card has insufficient funds.",
  expired_card: "Your card has expired.",
  generic_decline: "Your card was declined.",
  lost_card: "Your card was declined.",
  stolen_card: "Your card was declined.",
  do_not_honor: "Your card was declined.",
  incorrect_cvc: "Your card's security code is incorrect.",
  processing_error: "An error occurred while processing your card. Try again in a little bit.",
  authentication_required: "Your card was declined. This transaction requires authentication.",
};

/** The error `code` Stripe pairs with a decline code: most are card_declined, a few are their own code. */
export const errorCodeForDecline = (declineCode: string): string =>
  ["expired_card", "incorrect_cvc", "processing_error", "authentication_required"].includes(declineCode)
    ? declineCode
    : "card_declined";
