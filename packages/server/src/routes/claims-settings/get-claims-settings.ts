import { claimsSettingsViewSchema, describeClaimsSettings } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerGetClaimsSettingsRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  const base = "/api/v1/practices/{practiceId}";
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/claims-settings`,
      tags: ["Claims"],
      summary:
        "Scrubber warnings switched off, what to do with adjustment codes without a rule, the clearinghouse connection",
      request: { params: practiceParams },
      responses: { 200: json(claimsSettingsViewSchema, "Settings"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      return c.json(await describeClaimsSettings(deps.database.db, actor.practiceId), 200);
    },
  );
};
