import { type Executor, tables } from "@billcycle/db";
import { and, desc, eq, inArray, lt } from "drizzle-orm";
import { z } from "zod";
import { rowSchema } from "../schemas/row-schema";
import { imbalanceSchema } from "./claim-schemas";

const workItemActions = ["post", "match", "dismiss"] as const;
export type WorkItemActionName = (typeof workItemActions)[number];

const ruleGroups = ["CO", "PR", "OA", "PI", "CR"] as const;

export const workQueueItemSchema = rowSchema(tables.workQueueItems, {
  // What the item is about, by kind (the claim's control number, the blocked code and amount, …); an
  // unbalanced remittance names its failed equations.
  json: { details: z.object({ imbalances: z.array(imbalanceSchema).optional() }).catchall(z.unknown()) },
})
  .extend({
    actions: z.array(z.enum(workItemActions)).describe("what a person may do with the item"),
    remittance: z
      .strictObject({ traceNumber: z.string(), payerName: z.string() })
      .describe("the remittance the item came in"),
    remittanceClaim: z
      .strictObject({
        patientControlNumber: z.string(),
        patientName: z.string().nullable().describe("the patient as the payer spells them (NM1*QC)"),
        chargeCents: z.number().int(),
        paidCents: z.number().int(),
        patientResponsibilityCents: z.number().int(),
      })
      .nullable()
      .describe("the payer's claim the item is about (null for an item about the whole remittance)"),
    claim: z
      .strictObject({ id: z.uuid(), patientControlNumber: z.string(), totalCents: z.number().int() })
      .nullable()
      .describe("our claim it matched (null: unmatched, or about the whole remittance)"),
    client: z
      .strictObject({ id: z.uuid(), name: z.string() })
      .nullable()
      .describe("the client of that claim"),
    postingRule: z
      .strictObject({
        id: z.uuid().nullable().describe("the rule that blocks it, null when no rule names the code"),
        payerId: z.uuid().nullable().describe("the claim's payer, for a rule for that payer only"),
        payerName: z.string().nullable(),
        groupCode: z.enum(ruleGroups),
        reasonCode: z.string(),
      })
      .nullable()
      .describe("a blocked adjustment code: the posting rule that would let it post"),
  })
  .meta({ id: "WorkQueueItem" });

export const workQueueItemPageSchema = z
  .strictObject({ data: z.array(workQueueItemSchema), nextCursor: z.uuid().nullable() })
  .meta({ id: "WorkQueueItemPage" });

const isGroup = (v: unknown): v is (typeof ruleGroups)[number] =>
  typeof v === "string" && (ruleGroups as readonly string[]).includes(v);

/**
 * Work-queue items in one status, newest first, each with the actions that apply to its kind, and what a person
 * needs to act without opening anything else: the remittance, the payer's claim and its amounts, our claim and
 * its client, and for a blocked code the posting rule that would let it post.
 */
export const listWorkQueueItems = async (
  tx: Executor,
  practiceId: string,
  query: { status: "open" | "resolved" | "dismissed"; limit: number; before?: string | undefined },
) => {
  const items = tables.workQueueItems;
  const rc = tables.remittanceClaims;
  const where = [eq(items.practiceId, practiceId), eq(items.status, query.status)];
  if (query.before) where.push(lt(items.id, query.before));
  const rows = await tx
    .select({
      item: items,
      traceNumber: tables.remittances.traceNumber,
      payerName: tables.remittances.payerName,
      rcPcn: rc.patientControlNumber,
      rcData: rc.data,
      rcCharge: rc.chargeCents,
      rcPaid: rc.paidCents,
      rcPatient: rc.patientResponsibilityCents,
      claimId: tables.claims.id,
      claimPcn: tables.claims.patientControlNumber,
      claimTotal: tables.claims.totalCents,
      claimPayerId: tables.claims.payerId,
      clientId: tables.clients.id,
      clientFirst: tables.clients.firstName,
      clientLast: tables.clients.lastName,
      payerOfClaim: tables.payers.name,
    })
    .from(items)
    .innerJoin(
      tables.remittances,
      and(eq(tables.remittances.practiceId, items.practiceId), eq(tables.remittances.id, items.remittanceId)),
    )
    .leftJoin(rc, eq(rc.id, items.remittanceClaimId))
    .leftJoin(tables.claims, and(eq(tables.claims.practiceId, practiceId), eq(tables.claims.id, rc.claimId)))
    .leftJoin(
      tables.clients,
      and(eq(tables.clients.practiceId, practiceId), eq(tables.clients.id, tables.claims.clientId)),
    )
    .leftJoin(
      tables.payers,
      and(eq(tables.payers.practiceId, practiceId), eq(tables.payers.id, tables.claims.payerId)),
    )
    .where(and(...where))
    .orderBy(desc(items.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  // The rules a blocked code would be decided by: the claim's payer's own, else any payer's.
  const blocked = page.filter((r) => r.item.kind === "blocked_code");
  const rules = blocked.length
    ? await tx
        .select({
          id: tables.postingRules.id,
          payerId: tables.postingRules.payerId,
          groupCode: tables.postingRules.groupCode,
          reasonCode: tables.postingRules.reasonCode,
        })
        .from(tables.postingRules)
        .where(
          and(
            eq(tables.postingRules.practiceId, practiceId),
            inArray(tables.postingRules.reasonCode, [
              ...new Set(blocked.map((r) => String(r.item.details.reasonCode ?? ""))),
            ]),
          ),
        )
    : [];
  const data = page.map((r) => {
    const d = r.item.details;
    const group = d.group;
    const reasonCode = typeof d.reasonCode === "string" ? d.reasonCode : null;
    const rule =
      r.item.kind === "blocked_code" && isGroup(group) && reasonCode
        ? (rules.find(
            (x) => x.payerId === r.claimPayerId && x.groupCode === group && x.reasonCode === reasonCode,
          ) ??
          rules.find((x) => x.payerId === null && x.groupCode === group && x.reasonCode === reasonCode) ??
          null)
        : null;
    const patientName = (r.rcData as { patientName?: unknown } | null)?.patientName;
    return {
      ...r.item,
      // An unmatched claim needs a claim of ours first; the others can be posted as they are.
      actions: (r.item.kind === "unmatched_claim"
        ? ["match", "dismiss"]
        : ["post", "dismiss"]) as WorkItemActionName[],
      remittance: { traceNumber: r.traceNumber, payerName: r.payerName },
      remittanceClaim:
        r.rcPcn === null
          ? null
          : {
              patientControlNumber: r.rcPcn,
              patientName: typeof patientName === "string" ? patientName : null,
              chargeCents: r.rcCharge ?? 0,
              paidCents: r.rcPaid ?? 0,
              patientResponsibilityCents: r.rcPatient ?? 0,
            },
      claim:
        r.claimId && r.claimPcn !== null
          ? { id: r.claimId, patientControlNumber: r.claimPcn, totalCents: r.claimTotal ?? 0 }
          : null,
      client: r.clientId ? { id: r.clientId, name: `${r.clientFirst} ${r.clientLast}` } : null,
      postingRule:
        r.item.kind === "blocked_code" && isGroup(group) && reasonCode
          ? {
              id: rule?.id ?? null,
              payerId: rule ? rule.payerId : (r.claimPayerId ?? null),
              payerName: (rule ? rule.payerId : r.claimPayerId) ? (r.payerOfClaim ?? null) : null,
              groupCode: group,
              reasonCode,
            }
          : null,
    };
  });
  return { data, nextCursor: rows.length > query.limit ? (data.at(-1)?.id ?? null) : null };
};
