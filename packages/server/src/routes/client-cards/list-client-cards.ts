import { clientCardSchema, listClientCards } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses } from "../shared";
import { clientParams } from "./params";

export const registerListClientCardsRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/clients/{id}/cards",
      tags: ["Payments"],
      summary: "The client's saved cards (brand, last 4, expiry, default, expired by the practice's date)",
      request: { params: clientParams },
      responses: {
        200: json(z.strictObject({ cards: z.array(clientCardSchema) }), "Cards"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const clientId = recordId(c.req.valid("param").id, "Client");
      const cards = await listClientCards(deps.database.db, {
        practiceId: actor.practiceId,
        clientId,
        now: deps.clock.now(),
      });
      return c.json({ cards }, 200);
    },
  );
};
