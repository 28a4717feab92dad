import { handleStripeWebhook } from "@billcycle/app";
import { stripeEventOutcomes } from "@billcycle/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

const receivedSchema = z
  .strictObject({
    received: z.literal(true),
    eventId: z.string(),
    type: z.string(),
    duplicate: z.boolean().describe("this event id was received before: acknowledged, nothing done"),
    outcome: z.enum(stripeEventOutcomes),
  })
  .meta({ id: "StripeWebhookReceipt" });

/**
 * Stripe calls this without a session: the Stripe-Signature header, verified with the practice's signing secret, is
 * the credential. The raw body is read as text because the signature covers its exact bytes.
 */
export const registerReceiveStripeWebhookRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/webhooks/stripe/{practiceId}",
      tags: ["Payments"],
      summary:
        "Stripe webhook endpoint of one practice (signature verified, 5-minute tolerance, each event id once). " +
        "Handles payment_intent.succeeded, payment_intent.payment_failed, charge.refunded, setup_intent.succeeded",
      security: [],
      request: { params: practiceParams },
      responses: { 200: json(receivedSchema, "Acknowledged"), ...errorResponses },
    }),
    async (c) => {
      const practiceId = recordId(c.req.valid("param").practiceId, "Practice");
      const result = await handleStripeWebhook(deps.database, {
        practiceId,
        payload: await c.req.text(),
        signature: c.req.header("stripe-signature"),
        now: deps.clock.now(),
        stripe: { ...deps.stripe, production: deps.production === true },
      });
      return c.json(
        {
          received: true as const,
          eventId: result.eventId,
          type: result.type,
          duplicate: result.duplicate,
          outcome: result.outcome,
        },
        200,
      );
    },
  );
};
