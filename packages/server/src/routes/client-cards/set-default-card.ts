import { clientCardSchema, setDefaultCard } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses } from "../shared";
import { clientParams } from "./params";

export const registerSetDefaultCardRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "put",
      path: "/api/v1/practices/{practiceId}/clients/{id}/default-card",
      tags: ["Payments"],
      summary: "Make one saved card the client's default (the card autopay charges)",
      request: { params: clientParams, body: body(z.strictObject({ cardId: z.string() })) },
      responses: {
        200: json(z.strictObject({ cards: z.array(clientCardSchema) }), "Cards"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const clientId = recordId(c.req.valid("param").id, "Client");
      const cardId = recordId(c.req.valid("json").cardId, "Card");
      const cards = await setDefaultCard(deps.database, { actor, clientId, cardId, now: deps.clock.now() });
      return c.json({ cards }, 200);
    },
  );
};
