import { clientSharingSchema, explainClientSharing } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerGetClientSharingRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/clients/{id}/sharing",
      tags: ["Sharing"],
      summary:
        "Why aren't documents shared with this client? The deciding settings, per kind, and recent shares",
      request: { params: practiceParams.extend({ id: z.string() }) },
      responses: { 200: json(clientSharingSchema, "The client's sharing"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const clientId = recordId(c.req.valid("param").id, "Client");
      return c.json(await explainClientSharing(deps.database, { actor, clientId }), 200);
    },
  );
};
