import type { Permission } from "@billcycle/core";
import type { Executor } from "@billcycle/db";
import type { SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { Actor } from "../auth/actor";

export type TenantTable = PgTable & {
  id: PgColumn;
  practiceId: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
};

export type Row = Record<string, unknown>;

export type FilterDefinition =
  | {
      column: PgColumn;
      op: "eq" | "gte" | "lte";
      schema: z.ZodType;
      description: string;
    }
  | {
      /**
       * A condition on something the row links to (the value is already validated by `schema`). `practiceId` is
       * the list's practice, for subqueries that should look at that practice's rows only.
       */
      where: (value: unknown, practiceId: string) => SQL;
      schema: z.ZodType;
      description: string;
    };

export type WriteContext = { tx: Executor; actor: Actor & { practiceId: string }; now: Date };

/**
 * One tenant-owned record type exposed as list/get/create/update/delete. Routes, OpenAPI, permissions,
 * tenant scoping, audit and optimistic concurrency come from here, the same for every resource.
 */
export type ResourceDefinition = {
  /** Path segment, plural kebab-case: "insurance-policies". */
  path: string;
  /** Audit entity name, singular snake_case: "insurance_policy". */
  entity: string;
  /** For people and error messages: "Insurance policy". */
  label: string;
  table: TenantTable;
  createSchema: z.ZodObject;
  updateSchema: z.ZodObject;
  readPermission: Permission;
  writePermission: Permission;
  /** Records that hold patient information: every read is audited. */
  phi: boolean;
  filters: Record<string, FilterDefinition>;
  /**
   * Columns a list may be ordered by (`sort=key` ascending, `sort=-key` descending), each NOT NULL; ties and pages
   * follow the id, so a cursor carries the sort value and the id. Without `sort` a list is in id (creation) order.
   */
  sorts?: Record<string, PgColumn>;
  deletable: boolean;
  /** false: list and get only (records created by the engine, changed through their own actions). */
  writable?: boolean;
  prepareCreate?: (input: Row, ctx: WriteContext) => Promise<Row>;
  prepareUpdate?: (patch: Row, existing: Row, ctx: WriteContext) => Promise<Row>;
  /** Checks on the whole record after a create or update is merged (cross-field rules). */
  validate?: (row: Row) => void;
  /**
   * The JSON shape of one record as read, when it is not just the table's columns (see `recordSchemaOf`): what
   * `expand` adds, or columns it drops.
   */
  record?: z.ZodObject;
  /**
   * Adds related data to rows on read (e.g. an appointment's services). `mode` is "list" for a page of a list (keep
   * it bounded: counts rather than every child row) and "one" for a single record.
   */
  expand?: (tx: Executor, practiceId: string, rows: Row[], mode: "list" | "one") => Promise<Row[]>;
  /** Replaces the generic create (e.g. appointments write services and history too). */
  create?: (input: Row, ctx: WriteContext) => Promise<Row>;
  update?: (id: string, patch: Row, existing: Row, ctx: WriteContext) => Promise<Row>;
};
