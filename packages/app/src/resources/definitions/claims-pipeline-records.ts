import { type Executor, pgArray, tables } from "@billcycle/db";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import { imbalanceSchema, postingSchema } from "../../claims/claim-schemas";
import { rowSchema } from "../../schemas/row-schema";
import type { ResourceDefinition, Row } from "../resource-definition";

const none = z.strictObject({});

/** Claims returned with one remittance; the rest are paged (GET …/remittances/{id}/claims). */
export const REMITTANCE_CLAIMS_SHOWN = 1000;

/**
 * A page of remittances carries no claims: one remittance can hold hundreds of thousands (a list that returned them
 * all, with one query parameter per claim for their postings, ran out of memory and parameters). One remittance
 * carries its claim counts by posting status and its first REMITTANCE_CLAIMS_SHOWN claims with their postings, and
 * says whether there are more.
 */
const expandRemittances = async (
  tx: Executor,
  practiceId: string,
  rows: Row[],
  mode: "list" | "one",
): Promise<Row[]> => {
  // A list page is the remittances' own rows (claim_count included): counting each one's claims by status at every
  // request cost a scan of up to a million rows per remittance while an import was writing them.
  if (rows.length === 0 || mode === "list") return rows;
  const ids = rows.map((r) => String(r.id));
  const counts = await tx
    .select({
      remittanceId: tables.remittanceClaims.remittanceId,
      status: tables.remittanceClaims.postingStatus,
      n: sql<number>`count(*)::int`,
    })
    .from(tables.remittanceClaims)
    .where(
      and(
        eq(tables.remittanceClaims.practiceId, practiceId),
        sql`${tables.remittanceClaims.remittanceId} = ANY(${pgArray(ids, "uuid")}::uuid[])`,
      ),
    )
    .groupBy(tables.remittanceClaims.remittanceId, tables.remittanceClaims.postingStatus);
  const claimCounts = (id: unknown) => {
    const of = counts.filter((c) => c.remittanceId === id);
    const n = (status: string) => of.find((c) => c.status === status)?.n ?? 0;
    return { posted: n("posted"), queued: n("queued"), dismissed: n("dismissed") };
  };
  return Promise.all(
    rows.map(async (r) => {
      const claims = await remittanceClaimsPage(tx, practiceId, String(r.id), -1, REMITTANCE_CLAIMS_SHOWN);
      return {
        ...r,
        claimCounts: claimCounts(r.id),
        claims: claims.data,
        claimsTruncated: claims.nextPosition !== null,
      };
    }),
  );
};

/** A remittance's claims after `afterPosition`, in file order, each with its postings; `nextPosition` pages on. */
export const remittanceClaimsPage = async (
  tx: Executor,
  practiceId: string,
  remittanceId: string,
  afterPosition: number,
  limit: number,
): Promise<{ data: Row[]; nextPosition: number | null }> => {
  const claims = await tx
    .select()
    .from(tables.remittanceClaims)
    .where(
      and(
        eq(tables.remittanceClaims.practiceId, practiceId),
        eq(tables.remittanceClaims.remittanceId, remittanceId),
        gt(tables.remittanceClaims.position, afterPosition),
      ),
    )
    .orderBy(asc(tables.remittanceClaims.position))
    .limit(limit + 1);
  const page = claims.slice(0, limit);
  const postings = page.length
    ? await tx
        .select()
        .from(tables.postings)
        .where(
          // By claim first: postings are indexed by claim, not by remittance claim.
          and(
            sql`${tables.postings.claimId} = ANY(${pgArray(
              [...new Set(page.flatMap((c) => (c.claimId ? [c.claimId] : [])))],
              "uuid",
            )}::uuid[])`,
            sql`${tables.postings.remittanceClaimId} = ANY(${pgArray(
              page.map((c) => c.id),
              "uuid",
            )}::uuid[])`,
          ),
        )
    : [];
  const byClaim = new Map<string, Row[]>();
  for (const p of postings) {
    const key = String(p.remittanceClaimId);
    byClaim.set(key, [...(byClaim.get(key) ?? []), p]);
  }
  return {
    data: page.map(({ data: _, ...c }) => ({ ...c, postings: byClaim.get(c.id) ?? [] })),
    nextPosition: claims.length > limit ? (page.at(-1)?.position ?? null) : null,
  };
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

/** One claim of a remittance as read (without the decoded 835 data), with its postings. */
export const remittanceClaimSchema = rowSchema(tables.remittanceClaims, {
  omit: ["data"],
  json: { remarkCodes: z.array(z.string()) },
})
  .extend({ postings: z.array(postingSchema) })
  .meta({ id: "RemittanceClaim" });

/** A page of a remittance's claims in file order; `nextPosition` is the `after` of the next page. */
export const remittanceClaimsPageSchema = z
  .strictObject({ data: z.array(remittanceClaimSchema), nextPosition: z.int().nullable() })
  .meta({ id: "RemittanceClaimsPage" });

/**
 * A remittance as read: in a list its row alone (claim_count included); one remittance also its claims by
 * posting status and its first claims, each with its postings (`claimsTruncated`: page on with …/claims).
 */
export const remittanceRecordSchema = rowSchema(tables.remittances, {
  json: { imbalances: z.array(imbalanceSchema), providerAdjustments: z.array(providerAdjustmentSchema) },
}).extend({
  claimCounts: z.strictObject({ posted: z.int(), queued: z.int(), dismissed: z.int() }).optional(),
  claims: z.array(remittanceClaimSchema).optional(),
  claimsTruncated: z.boolean().optional(),
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
      schema: z.enum(["posting", "posted", "partially_posted", "needs_review"]),
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
