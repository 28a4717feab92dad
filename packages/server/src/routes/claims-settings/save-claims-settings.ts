import { claimsSettingsSchema, savedClaimsSettingsSchema, updateClaimsSettings } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerSaveClaimsSettingsRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  const base = "/api/v1/practices/{practiceId}";
  app.openapi(
    createRoute({
      method: "put",
      path: `${base}/claims-settings`,
      tags: ["Claims"],
      summary: "Save claims settings (version 0 on first save)",
      request: {
        params: practiceParams,
        body: body(z.strictObject({ settings: claimsSettingsSchema, version: z.int().min(0) })),
      },
      responses: { 200: json(savedClaimsSettingsSchema, "Saved"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "settings:write");
      const { settings, version } = c.req.valid("json");
      return c.json(
        await updateClaimsSettings(deps.database, {
          actor,
          settings,
          expectedVersion: version,
          now: deps.clock.now(),
        }),
        200,
      );
    },
  );
};
