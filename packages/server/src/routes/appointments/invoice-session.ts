import { invoiceSessionNow } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

const invoicedSessionSchema = z
  .strictObject({ appointmentId: z.string(), invoiceId: z.string(), invoiceNumber: z.string() })
  .openapi("InvoicedSession");

export const registerInvoiceSessionRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/practices/{practiceId}/appointments/{id}/invoice",
      tags: ["Automation"],
      summary:
        "Invoice one session now, by hand (exclusion rules do not hold it; the billing rules still apply: " +
        "NOT_BILLABLE lists the reasons with their fixes)",
      request: { params: practiceParams.extend({ id: z.string() }) },
      responses: { 201: json(invoicedSessionSchema, "The invoice the session is on"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const appointmentId = recordId(c.req.valid("param").id, "Appointment");
      return c.json(
        await invoiceSessionNow(deps.database, { actor, appointmentId, now: deps.clock.now() }),
        201,
      );
    },
  );
};
