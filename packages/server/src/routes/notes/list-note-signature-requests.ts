import { listNoteSignatureRequests, noteSignatureRequestListSchema } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerListNoteSignatureRequestsRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/note-signature-requests",
      tags: ["Appointments"],
      summary:
        "Open requests to sign a note: mine=true those for the providers linked to you; else by session",
      request: {
        params: practiceParams,
        query: z.strictObject({
          mine: z
            .enum(["true", "false"])
            .optional()
            .transform((v) => v === "true"),
          appointmentId: z.uuid().optional(),
        }),
      },
      responses: { 200: json(noteSignatureRequestListSchema, "Open requests"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "clients:read");
      const { mine, appointmentId } = c.req.valid("query");
      return c.json(await listNoteSignatureRequests(deps.database.db, actor, { mine, appointmentId }), 200);
    },
  );
};
