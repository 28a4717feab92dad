import { describeStripeSettings } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";
import { stripeSettingsAnswer, stripeSettingsAnswerSchema } from "./stripe-settings-answer";

export const registerGetStripeSettingsRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/stripe-settings",
      tags: ["Payments"],
      summary:
        "The practice's Stripe account: publishable key, whether the secrets are set (never the secrets)",
      request: { params: practiceParams },
      responses: { 200: json(stripeSettingsAnswerSchema, "Settings"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      return c.json(
        stripeSettingsAnswer(await describeStripeSettings(deps.database.db, actor.practiceId), deps),
        200,
      );
    },
  );
};
