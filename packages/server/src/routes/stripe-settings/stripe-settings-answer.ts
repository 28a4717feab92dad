import { type StripeSettingsView, stripeSettingsViewSchema } from "@billcycle/app";
import { z } from "zod";
import type { AppDeps } from "../../http/deps";
import { STRIPE_JS_URL } from "../../http/stripe-js";

/** The practice's Stripe settings, and where this deployment's web app loads Stripe.js for the card element. */
export const stripeSettingsAnswerSchema = stripeSettingsViewSchema
  .extend({
    stripeJsUrl: z
      .string()
      .describe("where the card element's Stripe.js is loaded from (Stripe's own in production)"),
  })
  .meta({ id: "StripeSettingsAnswer" });

export const stripeSettingsAnswer = (view: StripeSettingsView, deps: Pick<AppDeps, "stripeJsUrl">) => ({
  ...view,
  stripeJsUrl: deps.stripeJsUrl ?? STRIPE_JS_URL,
});
