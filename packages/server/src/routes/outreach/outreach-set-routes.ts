import {
  applyBulkOutreachAction,
  applyOutreachAction,
  bulkOutreachActionInputSchema,
  bulkOutreachResultSchema,
  countOutreachMetrics,
  exportCollectionsCsv,
  getOutreachTimeline,
  listOutreachSets,
  listOutreachSetsQuerySchema,
  loadSetViews,
  outreachActionInputSchema,
  outreachMetricsSchema,
  outreachSetPageSchema,
  outreachSetSchema,
  outreachTimelineSchema,
  startOutreachSet,
  startOutreachSetSchema,
} from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../../http/deps";
import { recordId, requirePermission } from "../../http/guards";
import { body, json } from "../openapi-content";
import { errorResponses, practiceParams } from "../shared";

const setParams = practiceParams.extend({ setId: z.string() });

export const registerOutreachSetRoutes = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/outreach/sets",
      tags: ["Outreach"],
      summary:
        "Invoice sets, newest first, every filter combinable: search (patient name, phone, id), status " +
        "(comma-separated), amount range, created range, next send range, rule set",
      request: { params: practiceParams, query: listOutreachSetsQuerySchema },
      responses: { 200: json(outreachSetPageSchema, "A page of invoice sets"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      return c.json(
        await listOutreachSets(deps.database, { actor, query: c.req.valid("query"), now: deps.clock.now() }),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/practices/{practiceId}/outreach/sets",
      tags: ["Outreach"],
      summary:
        "Start an invoice set by hand for a patient with an outstanding balance (409 CONFLICT: one is already " +
        "open, nothing outstanding, or no default rule set)",
      request: { params: practiceParams, body: body(startOutreachSetSchema) },
      responses: { 201: json(outreachSetSchema, "The new set"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const input = c.req.valid("json");
      const id = await startOutreachSet(deps.database, { actor, ...input, now: deps.clock.now() });
      const [set] = await loadSetViews(deps.database.db, actor.practiceId, [id]);
      return c.json(set!, 201);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/outreach/metrics",
      tags: ["Outreach"],
      summary:
        "The four metric cards: how many sets of the practice are Failed, Expired, Paused and Will Fail",
      request: { params: practiceParams },
      responses: { 200: json(outreachMetricsSchema, "Counts"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      return c.json(await countOutreachMetrics(deps.database, actor), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/outreach/sets/{setId}/timeline",
      tags: ["Outreach"],
      summary:
        "The Invoice Timeline: every message (channel, text, delivery status), reply, payment and status change",
      request: { params: setParams },
      responses: { 200: json(outreachTimelineSchema, "The set and its events"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const setId = recordId(c.req.valid("param").setId, "Invoice set");
      return c.json(await getOutreachTimeline(deps.database, { actor, setId, now: deps.clock.now() }), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/practices/{practiceId}/outreach/sets/{setId}/actions",
      tags: ["Outreach"],
      summary:
        "Write Off, Send to Collections, Change Rule Set, Pause, Resume or Cancel one set (409 ACTION_NOT_ALLOWED " +
        "when its status does not allow it; nothing is written)",
      request: { params: setParams, body: body(outreachActionInputSchema) },
      responses: { 200: json(outreachSetSchema, "The set as it now is"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const setId = recordId(c.req.valid("param").setId, "Invoice set");
      return c.json(
        await applyOutreachAction(deps.database, {
          actor,
          setId,
          request: c.req.valid("json"),
          now: deps.clock.now(),
        }),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/practices/{practiceId}/outreach/bulk-actions",
      tags: ["Outreach"],
      summary:
        "The same action on many sets: each set gets it when its status allows; the answer counts those done and " +
        "lists the skipped with their code and reason",
      request: { params: practiceParams, body: body(bulkOutreachActionInputSchema) },
      responses: { 200: json(bulkOutreachResultSchema, "Done and skipped"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const { setIds, ...request } = c.req.valid("json");
      return c.json(
        await applyBulkOutreachAction(deps.database, { actor, setIds, request, now: deps.clock.now() }),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/practices/{practiceId}/outreach/collections.csv",
      tags: ["Outreach"],
      summary:
        "The sets sent to collections, as a CSV for the agency (optionally those sent since an instant)",
      request: {
        params: practiceParams,
        query: z.strictObject({ since: z.iso.datetime({ offset: true }).optional() }),
      },
      responses: {
        200: { description: "CSV, one row per set", content: { "text/csv": { schema: z.string() } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const csv = await exportCollectionsCsv(deps.database, {
        actor,
        since: c.req.valid("query").since,
        now: deps.clock.now(),
      });
      return c.body(csv, 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="collections.csv"',
      });
    },
  );
};
