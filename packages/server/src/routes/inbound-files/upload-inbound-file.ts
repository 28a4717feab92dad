import { importInboundFile, inboundResultSchema } from "@billcycle/app";
import { DomainError, type ErrorCode } from "@billcycle/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

/** Refusals of an uploaded file as a whole, answered with their own status rather than 200 "rejected". */
const refusedUploads = new Set<string>(["FILE_NOT_TEXT", "FILE_TOO_LARGE", "TOO_MANY_CLAIMS"]);

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
      const result = await importInboundFile(
        deps.database,
        actor.practiceId,
        { name, content },
        deps.clock.now(),
        actor.label,
      );
      // A file refused before it was read as X12 (not text, too large) is an error of the upload itself; the file
      // is still stored, rejected, under fileId. X12 errors are answered as what the file did (status rejected).
      if (result.status === "rejected" && result.code && refusedUploads.has(result.code)) {
        throw new DomainError(result.code as ErrorCode, result.error ?? "The file was refused", {
          fileId: result.fileId,
        });
      }
      return c.json(result, 200);
    },
  );
};
