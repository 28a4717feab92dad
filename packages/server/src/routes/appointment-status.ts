import { appointmentRowSchema, changeAppointmentStatus } from "@billcycle/app";
import { appointmentStatuses } from "@billcycle/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../http/deps";
import { recordId, requirePermission } from "../http/guards";
import { errorResponses, practiceParams } from "./shared";

export const registerAppointmentStatusRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/practices/{practiceId}/appointments/{id}/status",
      tags: ["Appointment"],
      summary: "Change an appointment's status (Upcoming → Kept, No Show, Late Cancel, Canceled)",
      request: {
        params: practiceParams.extend({ id: z.string() }),
        body: {
          required: true,
          content: {
            "application/json": {
              schema: z.strictObject({
                status: z.enum(appointmentStatuses),
                version: z.int().min(1).optional(),
              }),
            },
          },
        },
      },
      responses: {
        200: {
          description: "The appointment with its new status",
          content: { "application/json": { schema: appointmentRowSchema } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "clients:write");
      const { status, version } = c.req.valid("json");
      const row = await changeAppointmentStatus(deps.database, {
        actor,
        appointmentId: recordId(c.req.valid("param").id, "Appointment"),
        to: status,
        now: deps.clock.now(),
        expectedVersion: version,
      });
      return c.json(row, 200);
    },
  );
};
