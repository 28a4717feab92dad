import { employerDashboardSchema, getEmployerDashboard } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses } from "../shared";
import { basePath, employerParams, tags } from "./params";

export const registerGetEmployerDashboardRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: `${basePath}/employers/{employerId}/dashboard`,
      tags,
      summary: "The employer dashboard: billed, paid, credited, open, unapplied, and the open amount by age",
      request: { params: employerParams },
      responses: { 200: json(employerDashboardSchema, "Dashboard"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const employerId = recordId(c.req.valid("param").employerId, "Employer");
      return c.json(
        await getEmployerDashboard(deps.database.db, { actor, employerId, now: deps.clock.now() }),
        200,
      );
    },
  );
};
