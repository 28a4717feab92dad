import { decideInvoiceClaimable, type LocalDate } from "@billcycle/core";
import {
  bulkInsert,
  type Database,
  type Executor,
  everyRow,
  executePrepared,
  newId,
  oneStatement,
  pgArray,
  runPrepared,
  tables,
} from "@billcycle/db";
import { and, asc, eq, gt, lt, lte, type SQL, sql } from "drizzle-orm";
import { type OutcomeInput, outcomesInsert } from "../automation/record-outcomes";
import { invoiceTransitionStatements } from "../invoices/transition-invoice";
import { allocateNumbers } from "./allocate-numbers";
import { type BatchSizer, batchSizer, letRequestsIn } from "./batching";
import { type BillingContext, loadBillingContext } from "./billing-context";

export type ProcessInvoicesInput = {
  practiceId: string;
  trigger: "schedule" | "manual";
  runId: string | null;
  today: LocalDate;
  /** A fixed size, or a sizer (tests); by default batchSizer's. */
  batchSize?: number | BatchSizer;
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
  const sizer = batchSizer(database, input.batchSize);
  const totals: ProcessInvoicesResult = { considered: 0, claimed: 0, skipped: 0 };
  let limit = sizer.size;
  let next = processingCandidates(database.db, ctx, input.today, undefined, limit);
  for (;;) {
    const batchStart = performance.now();
    const candidates = await next;
    if (candidates.length === 0) break;
    const more = candidates.length >= limit;
    // The next batch (invoices after this one's last) loads while this one is written.
    if (more) {
      limit = sizer.size;
      next = processingCandidates(database.db, ctx, input.today, candidates.at(-1)?.id, limit);
      next.catch(() => undefined);
    }
    const txStart = performance.now();
    const r = await database.db.transaction((tx) => processBatch(tx, ctx, input, candidates, now));
    sizer.record(performance.now() - txStart);
    totals.considered += candidates.length;
    totals.claimed += r.claimed;
    totals.skipped += candidates.length - r.claimed;
    if (!more) break;
    await letRequestsIn(database, performance.now() - batchStart);
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
  return executePrepared(
    tx
      .select()
      .from(inv)
      .where(
        and(
          eq(inv.practiceId, ctx.practiceId),
          // A literal, so that every plan (generic ones too) may read the partial index invoices_open_idx: the next
          // batch in id order, whatever the number of open invoices.
          sql`${inv.status} = 'open'`,
          dateBound,
          afterId ? gt(inv.id, afterId) : undefined,
        ),
      )
      .orderBy(asc(inv.id))
      .limit(limit),
  );
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
    executePrepared(
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
        .where(
          and(
            eq(lines.practiceId, practiceId),
            sql`${lines.invoiceId} = ANY(${pgArray(ids, "uuid")}::uuid[])`,
          ),
        )
        .orderBy(asc(lines.invoiceId), asc(lines.position)),
    ),
    policyIds.length
      ? executePrepared(
          tx
            .select({
              id: tables.insurancePolicies.id,
              payerId: tables.insurancePolicies.payerId,
              rank: tables.insurancePolicies.rank,
            })
            .from(tables.insurancePolicies)
            .where(
              and(
                eq(tables.insurancePolicies.practiceId, practiceId),
                sql`${tables.insurancePolicies.id} = ANY(${pgArray(policyIds, "uuid")}::uuid[])`,
              ),
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
  const statements: SQL[] = [];
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
    const rows = await runPrepared<{ id: string }>(
      tx,
      bulkInsert(
        tables.claims,
        {
          id: claimRows.map((c) => c.id),
          practiceId: everyRow(ctx.practiceId),
          invoiceId: claimRows.map((c) => c.invoiceId),
          clientId: claimRows.map((c) => c.clientId),
          payerId: claimRows.map((c) => c.payerId),
          policyId: claimRows.map((c) => c.policyId),
          payerRank: claimRows.map((c) => c.payerRank),
          frequencyCode: everyRow("1"),
          patientControlNumber: claimRows.map((c) => c.patientControlNumber),
          totalCents: claimRows.map((c) => c.totalCents),
          diagnosisCodes: claimRows.map((c) => c.diagnosisCodes),
          runId: everyRow(input.runId),
          createdAt: everyRow(now),
          updatedAt: everyRow(now),
        },
        sql`ON CONFLICT (invoice_id, payer_rank) WHERE frequency_code = '1' DO NOTHING RETURNING id::text AS id`,
      ),
    );
    for (const r of rows) inserted.add(r.id);
    const claimLine = {
      id: [] as string[],
      claimId: [] as string[],
      invoiceLineId: [] as string[],
      lineNumber: [] as number[],
      controlNumber: [] as string[],
      code: [] as string[],
      modifiers: [] as string[][],
      units: [] as number[],
      chargeCents: [] as number[],
      dateOfService: [] as string[],
      diagnosisPointers: [] as number[][],
    };
    const claimHistory = { id: [] as string[], claimId: [] as string[] };
    const invoiceHistory = { cause: [] as string[] };
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
        claimLine.id.push(newId(now.getTime()));
        claimLine.claimId.push(claim.id);
        claimLine.invoiceLineId.push(l.id);
        claimLine.lineNumber.push(n + 1);
        claimLine.controlNumber.push(`${claim.patientControlNumber}-${n + 1}`);
        claimLine.code.push(l.code);
        claimLine.modifiers.push(l.modifiers);
        claimLine.units.push(l.units);
        claimLine.chargeCents.push(l.amountCents);
        claimLine.dateOfService.push(l.dateOfService ?? c.invoice.invoiceDate);
        claimLine.diagnosisPointers.push(l.diagnosisPointers);
      });
      claimHistory.id.push(newId(now.getTime()));
      claimHistory.claimId.push(claim.id);
      invoiceHistory.cause.push(`claim ${claim.patientControlNumber}`);
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
    if (processedInvoiceIds.length > 0) {
      // Claim lines, both status histories and the invoices' new status: one statement.
      statements.push(
        bulkInsert(tables.claimLines, {
          ...claimLine,
          practiceId: everyRow(ctx.practiceId),
        }),
        bulkInsert(tables.claimStatusHistory, {
          id: claimHistory.id,
          practiceId: everyRow(ctx.practiceId),
          claimId: claimHistory.claimId,
          fromStatus: everyRow(null),
          toStatus: everyRow("awaiting_submission"),
          at: everyRow(now),
          actor: everyRow("system:invoice_processing"),
          cause: everyRow(cause),
        }),
        ...invoiceTransitionStatements({
          practiceId: ctx.practiceId,
          invoiceIds: processedInvoiceIds,
          from: "open",
          to: "processed",
          now,
          actor: "system:invoice_processing",
          cause: invoiceHistory.cause,
        }),
      );
    }
  }
  const recorded = outcomesInsert(
    {
      practiceId: ctx.practiceId,
      runId: input.runId,
      automation: "invoice_processing",
      trigger: input.trigger,
      at: now,
    },
    outcomes,
  );
  if (recorded) statements.push(recorded);
  if (statements.length > 0) await runPrepared(tx, oneStatement(statements));
  return { claimed: claimedCount };
};
