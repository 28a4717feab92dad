import { cardSetupSchema, startCardSetup } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses } from "../shared";
import { clientParams } from "./params";

export const registerStartCardSetupRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/practices/{practiceId}/clients/{id}/cards/setup",
      tags: ["Payments"],
      summary:
        "Start saving a card: a SetupIntent client secret and the publishable key for Stripe's card element " +
        "(the card number goes to Stripe, never to billcycle)",
      request: { params: clientParams },
      responses: { 200: json(cardSetupSchema, "Setup started"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const clientId = recordId(c.req.valid("param").id, "Client");
      return c.json(
        await startCardSetup(deps.database, {
          actor,
          clientId,
          now: deps.clock.now(),
          stripe: { ...deps.stripe, production: deps.production === true },
        }),
        200,
      );
    },
  );
};
