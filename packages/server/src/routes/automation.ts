import {
  automationConfigSchema,
  automationPreviewSchema,
  automationRunPageSchema,
  automationSettingsSchema,
  billingExplanationSchema,
  billingStateListSchema,
  describeAutomationSettings,
  explainAppointmentBilling,
  listAutomationRuns,
  listBillingStates,
  listRunOutcomes,
  MAX_BILLING_STATES,
  previewAutomation,
  runOutcomePageSchema,
  updateAutomationConfig,
} from "@billcycle/app";
import { automationKinds } from "@billcycle/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../http/deps";
import { recordId, requirePermission } from "../http/guards";
import { registerInvoiceSessionRoute } from "./appointments/invoice-session";
import { registerRunAutomationNowRoute } from "./automation-runs/run-automation-now";
import { registerExplainClientAutopayRoute } from "./autopay/explain-client-autopay";
import { registerExplainInvoiceAutopayRoute } from "./autopay/explain-invoice-autopay";
import { errorResponses, practiceParams } from "./shared";

/** A UUID's text, for a list of ids in one query parameter. */
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const registerAutomationRoutes = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  const base = "/api/v1/practices/{practiceId}";
  registerRunAutomationNowRoute(app, deps);
  registerInvoiceSessionRoute(app, deps);
  registerExplainClientAutopayRoute(app, deps);
  registerExplainInvoiceAutopayRoute(app, deps);

  const describe = (practiceId: string) =>
    describeAutomationSettings(deps.database.db, practiceId, deps.clock.now());

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/automation`,
      tags: ["Automation"],
      summary:
        "Automation settings, with each automation's explanation, next run and exclusion rules in words",
      request: { params: practiceParams },
      responses: { 200: json(automationSettingsSchema, "Settings"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      return c.json(await describe(actor.practiceId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: `${base}/automation`,
      tags: ["Automation"],
      summary: "Save automation settings (whole document; version 0 on first save)",
      request: {
        params: practiceParams,
        body: {
          required: true,
          content: {
            "application/json": {
              schema: z.strictObject({ config: automationConfigSchema, version: z.int().min(0) }),
            },
          },
        },
      },
      responses: { 200: json(automationSettingsSchema, "Saved"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "settings:write");
      const { config, version } = c.req.valid("json");
      await updateAutomationConfig(deps.database, {
        actor,
        next: config,
        expectedVersion: version,
        now: deps.clock.now(),
      });
      return c.json(await describe(actor.practiceId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/appointments/{id}/billing-explanation`,
      tags: ["Automation"],
      summary: "Why wasn't this session billed, and what will happen tonight?",
      request: { params: practiceParams.extend({ id: z.string() }) },
      responses: { 200: json(billingExplanationSchema, "The explanation"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const id = recordId(c.req.valid("param").id, "Appointment");
      return c.json(
        await explainAppointmentBilling(deps.database, { actor, appointmentId: id, now: deps.clock.now() }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/appointment-billing-states`,
      tags: ["Automation"],
      summary:
        "Many sessions' billing state at once (a list page, a calendar week): billed with its invoice, or why not",
      request: {
        params: practiceParams,
        query: z.strictObject({
          ids: z
            .string()
            .regex(
              new RegExp(`^${UUID}(,${UUID}){0,${MAX_BILLING_STATES - 1}}$`, "i"),
              `1 to ${MAX_BILLING_STATES} session ids, separated by commas`,
            )
            .optional()
            .describe(
              `the sessions' ids, comma-separated (at most ${MAX_BILLING_STATES}); none: an empty list`,
            ),
        }),
      },
      responses: { 200: json(billingStateListSchema, "One state per session found"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const appointmentIds = c.req.valid("query").ids?.split(",") ?? [];
      const data = await listBillingStates(deps.database, { actor, appointmentIds, now: deps.clock.now() });
      return c.json({ data }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/automation/{automation}/preview`,
      tags: ["Automation"],
      summary: "What the next run of an automation would do, without doing it",
      request: { params: practiceParams.extend({ automation: z.enum(automationKinds) }) },
      responses: { 200: json(automationPreviewSchema, "The preview"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      return c.json(
        await previewAutomation(deps.database, {
          actor,
          kind: c.req.valid("param").automation,
          now: deps.clock.now(),
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/automation-runs`,
      tags: ["Automation"],
      summary: "Run history, newest first: local date, lateness, counts, duration",
      request: {
        params: practiceParams,
        query: z.strictObject({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.uuid().optional(),
          automation: z.enum(automationKinds).optional(),
        }),
      },
      responses: {
        200: json(automationRunPageSchema, "Runs"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const q = c.req.valid("query");
      return c.json(
        await listAutomationRuns(deps.database, actor.practiceId, {
          limit: q.limit,
          before: q.cursor,
          automation: q.automation,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/automation-runs/{id}/outcomes`,
      tags: ["Automation"],
      summary: "What one run did with each item, filterable by reason code",
      request: {
        params: practiceParams.extend({ id: z.string() }),
        query: z.strictObject({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          cursor: z.uuid().optional(),
          reason: z.string().max(40).optional(),
        }),
      },
      responses: {
        200: json(runOutcomePageSchema, "Outcomes"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const q = c.req.valid("query");
      const runId = recordId(c.req.valid("param").id, "Run");
      return c.json(
        await listRunOutcomes(deps.database, {
          practiceId: actor.practiceId,
          runId,
          query: {
            limit: q.limit,
            after: q.cursor,
            reason: q.reason,
          },
        }),
        200,
      );
    },
  );
};
