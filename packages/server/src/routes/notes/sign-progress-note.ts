import { signedNoteSchema, signProgressNote } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

export const registerSignProgressNoteRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/practices/{practiceId}/appointments/{id}/note/sign",
      tags: ["Appointments"],
      summary:
        "Sign the session's progress note as its author (the session's provider's user) or a supervisor " +
        "(clinical:supervise); another clinician: 403 NOT_NOTE_AUTHOR; a role without clinical:write (a " +
        "biller, who sends a signature request instead): 403 FORBIDDEN. Writes the note when there is none.",
      request: { params: practiceParams.extend({ id: z.string() }) },
      responses: { 200: json(signedNoteSchema, "The signed note"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "clinical:write");
      const appointmentId = recordId(c.req.valid("param").id, "Appointment");
      return c.json(
        await signProgressNote(deps.database, { actor, appointmentId, now: deps.clock.now() }),
        200,
      );
    },
  );
};
