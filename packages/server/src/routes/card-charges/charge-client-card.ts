import { cardChargeSchema, chargeCard } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { clientParams } from "../client-cards/params";
import { body, json } from "../openapi-content";
import { errorResponses } from "../shared";

const manualChargeSchema = z.strictObject({
  amountCents: z.int().min(1).max(100_000_000),
  idempotencyKey: z
    .string()
    .trim()
    .min(8)
    .max(100)
    .regex(/^[A-Za-z0-9_.:-]+$/, "letters, digits and _ . : -")
    .describe(
      "made once per payment the person means to take (e.g. a UUID): a retried request never charges twice",
    ),
  apply: z
    .discriminatedUnion("kind", [
      z.strictObject({ kind: z.literal("oldest_first") }),
      z.strictObject({
        kind: z.literal("chosen"),
        invoices: z
          .array(
            z.strictObject({ invoiceId: z.uuid(), amountCents: z.int().min(1).max(100_000_000).optional() }),
          )
          .min(1)
          .max(100),
      }),
    ])
    .optional()
    .describe(
      "the client's open invoices this payment pays (each amount within what is open on it; without one, what " +
        "is left up to it); oldest first when omitted. What no invoice takes is credit on account",
    ),
});

export const registerChargeClientCardRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/practices/{practiceId}/clients/{id}/card-charges",
      tags: ["Payments"],
      summary:
        "Charge the client's default card now (a manual charge), applied to chosen invoices or oldest first. A decline is a 200 with status declined and " +
        "Stripe's reason; status unknown means Stripe did not answer and will be asked, never charged again",
      request: { params: clientParams, body: body(manualChargeSchema) },
      responses: {
        200: json(z.strictObject({ charge: cardChargeSchema, existing: z.boolean() }), "The charge"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const clientId = recordId(c.req.valid("param").id, "Client");
      const { amountCents, idempotencyKey, apply } = c.req.valid("json");
      const result = await chargeCard(deps.database, {
        practiceId: actor.practiceId,
        clientId,
        amountCents,
        idempotencyKey: `manual:${idempotencyKey}`,
        purpose: { kind: "manual", id: idempotencyKey },
        apply,
        now: deps.clock.now(),
        actor,
        stripe: { ...deps.stripe, production: deps.production === true },
      });
      return c.json(result, 200);
    },
  );
};
