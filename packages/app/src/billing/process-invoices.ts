import { decideInvoiceClaimable, type LocalDate } from "@billcycle/core";
import { type Database, type Executor, newId, tables } from "@billcycle/db";
import { and, asc, eq, gt, inArray, lt, lte, sql } from "drizzle-orm";
import { type OutcomeInput, recordOutcomes } from "../automation/record-outcomes";
import { allocateNumbers } from "./allocate-numbers";
import { type BillingContext, loadBillingContext } from "./billing-context";

export type ProcessInvoicesInput = {
  practiceId: string;
  trigger: "schedule" | "manual";
  runId: string | null;
  today: LocalDate;
  batchSize?: number;
};

export type ProcessInvoicesResult = { considered: number; claimed: number; skipped: number };

const { invoices: inv, invoiceLines: lines } = tables;

/**
 * Invoice Processing: open insurance invoices become claims in Awaiting Submission, and the invoice becomes
 * Processed. With the staggered cadence only invoices from an earlier day qualify (they rest a day for review).
 * One original claim per invoice and payer level is enforced by a unique index in the same transaction.
 */
export const processInvoices = async (
  database: Database,
  input: ProcessInvoicesInput,
  now: Date,
): Promise<ProcessInvoicesResult> => {
  const ctx = await loadBillingContext(database.db, input.practiceId, input.today);
  const batchSize = input.batchSize ?? 1000;
  const totals: ProcessInvoicesResult = { considered: 0, claimed: 0, skipped: 0 };
  let afterId: string | undefined;
  for (;;) {
    const candidates = await processingCandidates(database.db, ctx, input.today, afterId, batchSize);
    if (candidates.length === 0) break;
    const r = await database.db.transaction((tx) => processBatch(tx, ctx, input, candidates, now));
    totals.considered += candidates.length;
    totals.claimed += r.claimed;
    totals.skipped += candidates.length - r.claimed;
    if (candidates.length < batchSize) break;
    afterId = candidates.at(-1)?.id;
  }
  return totals;
};

type InvoiceRow = typeof inv.$inferSelect;

export type InvoiceLineFacts = {
  id: string;
  invoiceId: string;
  code: string;
  modifiers: string[];
  units: number;
  amountCents: number;
  dateOfService: string | null;
  diagnosisPointers: number[];
  diagnosisCodes: string[];
  insuranceEligible: boolean;
  kind: string;
  providerId: string | null;
  locationId: string | null;
};
export type PolicyRef = { id: string; payerId: string; rank: "primary" | "secondary" | "tertiary" };

/** The open invoices Invoice Processing would consider on `today` (with the staggered cadence, from earlier days). */
export const processingCandidates = (
  tx: Executor,
  ctx: BillingContext,
  today: LocalDate,
  afterId: string | undefined,
  limit: number,
): Promise<InvoiceRow[]> => {
  const dateBound =
    ctx.config.cadence === "staggered" ? lt(inv.invoiceDate, today) : lte(inv.invoiceDate, today);
  return tx
    .select()
    .from(inv)
    .where(
      and(
        eq(inv.practiceId, ctx.practiceId),
        eq(inv.status, "open"),
        dateBound,
        afterId ? gt(inv.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(inv.id))
    .limit(limit);
};

/** Lines (with the session's provider and location) and primary policies for a batch of invoices, in two queries. */
export const loadInvoiceClaimFacts = async (
  tx: Executor,
  practiceId: string,
  candidates: InvoiceRow[],
): Promise<{ linesBy: Map<string, InvoiceLineFacts[]>; policyById: Map<string, PolicyRef> }> => {
  const ids = candidates.map((c) => c.id);
  const policyIds = [
    ...new Set(candidates.map((c) => c.primaryPolicyId).filter((p): p is string => p !== null)),
  ];
  const [lineRows, policies] = await Promise.all([
    tx
      .select({
        id: lines.id,
        invoiceId: lines.invoiceId,
        code: lines.code,
        modifiers: lines.modifiers,
        units: lines.units,
        amountCents: lines.amountCents,
        dateOfService: lines.dateOfService,
        diagnosisPointers: lines.diagnosisPointers,
        diagnosisCodes: lines.diagnosisCodes,
        insuranceEligible: lines.insuranceEligible,
        kind: lines.kind,
        providerId: tables.appointments.providerId,
        locationId: tables.appointments.locationId,
      })
      .from(lines)
      .leftJoin(tables.appointments, eq(tables.appointments.id, lines.appointmentId))
      .where(and(eq(lines.practiceId, practiceId), inArray(lines.invoiceId, ids)))
      .orderBy(asc(lines.invoiceId), asc(lines.position)),
    policyIds.length
      ? tx
          .select({
            id: tables.insurancePolicies.id,
            payerId: tables.insurancePolicies.payerId,
            rank: tables.insurancePolicies.rank,
          })
          .from(tables.insurancePolicies)
          .where(
            and(
              eq(tables.insurancePolicies.practiceId, practiceId),
              inArray(tables.insurancePolicies.id, policyIds),
            ),
          )
      : Promise.resolve([]),
  ]);
  const linesBy = new Map<string, InvoiceLineFacts[]>();
  for (const l of lineRows) {
    const list = linesBy.get(l.invoiceId);
    if (list) list.push(l);
    else linesBy.set(l.invoiceId, [l]);
  }
  return { linesBy, policyById: new Map(policies.map((p) => [p.id, p])) };
};

const processBatch = async (
  tx: Executor,
  ctx: BillingContext,
  input: ProcessInvoicesInput,
  candidates: InvoiceRow[],
  now: Date,
): Promise<{ claimed: number }> => {
  const { linesBy, policyById } = await loadInvoiceClaimFacts(tx, ctx.practiceId, candidates);
  const rules = ctx.config.automations.invoice_processing.rules;
  const outcomes: OutcomeInput[] = [];
  const toClaim: Array<{ invoice: InvoiceRow; policy: PolicyRef; lines: InvoiceLineFacts[] }> = [];
  for (const invoice of candidates) {
    const invLines = linesBy.get(invoice.id) ?? [];
    const claimLines = invLines.filter((l) => l.insuranceEligible && l.kind === "service");
    const policy = invoice.primaryPolicyId ? policyById.get(invoice.primaryPolicyId) : undefined;
    const decision = decideInvoiceClaimable(
      {
        paysBy: invoice.paysBy,
        totalCents: invoice.totalCents,
        insuranceCents: invoice.insuranceCents,
        invoiceDate: invoice.invoiceDate,
        policy: policy ?? null,
        lines: invLines,
      },
      rules,
      ctx.eligibility.labels,
    );
    if (!decision.claimable || !policy) {
      const reason = decision.claimable
        ? { code: "NO_INSURANCE_PORTION" as const, message: "no primary policy" }
        : decision.reason;
      outcomes.push({
        subjectType: "invoice",
        subjectId: invoice.id,
        outcome: "skipped",
        reasons: [reason],
        message: reason.message,
      });
      continue;
    }
    toClaim.push({ invoice, policy, lines: claimLines });
  }

  let claimedCount = 0;
  if (toClaim.length > 0) {
    const first = await allocateNumbers(tx, ctx.practiceId, "claim", toClaim.length, 100000);
    const claimRows = toClaim.map((c, i) => ({
      id: newId(now.getTime()),
      practiceId: ctx.practiceId,
      invoiceId: c.invoice.id,
      clientId: c.invoice.clientId,
      payerId: c.policy.payerId,
      policyId: c.policy.id,
      payerRank: c.policy.rank,
      status: "awaiting_submission",
      frequencyCode: "1" as const,
      patientControlNumber: `BC${first + i}`,
      totalCents: c.lines.reduce((a, l) => a + l.amountCents, 0),
      diagnosisCodes: c.lines[0]?.diagnosisCodes ?? [],
      runId: input.runId,
      createdAt: now,
      updatedAt: now,
    }));
    const inserted = new Set<string>();
    for (let i = 0; i < claimRows.length; i += 500) {
      const rows = await tx
        .insert(tables.claims)
        .values(claimRows.slice(i, i + 500))
        .onConflictDoNothing({
          target: [tables.claims.invoiceId, tables.claims.payerRank],
          where: sql`frequency_code = '1'`,
        })
        .returning({ id: tables.claims.id });
      for (const r of rows) inserted.add(r.id);
    }
    const claimLineRows: Array<typeof tables.claimLines.$inferInsert> = [];
    const claimHistory: Array<typeof tables.claimStatusHistory.$inferInsert> = [];
    const invoiceHistory: Array<typeof tables.invoiceStatusHistory.$inferInsert> = [];
    const processedInvoiceIds: string[] = [];
    const cause = { kind: "run", id: input.runId, automation: "invoice_processing" };
    toClaim.forEach((c, i) => {
      const claim = claimRows[i]!;
      if (!inserted.has(claim.id)) {
        const message = "already claimed by a concurrent run";
        outcomes.push({
          subjectType: "invoice",
          subjectId: c.invoice.id,
          outcome: "skipped",
          reasons: [{ code: "ALREADY_CLAIMED", message }],
          message,
        });
        return;
      }
      claimedCount++;
      c.lines.forEach((l, n) => {
        claimLineRows.push({
          id: newId(now.getTime()),
          practiceId: ctx.practiceId,
          claimId: claim.id,
          invoiceLineId: l.id,
          lineNumber: n + 1,
          controlNumber: `${claim.patientControlNumber}-${n + 1}`,
          code: l.code,
          modifiers: l.modifiers,
          units: l.units,
          chargeCents: l.amountCents,
          dateOfService: l.dateOfService ?? c.invoice.invoiceDate,
          diagnosisPointers: l.diagnosisPointers,
        });
      });
      claimHistory.push({
        id: newId(now.getTime()),
        practiceId: ctx.practiceId,
        claimId: claim.id,
        fromStatus: null,
        toStatus: "awaiting_submission",
        at: now,
        actor: "system:invoice_processing",
        cause,
      });
      invoiceHistory.push({
        id: newId(now.getTime()),
        practiceId: ctx.practiceId,
        invoiceId: c.invoice.id,
        fromStatus: "open",
        toStatus: "processed",
        at: now,
        actor: "system:invoice_processing",
        cause: `claim ${claim.patientControlNumber}`,
      });
      processedInvoiceIds.push(c.invoice.id);
      outcomes.push({
        subjectType: "invoice",
        subjectId: c.invoice.id,
        outcome: "done",
        reasons: [],
        message: `claim ${claim.patientControlNumber} awaiting submission`,
        relatedId: claim.id,
      });
    });
    for (let i = 0; i < claimLineRows.length; i += 500)
      await tx.insert(tables.claimLines).values(claimLineRows.slice(i, i + 500));
    for (let i = 0; i < claimHistory.length; i += 1000)
      await tx.insert(tables.claimStatusHistory).values(claimHistory.slice(i, i + 1000));
    for (let i = 0; i < invoiceHistory.length; i += 1000)
      await tx.insert(tables.invoiceStatusHistory).values(invoiceHistory.slice(i, i + 1000));
    for (let i = 0; i < processedInvoiceIds.length; i += 1000) {
      await tx
        .update(inv)
        .set({ status: "processed", updatedAt: now, version: sql`${inv.version} + 1` })
        .where(and(inArray(inv.id, processedInvoiceIds.slice(i, i + 1000)), eq(inv.status, "open")));
    }
  }
  await recordOutcomes(
    tx,
    {
      practiceId: ctx.practiceId,
      runId: input.runId,
      automation: "invoice_processing",
      trigger: input.trigger,
      at: now,
    },
    outcomes,
  );
  return { claimed: claimedCount };
};
