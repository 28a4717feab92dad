import { saveStripeSettings, stripeSettingsInputSchema } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";
import { stripeSettingsAnswer, stripeSettingsAnswerSchema } from "./stripe-settings-answer";

export const registerSaveStripeSettingsRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "put",
      path: "/api/v1/practices/{practiceId}/stripe-settings",
      tags: ["Payments"],
      summary: "Save the practice's Stripe keys (encrypted at rest; version 0 on first save)",
      request: { params: practiceParams, body: body(stripeSettingsInputSchema) },
      responses: { 200: json(stripeSettingsAnswerSchema, "Saved"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "settings:write");
      const saved = await saveStripeSettings(deps.database, {
        actor,
        input: c.req.valid("json"),
        production: deps.production === true,
        now: deps.clock.now(),
      });
      return c.json(stripeSettingsAnswer(saved, deps), 200);
    },
  );
};
