import { clientCardSchema, syncClientCards } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses } from "../shared";
import { clientParams } from "./params";

export const registerRefreshClientCardsRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/practices/{practiceId}/clients/{id}/cards/refresh",
      tags: ["Payments"],
      summary: "Read the client's cards from Stripe again (after the card element saved one)",
      request: { params: clientParams },
      responses: {
        200: json(z.strictObject({ cards: z.array(clientCardSchema) }), "Cards"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const clientId = recordId(c.req.valid("param").id, "Client");
      const cards = await syncClientCards(deps.database, {
        actor,
        clientId,
        now: deps.clock.now(),
        stripe: { ...deps.stripe, production: deps.production === true },
      });
      return c.json({ cards }, 200);
    },
  );
};
