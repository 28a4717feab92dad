import {
  idempotencyKeySchema,
  recordClientPayment,
  recordedPaymentSchema,
  recordPaymentBodySchema,
} from "@billcycle/app";
import { DomainError } from "@billcycle/core";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses } from "../shared";
import { clientParams, clientPath } from "./client-params";

export const registerRecordClientPaymentRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "post",
      path: `${clientPath}/payments`,
      tags: ["Client billing"],
      summary:
        "Record a payment by hand (cash, check, a card run elsewhere), applied oldest first or to chosen invoices",
      request: {
        params: clientParams,
        // Required; declared optional so a missing key is the use case's coded refusal, after the edge checks.
        headers: z.object({ "idempotency-key": idempotencyKeySchema.optional() }),
        body: body(recordPaymentBodySchema),
      },
      responses: {
        201: json(recordedPaymentSchema, "Recorded"),
        200: json(recordedPaymentSchema, "Recorded before under this Idempotency-Key: nothing new written"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const clientId = recordId(c.req.valid("param").clientId, "Client");
      const input = c.req.valid("json");
      const idempotencyKey = c.req.valid("header")["idempotency-key"];
      if (!idempotencyKey) {
        throw new DomainError("VALIDATION_FAILED", "A payment needs an Idempotency-Key header", {
          field: "Idempotency-Key",
        });
      }
      const recorded = await recordClientPayment(deps.database, {
        actor,
        clientId,
        ...input,
        idempotencyKey,
        now: deps.clock.now(),
      });
      return recorded.replayed ? c.json(recorded, 200) : c.json(recorded, 201);
    },
  );
};
