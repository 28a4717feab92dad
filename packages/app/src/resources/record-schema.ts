import { z } from "zod";
import { rowSchema } from "../schemas/row-schema";
import type { ResourceDefinition } from "./resource-definition";

const withoutOptional = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodOptional || schema instanceof z.ZodNullable
    ? withoutOptional(schema.unwrap() as z.ZodType)
    : schema;

/**
 * The exact JSON shape of one record of a resource, named after its entity in the OpenAPI document: the
 * definition's own `record`, or the table's columns with jsonb columns shaped as the create schema writes them.
 */
export const recordSchemaOf = (def: ResourceDefinition): z.ZodObject => {
  if (def.record) return def.record.meta({ id: def.entity });
  const json = Object.fromEntries(
    Object.entries(def.createSchema.shape).map(([key, schema]) => [
      key,
      withoutOptional(schema as z.ZodType),
    ]),
  );
  return rowSchema(def.table, { json }).meta({ id: def.entity });
};
