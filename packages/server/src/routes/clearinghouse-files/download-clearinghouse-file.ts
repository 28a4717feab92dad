import { downloadClearinghouseFile } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { errorResponses, practiceParams } from "../shared";

export const registerDownloadClearinghouseFileRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/files/{id}/content",
      tags: ["Claims"],
      summary: "A file's original bytes: an inbound file as received, an 837P as sent",
      request: { params: practiceParams.extend({ id: z.string() }) },
      responses: {
        200: {
          description: "The file",
          content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const fileId = recordId(c.req.valid("param").id, "File");
      const file = await deps.database.db.transaction((tx) =>
        downloadClearinghouseFile(tx, { actor, fileId, now: deps.clock.now() }),
      );
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        "content-type": "application/octet-stream",
        "content-disposition": `attachment; filename="${file.fileName}"`,
      });
    },
  );
};
