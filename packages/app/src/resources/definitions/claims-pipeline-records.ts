import { type Executor, tables } from "@billcycle/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { imbalanceSchema, postingSchema } from "../../claims/claim-schemas";
import { rowSchema } from "../../schemas/row-schema";
import type { ResourceDefinition, Row } from "../resource-definition";

const none = z.strictObject({});

const expandRemittances = async (tx: Executor, practiceId: string, rows: Row[]): Promise<Row[]> => {
  if (rows.length === 0) return rows;
  const ids = rows.map((r) => String(r.id));
  const claims = await tx
    .select()
    .from(tables.remittanceClaims)
    .where(
      and(
        eq(tables.remittanceClaims.practiceId, practiceId),
        inArray(tables.remittanceClaims.remittanceId, ids),
      ),
    )
    .orderBy(asc(tables.remittanceClaims.position));
  const postings = claims.length
    ? await tx
        .select()
        .from(tables.postings)
        .where(
          inArray(
            tables.postings.remittanceClaimId,
            claims.map((c) => c.id),
          ),
        )
    : [];
  return rows.map((r) => ({
    ...r,
    claims: claims
      .filter((c) => c.remittanceId === r.id)
      .map(({ data: _, ...c }) => ({ ...c, postings: postings.filter((p) => p.remittanceClaimId === c.id) })),
  }));
};

/** One PLB provider-level adjustment item, as import-remittance stores it. */
const providerAdjustmentSchema = z
  .strictObject({
    providerId: z.string(),
    fiscalPeriodDate: z.string(),
    reason: z.string(),
    reasonText: z.string().nullable(),
    referenceId: z.string().nullable(),
    amountCents: z.int(),
  })
  .meta({ id: "ProviderAdjustment" });

/** A remittance as read: its row with its claims (without the raw 835 data), each with its postings. */
export const remittanceRecordSchema = rowSchema(tables.remittances, {
  json: { imbalances: z.array(imbalanceSchema), providerAdjustments: z.array(providerAdjustmentSchema) },
}).extend({
  claims: z.array(
    rowSchema(tables.remittanceClaims, { omit: ["data"] })
      .extend({ postings: z.array(postingSchema) })
      .meta({ id: "RemittanceClaim" }),
  ),
});

export const remittancesResource: ResourceDefinition = {
  path: "remittances",
  entity: "remittance",
  label: "Remittance",
  table: tables.remittances,
  createSchema: none,
  updateSchema: none,
  readPermission: "billing:read",
  writePermission: "billing:write",
  phi: true,
  writable: false,
  deletable: false,
  filters: {
    status: {
      column: tables.remittances.status,
      op: "eq",
      schema: z.enum(["posted", "partially_posted", "needs_review"]),
      description: "posting status",
    },
  },
  record: remittanceRecordSchema,
  expand: expandRemittances,
};

const ruleFields = {
  payerId: z.uuid().nullable().optional(),
  groupCode: z.enum(["CO", "PR", "OA", "PI", "CR"]),
  reasonCode: z.string().regex(/^[A-Z0-9]{1,5}$/, "a CARC reason code such as 45 or B7"),
  action: z.enum(["write_off", "patient_responsibility", "denial", "informational", "block"]),
};

export const postingRulesResource: ResourceDefinition = {
  path: "posting-rules",
  entity: "posting_rule",
  label: "Posting rule",
  table: tables.postingRules,
  createSchema: z.strictObject(ruleFields),
  updateSchema: z.strictObject(ruleFields).partial(),
  readPermission: "billing:read",
  writePermission: "settings:write",
  phi: false,
  filters: {},
  deletable: true,
};
