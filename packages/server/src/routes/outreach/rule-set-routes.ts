import {
  listRuleSets,
  loadOutreachSettings,
  outreachSettingsSchema,
  ruleSetInputSchema,
  ruleSetSchema,
  saveRuleSet,
  updateOutreachSettings,
} from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerRuleSetRoutes = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/outreach/rule-sets",
      tags: ["Outreach"],
      summary:
        "The practice's outreach rule sets (ordered steps: day offset, channel, template, send window)",
      request: { params: practiceParams },
      responses: { 200: json(z.array(ruleSetSchema), "Rule sets, by name"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      return c.json(await listRuleSets(deps.database, actor), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/practices/{practiceId}/outreach/rule-sets",
      tags: ["Outreach"],
      summary:
        "Create a rule set (400 INVALID_RULE_SET: no steps, two steps on one day and channel; 400 " +
        "UNKNOWN_PLACEHOLDER: a template naming anything but {first_name} {amount} {practice_name} {pay_link} {practice_phone})",
      request: { params: practiceParams, body: body(ruleSetInputSchema) },
      responses: { 201: json(ruleSetSchema, "The rule set"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      return c.json(
        await saveRuleSet(deps.database, { actor, body: c.req.valid("json"), now: deps.clock.now() }),
        201,
      );
    },
  );
  app.openapi(
    createRoute({
      method: "put",
      path: "/api/v1/practices/{practiceId}/outreach/rule-sets/{ruleSetId}",
      tags: ["Outreach"],
      summary:
        "Replace a rule set's name, default flag and steps (sets using it continue at their step index)",
      request: {
        params: practiceParams.extend({ ruleSetId: z.string() }),
        body: body(ruleSetInputSchema),
      },
      responses: { 200: json(ruleSetSchema, "The rule set"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const ruleSetId = recordId(c.req.valid("param").ruleSetId, "Rule set");
      return c.json(
        await saveRuleSet(deps.database, {
          actor,
          ruleSetId,
          body: c.req.valid("json"),
          now: deps.clock.now(),
        }),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/outreach/settings",
      tags: ["Outreach"],
      summary: "Outreach on or off, and after how many days outstanding a set starts by itself",
      request: { params: practiceParams },
      responses: { 200: json(outreachSettingsSchema, "Settings"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      return c.json(await loadOutreachSettings(deps.database.db, actor.practiceId), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "put",
      path: "/api/v1/practices/{practiceId}/outreach/settings",
      tags: ["Outreach"],
      summary: "Change the outreach settings",
      request: { params: practiceParams, body: body(outreachSettingsSchema) },
      responses: { 200: json(outreachSettingsSchema, "Settings"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      return c.json(
        await updateOutreachSettings(deps.database, {
          actor,
          settings: c.req.valid("json"),
          now: deps.clock.now(),
        }),
        200,
      );
    },
  );
};
