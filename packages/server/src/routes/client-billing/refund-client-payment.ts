import { recordedRefundSchema, refundBodySchema, refundClientPayment } from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses } from "../shared";
import { clientParams, clientPath } from "./client-params";

export const registerRefundClientPaymentRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: `${clientPath}/payments/{paymentId}/refunds`,
      tags: ["Client billing"],
      summary: "Refund a payment in part or whole (never more than what remains of it)",
      request: {
        params: clientParams.extend({ paymentId: z.string() }),
        body: body(refundBodySchema),
      },
      responses: { 201: json(recordedRefundSchema, "Refunded"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const params = c.req.valid("param");
      const { amountCents, reason } = c.req.valid("json");
      return c.json(
        await refundClientPayment(deps.database, {
          actor,
          clientId: recordId(params.clientId, "Client"),
          paymentId: recordId(params.paymentId, "Payment"),
          amountCents,
          reason,
          now: deps.clock.now(),
        }),
        201,
      );
    },
  );
};
