import { clearinghouseFileSchema, getClearinghouseFile } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerGetClearinghouseFileRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  const base = "/api/v1/practices/{practiceId}";
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/files/{id}`,
      tags: ["Claims"],
      summary: "One file with its X12 content",
      request: { params: practiceParams.extend({ id: z.string() }) },
      responses: { 200: json(clearinghouseFileSchema, "The file"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const id = recordId(c.req.valid("param").id, "File");
      return c.json(await getClearinghouseFile(deps.database.db, actor.practiceId, id), 200);
    },
  );
};
