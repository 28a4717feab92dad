import { noteSignatureRequestCreatedSchema, requestNoteSignature } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerRequestNoteSignatureRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/practices/{practiceId}/appointments/{id}/note/signature-request",
      tags: ["Appointments"],
      summary:
        "Ask the session's provider to sign its note (shown on their Sessions screen until signed); asking " +
        "again answers the first request",
      request: {
        params: practiceParams.extend({ id: z.string() }),
        body: body(z.strictObject({ message: z.string().trim().max(500).nullable().optional() })),
      },
      responses: { 200: json(noteSignatureRequestCreatedSchema, "The request"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const appointmentId = recordId(c.req.valid("param").id, "Appointment");
      const { request, created } = await requestNoteSignature(deps.database, {
        actor,
        appointmentId,
        message: c.req.valid("json").message ?? null,
        now: deps.clock.now(),
      });
      return c.json(
        { id: request.id, appointmentId: request.appointmentId, providerId: request.providerId, created },
        200,
      );
    },
  );
};
