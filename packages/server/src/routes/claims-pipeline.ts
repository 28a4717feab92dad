import {
  claimCountsSchema,
  claimsSettingsSchema,
  claimsSettingsViewSchema,
  clearinghouseFilePageSchema,
  clearinghouseFileSchema,
  countClaimsByStatus,
  defaultDropRoot,
  defaultTransportResolver,
  describeClaimsSettings,
  getClearinghouseFile,
  importInboundFile,
  inboundResultSchema,
  listClearinghouseFiles,
  listWorkQueueItems,
  practiceToday,
  rescrubClaim,
  resolveWorkItem,
  savedClaimsSettingsSchema,
  scrubResultSchema,
  submitClaims,
  submitResultSchema,
  updateClaimsSettings,
  workItemResolutionSchema,
  workQueueItemPageSchema,
} from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../http/deps";
import { recordId, requirePermission } from "../http/guards";
import { errorResponses, practiceParams } from "./shared";

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const registerClaimsPipelineRoutes = (app: OpenAPIHono<HonoEnv>, deps: AppDeps) => {
  const base = "/api/v1/practices/{practiceId}";
  const transports = () => ({
    transportFor: deps.transportFor ?? defaultTransportResolver({ dropRoot: defaultDropRoot() }),
  });

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/claims-settings`,
      tags: ["Claims"],
      summary:
        "Scrubber warnings switched off, what to do with adjustment codes without a rule, the clearinghouse connection",
      request: { params: practiceParams },
      responses: { 200: json(claimsSettingsViewSchema, "Settings"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      return c.json(await describeClaimsSettings(deps.database.db, actor.practiceId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: `${base}/claims-settings`,
      tags: ["Claims"],
      summary: "Save claims settings (version 0 on first save)",
      request: {
        params: practiceParams,
        body: body(z.strictObject({ settings: claimsSettingsSchema, version: z.int().min(0) })),
      },
      responses: { 200: json(savedClaimsSettingsSchema, "Saved"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "settings:write");
      const { settings, version } = c.req.valid("json");
      return c.json(
        await updateClaimsSettings(deps.database, {
          actor,
          settings,
          expectedVersion: version,
          now: deps.clock.now(),
        }),
        200,
      );
    },
  );

  // Registered before the claims resource's GET …/claims/{id}, so "counts" is not taken for a claim id.
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/claims/counts`,
      tags: ["Claims"],
      summary: "How many claims the practice has in each status (every status, zero included)",
      request: { params: practiceParams },
      responses: {
        200: json(claimCountsSchema, "Claims per status"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      return c.json(await countClaimsByStatus(deps.database.db, actor.practiceId), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/claims/{id}/rescrub`,
      tags: ["Claims"],
      summary:
        "Scrub a claim again after fixing its data; a claim that now passes goes back to Awaiting Submission",
      request: { params: practiceParams.extend({ id: z.string() }) },
      responses: { 200: json(scrubResultSchema, "The scrub result"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const id = recordId(c.req.valid("param").id, "Claim");
      return c.json(await rescrubClaim(deps.database, { actor, claimId: id, now: deps.clock.now() }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/claims/submit`,
      tags: ["Claims"],
      summary: "Run Claims Submission now (dryRun: scrub and build the 837P without storing or sending)",
      request: { params: practiceParams, body: body(z.strictObject({ dryRun: z.boolean().default(false) })) },
      responses: { 200: json(submitResultSchema, "What was submitted"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const now = deps.clock.now();
      const { today } = await practiceToday(deps.database.db, actor.practiceId, now);
      const result = await submitClaims(
        deps.database,
        { practiceId: actor.practiceId, runId: null, trigger: "manual", today },
        now,
        transports(),
        { dryRun: c.req.valid("json").dryRun },
      );
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/inbound-files`,
      tags: ["Claims"],
      summary:
        "Upload an 835, 999 or 277CA file; it is stored and processed like one picked up from the clearinghouse",
      request: {
        params: practiceParams,
        body: body(
          z.strictObject({
            name: z.string().regex(/^[\w.-]{1,120}$/),
            content: z.string().min(10).max(50_000_000),
          }),
        ),
      },
      responses: { 200: json(inboundResultSchema, "What the file did"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const { name, content } = c.req.valid("json");
      return c.json(
        await importInboundFile(
          deps.database,
          actor.practiceId,
          { name, content },
          deps.clock.now(),
          actor.label,
        ),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/files`,
      tags: ["Claims"],
      summary: "Files sent (837P) and received (999, 277CA, 835), newest first",
      request: {
        params: practiceParams,
        query: z.strictObject({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.uuid().optional(),
          direction: z.enum(["outbound", "inbound"]).optional(),
        }),
      },
      responses: {
        200: json(clearinghouseFilePageSchema, "Files"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const { limit, cursor, direction } = c.req.valid("query");
      return c.json(
        await listClearinghouseFiles(deps.database.db, actor.practiceId, {
          limit,
          before: cursor,
          direction,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/files/{id}`,
      tags: ["Claims"],
      summary: "One file with its X12 content",
      request: { params: practiceParams.extend({ id: z.string() }) },
      responses: { 200: json(clearinghouseFileSchema, "The file"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const id = recordId(c.req.valid("param").id, "File");
      return c.json(await getClearinghouseFile(deps.database.db, actor.practiceId, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/work-queue`,
      tags: ["Claims"],
      summary: "Remittances and claims that need a person: unbalanced, unmatched, blocked codes",
      request: {
        params: practiceParams,
        query: z.strictObject({
          status: z.enum(["open", "resolved", "dismissed"]).default("open"),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.uuid().optional(),
        }),
      },
      responses: {
        200: json(workQueueItemPageSchema, "Items"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const { status, limit, cursor } = c.req.valid("query");
      return c.json(
        await listWorkQueueItems(deps.database.db, actor.practiceId, { status, limit, before: cursor }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/work-queue/{id}/resolve`,
      tags: ["Claims"],
      summary: "Dismiss a work item, post it now, or match it to a claim and post",
      request: {
        params: practiceParams.extend({ id: z.string() }),
        body: body(
          z.discriminatedUnion("action", [
            z.strictObject({ action: z.literal("dismiss"), reason: z.string().trim().min(1).max(500) }),
            z.strictObject({ action: z.literal("post") }),
            z.strictObject({ action: z.literal("match"), claimId: z.uuid() }),
          ]),
        ),
      },
      responses: { 200: json(workItemResolutionSchema, "Resolved"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const id = recordId(c.req.valid("param").id, "Work item");
      return c.json(
        await resolveWorkItem(deps.database, {
          actor,
          itemId: id,
          input: c.req.valid("json"),
          now: deps.clock.now(),
        }),
        200,
      );
    },
  );
};
