import { type Column, getTableColumns, type Table } from "drizzle-orm";
import { z } from "zod";

/** jsonb columns that hold the same shape in every table that has them. */
const sharedJsonColumns: Record<string, z.ZodType> = {
  modifiers: z.array(z.string()),
  diagnosisCodes: z.array(z.string()),
  diagnosisPointers: z.array(z.int()),
  transactionControlNumbers: z.array(z.string()),
};

const integerColumns = new Set(["PgInteger", "PgBigInt53", "PgBigSerial53", "PgSerial", "PgSmallInt"]);

const columnSchema = (key: string, column: Column): z.ZodType => {
  const values = (column as Column & { enumValues?: string[] }).enumValues;
  if (values?.length) return z.enum(values as [string, ...string[]]);
  switch (column.dataType) {
    case "string":
      return column.columnType === "PgUUID" ? z.uuid() : z.string();
    case "number":
      return integerColumns.has(column.columnType) ? z.int() : z.number();
    case "boolean":
      return z.boolean();
    // A Date leaves the API as its ISO string.
    case "date":
      return z.iso.datetime({ offset: true });
    case "json":
      return sharedJsonColumns[key] ?? z.record(z.string(), z.unknown());
    case "array":
      return z.array(z.string());
    default:
      throw new Error(`rowSchema: no JSON schema for column ${key} (${column.columnType})`);
  }
};

/**
 * The exact JSON shape of a row selected from `table` (every column, nullable where the column is), so a response
 * schema follows the table instead of repeating it. `json` gives the shape of jsonb columns (other keys are
 * ignored); `omit` drops columns a use case does not return.
 */
export const rowSchema = <K extends string = never>(
  table: Table,
  options: { omit?: readonly K[]; json?: Record<string, z.ZodType> } = {},
) => {
  const omitted = new Set<string>(options.omit ?? []);
  const shape: Record<string, z.ZodType> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (omitted.has(key)) continue;
    const schema =
      (column.dataType === "json" ? options.json?.[key] : undefined) ?? columnSchema(key, column);
    shape[key] = column.notNull ? schema : schema.nullable();
  }
  return z.strictObject(shape);
};
