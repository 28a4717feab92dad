import {
  defaultClaimsSettings,
  defaultDropRoot,
  defaultTransportResolver,
  getClaimsSettings,
  importInboundFile,
  practiceToday,
  recordAudit,
  remittanceClaimsPage,
  resolveWorkItem,
  scrubClaims,
  submitClaims,
  updateClaimsSettings,
} from "@billcycle/app";
import {
  claimStatuses,
  DomainError,
  decodeX12Bytes,
  type ErrorCode,
  warningEditCodes,
} from "@billcycle/core";
import { tables } from "@billcycle/db";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { and, count, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../http/deps";
import { recordId, requirePermission } from "../http/guards";
import { errorResponses, practiceParams } from "./shared";

const loose = z.looseObject({});
const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

/** Refusals of an uploaded file as a whole, answered with their own status rather than 200 "rejected". */
const refusedUploads = new Set<string>(["FILE_NOT_TEXT", "FILE_TOO_LARGE", "TOO_MANY_CLAIMS"]);

const claimsSettingsSchema = z.strictObject({
  disabledWarnings: z.array(z.enum(warningEditCodes as [string, ...string[]])).max(20),
  unknownCodeAction: z.enum(["block", "deny"]),
  connectionId: z.uuid().nullable(),
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
      responses: { 200: json(loose, "Settings"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const current = await getClaimsSettings(deps.database.db, actor.practiceId);
      return c.json({ ...current, defaults: defaultClaimsSettings(), warningEdits: warningEditCodes }, 200);
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
      responses: { 200: json(loose, "Saved"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "settings:write");
      const { settings, version } = c.req.valid("json");
      return c.json(
        await updateClaimsSettings(deps.database, actor, settings, version, deps.clock.now()),
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
        200: json(
          z.object({
            counts: z.record(z.enum(claimStatuses), z.int().min(0)),
          }),
          "Claims per status",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const rows = await deps.database.db
        .select({ status: tables.claims.status, n: count() })
        .from(tables.claims)
        .where(eq(tables.claims.practiceId, actor.practiceId))
        .groupBy(tables.claims.status);
      const counts: Record<string, number> = Object.fromEntries(claimStatuses.map((s) => [s, 0]));
      for (const r of rows) counts[r.status] = Number(r.n);
      return c.json({ counts }, 200);
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
      responses: { 200: json(loose, "The scrub result"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const id = recordId(c.req.valid("param").id, "Claim");
      const now = deps.clock.now();
      const { today } = await practiceToday(deps.database.db, actor.practiceId, now);
      const [claim] = await deps.database.db
        .select({ id: tables.claims.id })
        .from(tables.claims)
        .where(and(eq(tables.claims.practiceId, actor.practiceId), eq(tables.claims.id, id)));
      if (!claim) throw new DomainError("NOT_FOUND", "Claim not found", { entity: "Claim" });
      const [result] = await deps.database.db.transaction((tx) =>
        scrubClaims(tx, actor.practiceId, [id], today, now, actor.label),
      );
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/claims/submit`,
      tags: ["Claims"],
      summary: "Run Claims Submission now (dryRun: scrub and build the 837P without storing or sending)",
      request: { params: practiceParams, body: body(z.strictObject({ dryRun: z.boolean().default(false) })) },
      responses: { 200: json(loose, "What was submitted"), ...errorResponses },
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
      responses: { 200: json(loose, "What the file did"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const { name, content } = c.req.valid("json");
      const result = await importInboundFile(
        deps.database,
        actor.practiceId,
        { name, content },
        deps.clock.now(),
        actor.label,
      );
      // A file refused before it was read as X12 (not text, too large) is an error of the upload itself; the file
      // is still stored, rejected, under fileId. X12 errors are answered as what the file did (status rejected).
      if (result.status === "rejected" && result.code && refusedUploads.has(result.code)) {
        throw new DomainError(result.code as ErrorCode, result.error ?? "The file was refused", {
          fileId: result.fileId,
        });
      }
      return c.json(result, 200);
    },
  );

  // Registered before the remittances resource's GET …/remittances/{id}: one remittance's claims, a page at a time.
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/remittances/{id}/claims`,
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
      responses: {
        200: json(z.object({ data: z.array(loose), nextPosition: z.int().nullable() }), "Claims"),
        ...errorResponses,
      },
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
      return c.json(
        await remittanceClaimsPage(deps.database.db, actor.practiceId, id, q.after, q.limit),
        200,
      );
    },
  );

  const fileColumns = {
    id: tables.clearinghouseFiles.id,
    direction: tables.clearinghouseFiles.direction,
    kind: tables.clearinghouseFiles.kind,
    name: tables.clearinghouseFiles.name,
    status: tables.clearinghouseFiles.status,
    bytes: tables.clearinghouseFiles.bytes,
    attempts: tables.clearinghouseFiles.attempts,
    lastError: tables.clearinghouseFiles.lastError,
    createdAt: tables.clearinghouseFiles.createdAt,
    sentAt: tables.clearinghouseFiles.sentAt,
    processedAt: tables.clearinghouseFiles.processedAt,
  };

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
        200: json(z.object({ data: z.array(loose), nextCursor: z.string().nullable() }), "Files"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const q = c.req.valid("query");
      const where = [eq(tables.clearinghouseFiles.practiceId, actor.practiceId)];
      if (q.direction) where.push(eq(tables.clearinghouseFiles.direction, q.direction));
      if (q.cursor) where.push(lt(tables.clearinghouseFiles.id, q.cursor));
      const rows = await deps.database.db
        .select(fileColumns)
        .from(tables.clearinghouseFiles)
        .where(and(...where))
        .orderBy(desc(tables.clearinghouseFiles.id))
        .limit(q.limit + 1);
      const data = rows.slice(0, q.limit);
      return c.json({ data, nextCursor: rows.length > q.limit ? (data.at(-1)?.id ?? null) : null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/files/{id}`,
      tags: ["Claims"],
      summary: "One file with its X12 content",
      request: { params: practiceParams.extend({ id: z.string() }) },
      responses: { 200: json(loose, "The file"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const id = recordId(c.req.valid("param").id, "File");
      const [file] = await deps.database.db
        .select()
        .from(tables.clearinghouseFiles)
        .where(
          and(
            eq(tables.clearinghouseFiles.practiceId, actor.practiceId),
            eq(tables.clearinghouseFiles.id, id),
          ),
        );
      if (!file) throw new DomainError("NOT_FOUND", "File not found", { entity: "File" });
      // Inbound files keep their bytes (raw); the answer carries their text, decoded as they were imported.
      const { raw, ...rest } = file;
      return c.json({ ...rest, content: rest.content ?? (raw ? decodeX12Bytes(raw) : null) }, 200);
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
        200: json(z.object({ data: z.array(loose), nextCursor: z.string().nullable() }), "Items"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:read");
      const q = c.req.valid("query");
      const where = [
        eq(tables.workQueueItems.practiceId, actor.practiceId),
        eq(tables.workQueueItems.status, q.status),
      ];
      if (q.cursor) where.push(lt(tables.workQueueItems.id, q.cursor));
      const rows = await deps.database.db
        .select()
        .from(tables.workQueueItems)
        .where(and(...where))
        .orderBy(desc(tables.workQueueItems.id))
        .limit(q.limit + 1);
      const data = rows.slice(0, q.limit).map((r) => ({
        ...r,
        actions: r.kind === "unmatched_claim" ? ["match", "dismiss"] : ["post", "dismiss"],
      }));
      return c.json({ data, nextCursor: rows.length > q.limit ? (data.at(-1)?.id ?? null) : null }, 200);
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
      responses: { 200: json(loose, "Resolved"), ...errorResponses },
    }),
    async (c) => {
      const actor = requirePermission(c, "billing:write");
      const id = recordId(c.req.valid("param").id, "Work item");
      return c.json(
        await resolveWorkItem(deps.database, actor, id, c.req.valid("json"), deps.clock.now()),
        200,
      );
    },
  );
};
