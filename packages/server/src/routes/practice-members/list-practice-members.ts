import { listPracticeMembers, practiceMemberListSchema } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerListPracticeMembersRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/members",
      tags: ["Practice"],
      summary: "The practice's users (name, email, role), by name: who a provider can be linked to",
      request: { params: practiceParams },
      responses: { 200: json(practiceMemberListSchema, "The members"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "practice:read");
      return c.json({ data: await listPracticeMembers(deps.database.db, actor) }, 200);
    },
  );
};
