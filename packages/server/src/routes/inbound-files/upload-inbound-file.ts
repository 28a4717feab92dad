import { importInboundFile, inboundResultSchema } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerUploadInboundFileRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  const base = "/api/v1/practices/{practiceId}";
  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/inbound-files`,
      tags: ["Claims"],
      summary:
        "Upload an 835, 999 or 277CA file; it is stored and processed like one picked up from the clearinghouse",
      request: {
        params: practiceParams,
        body: body(
          z.strictObject({
            name: z.string().regex(/^[\w.-]{1,120}$/),
            content: z.string().min(10).max(50_000_000),
          }),
        ),
      },
      responses: { 200: json(inboundResultSchema, "What the file did"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const { name, content } = c.req.valid("json");
      return c.json(
        await importInboundFile(
          deps.database,
          actor.practiceId,
          { name, content },
          deps.clock.now(),
          actor.label,
        ),
        200,
      );
    },
  );
};
