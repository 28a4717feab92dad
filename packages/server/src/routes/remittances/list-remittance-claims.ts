import { recordAudit, remittanceClaimsPage, remittanceClaimsPageSchema } from "@billcycle/app";
import { DomainError } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

/** Registered before the remittances resource's GET …/remittances/{id}: one remittance's claims, a page at a time. */
export const registerListRemittanceClaimsRoute = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/remittances/{id}/claims",
      tags: ["Claims"],
      summary:
        "A remittance's claims in file order, with their postings, a page at a time (after: a position)",
      request: {
        params: practiceParams.extend({ id: z.string() }),
        query: z.strictObject({
          limit: z.coerce.number().int().min(1).max(1000).default(200),
          after: z.coerce.number().int().min(-1).default(-1),
        }),
      },
      responses: { 200: json(remittanceClaimsPageSchema, "Claims"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const id = recordId(c.req.valid("param").id, "Remittance");
      const q = c.req.valid("query");
      const [remittance] = await deps.database.db
        .select({ id: tables.remittances.id })
        .from(tables.remittances)
        .where(and(eq(tables.remittances.practiceId, actor.practiceId), eq(tables.remittances.id, id)));
      if (!remittance) throw new DomainError("NOT_FOUND", "Remittance not found", { entity: "Remittance" });
      // Patients' claims: read like the remittance itself, with an audit row.
      await recordAudit(deps.database.db, actor, "read", "remittance", id, deps.clock.now(), {
        claimsAfter: q.after,
      });
      const page = await remittanceClaimsPage(deps.database.db, actor.practiceId, id, q.after, q.limit);
      return c.json(remittanceClaimsPageSchema.parse(page), 200);
    },
  );
};
