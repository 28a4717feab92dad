import { cardRefundSchema, refundCardCharge } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

const refundSchema = z.strictObject({
  amountCents: z.int().min(1).max(100_000_000).optional().describe("omitted: all that is not refunded yet"),
  idempotencyKey: z
    .string()
    .trim()
    .min(8)
    .max(100)
    .regex(/^[A-Za-z0-9_.:-]+$/, "letters, digits and _ . : -")
    .describe("made once per refund the person means to give: a retried request never refunds twice"),
  reason: z.string().trim().min(1).max(500).optional(),
});

export const registerRefundCardChargeRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/practices/{practiceId}/card-charges/{chargeId}/refunds",
      tags: ["Payments"],
      summary: "Refund a card charge in part or whole (never more than was charged)",
      request: {
        params: practiceParams.extend({ chargeId: z.string().describe("the card charge id") }),
        body: body(refundSchema),
      },
      responses: { 200: json(cardRefundSchema, "The refund"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const chargeId = recordId(c.req.valid("param").chargeId, "Card charge");
      const input = c.req.valid("json");
      return c.json(
        await refundCardCharge(deps.database, {
          practiceId: actor.practiceId,
          chargeId,
          ...(input.amountCents !== undefined ? { amountCents: input.amountCents } : {}),
          idempotencyKey: `manual:${input.idempotencyKey}`,
          ...(input.reason !== undefined ? { reason: input.reason } : {}),
          now: deps.clock.now(),
          actor,
          stripe: { ...deps.stripe, production: deps.production === true },
        }),
        200,
      );
    },
  );
};
