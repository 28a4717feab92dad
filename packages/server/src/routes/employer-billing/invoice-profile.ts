import {
  getInvoiceProfile,
  invoiceProfileBodySchema,
  invoiceProfileSchema,
  saveInvoiceProfile,
} from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";
import { basePath, tags } from "./params";

export const registerInvoiceProfileRoutes = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: `${basePath}/invoice-profile`,
      tags,
      summary:
        "The invoice profile that applies to the practice, or to one employer (its own, else the practice's)",
      request: { params: practiceParams, query: z.strictObject({ employerId: z.string().optional() }) },
      responses: { 200: json(invoiceProfileSchema, "Profile"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const { employerId } = c.req.valid("query");
      return c.json(
        await getInvoiceProfile(deps.database.db, {
          actor,
          employerId: employerId === undefined ? null : recordId(employerId, "Employer"),
        }),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: "put",
      path: `${basePath}/invoice-profile`,
      tags,
      summary:
        "Save the practice's invoice profile, or one employer's (version: the one read, 0 for a first save)",
      request: {
        params: practiceParams,
        body: body(
          z.strictObject({
            employerId: z.uuid().nullable().default(null),
            profile: invoiceProfileBodySchema,
            version: z.int().min(0),
          }),
        ),
      },
      responses: { 200: json(invoiceProfileSchema, "Saved"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const input = c.req.valid("json");
      return c.json(await saveInvoiceProfile(deps.database, { actor, ...input, now: deps.clock.now() }), 200);
    },
  );
};
