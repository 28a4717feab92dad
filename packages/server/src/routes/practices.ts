import {
  auditEntryPageSchema,
  billingSettingsChangeSchema,
  createPractice,
  createPracticeSchema,
  getPractice,
  listAuditEntries,
  practiceSchema as practice,
  requirePlatformOperator,
  updateBillingSettings,
  updateBillingSettingsSchema,
  updatePractice,
  updatePracticeSchema,
} from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../http/deps";
import { requirePermission, requireUser } from "../http/guards";
import { registerListPracticeMembersRoute } from "./practice-members/list-practice-members";
import { errorResponses, practiceParams } from "./shared";

export const registerPracticeRoutes = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  registerListPracticeMembersRoute(app, deps);

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/practices",
      tags: ["Practice"],
      summary: "Create a practice; you become its owner (platform operators only, else 403 FORBIDDEN)",
      request: {
        body: { required: true, content: { "application/json": { schema: createPracticeSchema } } },
      },
      responses: {
        201: { description: "Created", content: { "application/json": { schema: practice } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const user = requireUser(c);
      await requirePlatformOperator(deps.database, user.id);
      const { id } = await createPractice(deps.database, {
        input: c.req.valid("json"),
        ownerUserId: user.id,
        now: deps.clock.now(),
      });
      return c.json(await getPractice(deps.database, id), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}",
      tags: ["Practice"],
      summary: "The practice, its time zone and billing settings",
      request: { params: practiceParams },
      responses: {
        200: { description: "The practice", content: { "application/json": { schema: practice } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "practice:read");
      const row = await getPractice(deps.database, actor.practiceId);
      c.header("ETag", `W/"${row.version}"`);
      return c.json(row, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/v1/practices/{practiceId}",
      tags: ["Practice"],
      summary: "Update the practice's identity, address and time zone",
      request: {
        params: practiceParams,
        body: { required: true, content: { "application/json": { schema: updatePracticeSchema } } },
      },
      responses: {
        200: { description: "Updated", content: { "application/json": { schema: practice } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "practice:write");
      return c.json(
        await updatePractice(deps.database, { actor, patch: c.req.valid("json"), now: deps.clock.now() }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/v1/practices/{practiceId}/billing-settings",
      tags: ["Practice"],
      summary:
        "Change billing settings (defaults apply to clients created afterwards: the answer counts the existing " +
        "clients left alone, and warns of a share delay under 60 minutes while autopay is on)",
      request: {
        params: practiceParams,
        body: { required: true, content: { "application/json": { schema: updateBillingSettingsSchema } } },
      },
      responses: {
        200: {
          description: "Updated, with warnings and what the change leaves alone",
          content: { "application/json": { schema: billingSettingsChangeSchema } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "settings:write");
      const { version, ...billingSettings } = c.req.valid("json");
      return c.json(
        await updateBillingSettings(deps.database, {
          actor,
          version,
          billingSettings,
          now: deps.clock.now(),
        }),
        200,
      );
    },
  );

  const auditQuery = z.strictObject({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    cursor: z.coerce.number().int().optional(),
    entityId: z.string().optional(),
  });
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/audit",
      tags: ["Practice"],
      summary: "The audit trail: who read or changed what, when",
      request: { params: practiceParams, query: auditQuery },
      responses: {
        200: {
          description: "Audit rows, oldest first",
          content: {
            "application/json": { schema: auditEntryPageSchema },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "audit:read");
      const { limit, cursor, entityId } = c.req.valid("query");
      return c.json(
        await listAuditEntries(deps.database, {
          actor,
          query: { limit, after: cursor, entityId },
          now: deps.clock.now(),
        }),
        200,
      );
    },
  );
};
