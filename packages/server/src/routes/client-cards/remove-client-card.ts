import { clientCardSchema, removeClientCard } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses } from "../shared";
import { clientCardParams } from "./params";

export const registerRemoveClientCardRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/v1/practices/{practiceId}/clients/{id}/cards/{cardId}",
      tags: ["Payments"],
      summary: "Remove a saved card (detached at Stripe, so it can never be charged again)",
      request: { params: clientCardParams },
      responses: {
        200: json(z.strictObject({ cards: z.array(clientCardSchema) }), "Cards left"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const params = c.req.valid("param");
      const cards = await removeClientCard(deps.database, {
        actor,
        clientId: recordId(params.id, "Client"),
        cardId: recordId(params.cardId, "Card"),
        now: deps.clock.now(),
        stripe: { ...deps.stripe, production: deps.production === true },
      });
      return c.json({ cards }, 200);
    },
  );
};
