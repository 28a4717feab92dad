import {
  createResource,
  deleteResource,
  getResource,
  listResource,
  type ResourceDefinition,
  recordSchemaOf,
  updateResource,
} from "@billcycle/app";
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppDeps, HonoEnv } from "../http/deps";
import { recordId, requirePermission } from "../http/guards";
import { errorResponses, practiceParams } from "./shared";

const idParams = practiceParams.extend({ id: z.string() });

/** Registers list/get/create/update(/delete) with OpenAPI docs for one resource definition. */
export const registerResourceRoutes = (app: OpenAPIHono<HonoEnv>, deps: AppDeps, def: ResourceDefinition) => {
  const base = `/api/v1/practices/{practiceId}/${def.path}`;
  // Typed as a plain record: the handlers return rows whose shape the definition, not TypeScript, guarantees.
  const record: z.ZodType<Record<string, unknown>> = recordSchemaOf(def);
  const filterShape = Object.fromEntries(
    Object.entries(def.filters).map(([k, f]) => [k, f.schema.optional().describe(f.description)]),
  );
  const sortKeys = Object.keys(def.sorts ?? {});
  const sortShape =
    sortKeys.length > 0
      ? {
          sort: z
            .enum([...sortKeys, ...sortKeys.map((k) => `-${k}`)] as [string, ...string[]])
            .optional()
            .describe("order by this field, descending with a leading -; ties by id (default: id order)"),
        }
      : {};
  const listQuery = z.strictObject({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z
      .string()
      .max(512)
      .optional()
      .describe("nextCursor of the previous page (same filters and sort)"),
    ...sortShape,
    withTotal: z
      .enum(["true", "false"])
      .optional()
      .describe("true: also count every record the filters match (`total`)"),
    ...filterShape,
  });
  const tag = def.label;

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags: [tag],
      summary: `List ${def.path}`,
      request: { params: practiceParams, query: listQuery },
      responses: {
        200: {
          description: "A page (oldest first unless sorted); pass nextCursor as cursor for the next page",
          content: {
            "application/json": {
              schema: z.strictObject({
                data: z.array(record),
                nextCursor: z.string().nullable(),
                total: z.int().min(0).optional().describe("records matching the filters (withTotal=true)"),
              }) as z.ZodType<{
                data: Record<string, unknown>[];
                nextCursor: string | null;
                total?: number;
              }>,
            },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, def.readPermission);
      const { limit, cursor, sort, withTotal, ...filters } = c.req.valid("query") as {
        limit: number;
        cursor?: string;
        sort?: string;
        withTotal?: "true" | "false";
      } & Record<string, unknown>;
      const page = await listResource(deps.database, def, {
        actor,
        query: { limit, cursor, sort, filters, withTotal: withTotal === "true" },
        now: deps.clock.now(),
      });
      return c.json(page, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{id}`,
      tags: [tag],
      summary: `Get one ${def.entity.replaceAll("_", " ")}`,
      request: { params: idParams },
      responses: {
        200: { description: "The record", content: { "application/json": { schema: record } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, def.readPermission);
      const row = await getResource(deps.database, def, {
        actor,
        id: recordId(c.req.valid("param").id, def.label),
        now: deps.clock.now(),
      });
      c.header("ETag", `W/"${String(row.version)}"`);
      return c.json(row, 200);
    },
  );

  if (def.writable === false) return;

  app.openapi(
    createRoute({
      method: "post",
      path: base,
      tags: [tag],
      summary: `Create a ${def.entity.replaceAll("_", " ")}`,
      request: {
        params: practiceParams,
        body: { required: true, content: { "application/json": { schema: def.createSchema } } },
      },
      responses: {
        201: { description: "Created", content: { "application/json": { schema: record } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, def.writePermission);
      const row = await createResource(deps.database, def, {
        actor,
        input: c.req.valid("json") as Record<string, unknown>,
        now: deps.clock.now(),
      });
      c.header("ETag", `W/"${String(row.version)}"`);
      return c.json(row, 201);
    },
  );

  const updateBody = def.updateSchema.extend({
    version: z.int().min(1).describe("the version you read (optimistic concurrency)"),
  });
  app.openapi(
    createRoute({
      method: "patch",
      path: `${base}/{id}`,
      tags: [tag],
      summary: `Update a ${def.entity.replaceAll("_", " ")}`,
      request: {
        params: idParams,
        body: { required: true, content: { "application/json": { schema: updateBody } } },
      },
      responses: {
        200: { description: "Updated", content: { "application/json": { schema: record } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const actor = requirePermission(c, def.writePermission);
      const { version, ...patch } = c.req.valid("json") as { version: number } & Record<string, unknown>;
      const id = recordId(c.req.valid("param").id, def.label);
      const row = await updateResource(deps.database, def, {
        actor,
        id,
        version,
        patch,
        now: deps.clock.now(),
      });
      c.header("ETag", `W/"${String(row.version)}"`);
      return c.json(row, 200);
    },
  );

  if (def.deletable) {
    app.openapi(
      createRoute({
        method: "delete",
        path: `${base}/{id}`,
        tags: [tag],
        summary: `Delete a ${def.entity.replaceAll("_", " ")}`,
        request: { params: idParams },
        responses: { 204: { description: "Deleted" }, ...errorResponses },
      }),
      async (c) => {
        const actor = requirePermission(c, def.writePermission);
        await deleteResource(deps.database, def, {
          actor,
          id: recordId(c.req.valid("param").id, def.label),
          now: deps.clock.now(),
        });
        return c.body(null, 204);
      },
    );
  }
};
