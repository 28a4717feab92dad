import { cardChargeSchema, listCardCharges } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { clientParams } from "../client-cards/params";
import { json } from "../openapi-content";
import { errorResponses } from "../shared";

export const registerListCardChargesRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/clients/{id}/card-charges",
      tags: ["Payments"],
      summary: "The client's card charges, newest first, with Stripe's decline reason where declined",
      request: { params: clientParams },
      responses: {
        200: json(z.strictObject({ charges: z.array(cardChargeSchema) }), "Charges"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const clientId = recordId(c.req.valid("param").id, "Client");
      const charges = await listCardCharges(deps.database.db, { practiceId: actor.practiceId, clientId });
      return c.json({ charges }, 200);
    },
  );
};
