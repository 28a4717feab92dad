import {
  claimStatusCodes,
  decideClaimPosting,
  type EraClaim,
  type PostingRule,
  type QueueReason,
} from "@billcycle/core";
import { type Executor, newId, tables } from "@billcycle/db";
import { type Claim835, type Imbalance, type Remittance835, read835, type X12Error } from "@billcycle/x12";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { bulkInsert, pgArray, runPrepared, same } from "../billing/bulk-insert";
import { PostingBatch } from "./apply-postings";
import { getClaimsSettings } from "./claims-settings";
import { hashTransactionSets } from "./hash-transaction-sets";

export type RemittanceImport = {
  remittanceId: string | null;
  traceNumber: string;
  status: "posted" | "partially_posted" | "needs_review" | "duplicate";
  claims: number;
  posted: number;
  queued: number;
};

/** The 835 claim in the shape the posting decision takes. */
export const toEraClaim = (c: Claim835): EraClaim => ({
  patientControlNumber: c.patientControlNumber,
  statusCode: c.status.code,
  chargeCents: c.chargeCents,
  paidCents: c.paidCents,
  patientResponsibilityCents: c.patientResponsibilityCents ?? 0,
  payerClaimNumber: c.payerClaimControlNumber ?? null,
  adjustments: c.adjustments.map((a) => ({
    group: a.group,
    reasonCode: a.reasonCode,
    amountCents: a.amountCents,
  })),
  lines: c.services.map((s) => ({
    code: s.procedure.code,
    modifiers: [...s.procedure.modifiers],
    originalCode: s.originalProcedure?.code ?? null,
    dateOfService: s.serviceDate ?? s.serviceFrom ?? null,
    chargeCents: s.chargeCents,
    paidCents: s.paidCents,
    lineControlNumber: s.lineControlNumber ?? null,
    adjustments: s.adjustments.map((a) => ({
      group: a.group,
      reasonCode: a.reasonCode,
      amountCents: a.amountCents,
    })),
  })),
  crossoverPayer: c.crossoverCarrier ? c.crossoverCarrier.lastName : null,
});

export const loadPostingRules = async (tx: Executor, practiceId: string): Promise<PostingRule[]> =>
  tx
    .select({
      payerId: tables.postingRules.payerId,
      groupCode: tables.postingRules.groupCode,
      reasonCode: tables.postingRules.reasonCode,
      action: tables.postingRules.action,
    })
    .from(tables.postingRules)
    .where(eq(tables.postingRules.practiceId, practiceId));

type PostContext = {
  practiceId: string;
  rules: PostingRule[];
  unknownCodeAction: "block" | "deny";
  now: Date;
  actor: string;
};

type PostResult =
  | { posted: true }
  | {
      posted: false;
      queue: QueueReason | { kind: "unmatched_claim"; reason: string; details: Record<string, unknown> };
    };

/**
 * Decides one remittance claim against a claim the batch has loaded and, if it can be posted with certainty,
 * records the postings in the batch; otherwise returns why it waits for a person.
 */
const decideAndApply = (
  batch: PostingBatch,
  ctx: PostContext,
  remittanceClaimId: string,
  era: EraClaim,
  claimId: string | null,
): PostResult => {
  const loaded = claimId ? batch.get(claimId) : undefined;
  if (!loaded) {
    return {
      posted: false,
      queue: {
        kind: "unmatched_claim",
        reason: `No claim with patient control number ${era.patientControlNumber}`,
        details: { patientControlNumber: era.patientControlNumber },
      },
    };
  }
  const { claim, lines, existing } = loaded;
  const plan = decideClaimPosting(
    era,
    { id: claim.id, payerId: claim.payerId, lines },
    ctx.rules,
    ctx.unknownCodeAction,
    existing,
  );
  if (!plan.post) return { posted: false, queue: plan.queue };
  batch.apply({
    claimId: claim.id,
    remittanceClaimId,
    postings: plan.postings,
    claimOutcome: plan.outcome,
    payerClaimNumber: plan.payerClaimNumber,
    cause: {
      kind: "remittance",
      remittanceClaimId,
      statusCode: era.statusCode,
      status: claimStatusCodes[era.statusCode] ?? era.statusCode,
    },
    actor: ctx.actor,
  });
  return { posted: true };
};

/**
 * Posts one remittance claim if it can be posted with certainty; otherwise returns why it waits for a person.
 * Used by the work queue's "post" and "match" actions (the import posts many at once, the same way).
 */
export const postRemittanceClaim = async (
  tx: Executor,
  ctx: PostContext,
  remittanceClaimId: string,
  era: EraClaim,
  claimId: string | null,
): Promise<PostResult> => {
  const batch = new PostingBatch(tx, ctx.practiceId, ctx.now);
  if (claimId) await batch.load([claimId]);
  const result = decideAndApply(batch, ctx, remittanceClaimId, era, claimId);
  if (!result.posted) return result;
  await batch.flush([
    sql`UPDATE ${tables.remittanceClaims} SET posting_status = 'posted', claim_id = ${claimId}::uuid
      WHERE id = ${remittanceClaimId}::uuid`,
  ]);
  return result;
};

/**
 * Imports the remittances of an 835 file for a practice. Each transaction set is one remittance, unique per
 * (payer, TRN02, content): importing the same one again (the same segments, line breaks aside) posts nothing; one
 * with a trace number already received and other content is kept, posts nothing, and waits in the work queue
 * (duplicate_trace) with both remittances' amounts — in another file or in the same one. A remittance that does not balance is not
 * auto-posted; it waits in the work queue with its imbalances. Unmatched claims and lines, and adjustment
 * codes the rules block, wait there too; everything else posts in the same transaction.
 */
export const importRemittanceFile = async (
  tx: Executor,
  practiceId: string,
  fileId: string,
  content: string,
  now: Date,
  actor: string,
): Promise<RemittanceImport[]> => {
  const remittances = await readRemittances(content);
  const { settings } = await getClaimsSettings(tx, practiceId);
  const ctx: PostContext = {
    practiceId,
    rules: await loadPostingRules(tx, practiceId),
    unknownCodeAction: settings.unknownCodeAction,
    now,
    actor,
  };
  const hashes = hashTransactionSets(content);
  const results: RemittanceImport[] = [];
  for (const [i, r] of remittances.entries()) {
    results.push(await importOne(tx, ctx, fileId, r, hashes[i] ?? `unhashed:${fileId}:${i}`));
  }
  return results;
};

/** A remittance as read, with the claims the file does not spell correctly (by claim index) and why. */
type ReadRemittance = Remittance835 & { malformed: Map<number, X12Error[]> };

/** Problems inside a claim (loops 2100 and 2110) hold that claim for a person; anywhere else they refuse the file. */
const CLAIM_LOOPS = new Set(["2100", "2110"]);

/**
 * Reads the 835 leniently so that one malformed claim (a truncated CLP, an amount that is not one) does not refuse
 * the whole file: the reader's warnings inside a claim are kept with that claim (they come before its event, which
 * is emitted when the next claim starts), and any other warning — envelope, header, payer, PLB — refuses the file
 * as strict reading would. Only 005010X221 is read (the reader's default versions).
 */
const readRemittances = async (content: string): Promise<ReadRemittance[]> => {
  const out: ReadRemittance[] = [];
  let current: ReadRemittance | undefined;
  let pending: X12Error[] = [];
  for await (const e of read835(content, { strict: false })) {
    if (e.type === "warning") {
      if (!CLAIM_LOOPS.has(e.warning.loop ?? "")) throw e.warning;
      pending.push(e.warning);
    } else if (e.type === "remittance") {
      current = {
        ...e.remittance,
        claims: [],
        summary: {
          claimCount: 0,
          totalChargeCents: 0,
          totalPaidCents: 0,
          providerAdjustments: [],
          providerAdjustmentTotalCents: 0,
          claimsOutOfBalance: 0,
          balance: { balanced: true, imbalances: [] },
        },
        balance: { balanced: true, imbalances: [] },
        warnings: [],
        malformed: new Map(),
      };
      out.push(current);
    } else if (e.type === "claim" && current) {
      if (pending.length) current.malformed.set(e.claim.index, pending);
      pending = [];
      current.claims.push(e.claim);
    } else if (e.type === "remittanceEnd" && current) {
      const all: Imbalance[] = [];
      for (const c of current.claims) all.push(...c.balance.imbalances);
      all.push(...e.summary.balance.imbalances);
      current.summary = e.summary;
      current.balance = { balanced: all.length === 0, imbalances: all };
      current = undefined;
    }
  }
  if (pending.length) throw pending[0];
  return out;
};

/**
 * Whether a remittance's claims may post: it balances, or what does not balance is its malformed claims and,
 * when there are some, the transaction total their unreadable amounts leave out.
 */
const balancesApartFromMalformed = (r: ReadRemittance): boolean =>
  r.balance.imbalances.every((i) =>
    i.claimIndex !== undefined
      ? r.malformed.has(i.claimIndex)
      : r.malformed.size > 0 && i.level === "transaction",
  );

/** CLPs per write: a big remittance is written 1,000 claims at a time. */
const CHUNK = 1000;

/**
 * One remittance, in the caller's transaction (the file's). Its row goes first: the (payer, TRN) key makes a second
 * import of it a duplicate that posts nothing (a concurrent one waits on the key and then finds it). Then every
 * matched claim is locked and loaded once (in id order, 5,000 per round: claims, lines, postings, invoices), and
 * the CLPs are decided in order in memory, a claim met twice (a reversal and its correction) seeing what the first
 * CLP gave it. Every 1,000 CLPs become one statement — the remittance claims with their position and final posting
 * status, postings, claim and invoice changes, both histories, audit rows and work items — sent behind the previous
 * one while the next 1,000 are decided. All of it commits or rolls back with the file: a failure part-way leaves
 * nothing posted, and importing the file again starts from scratch. (Chunks are not separate transactions: the file,
 * its remittances and their postings are one unit, and one transaction keeps that guarantee without a "posting"
 * state to recover.)
 */
const importOne = async (
  tx: Executor,
  ctx: PostContext,
  fileId: string,
  r: ReadRemittance,
  contentSha256: string,
): Promise<RemittanceImport> => {
  const payerIdentifier =
    r.trace.originatorId ?? r.payment.originatingCompanyId ?? r.payer.id ?? r.payer.name;
  const id = newId(ctx.now.getTime());
  // One import at a time per (payer, trace number): a concurrent remittance with the same trace and other content
  // must see this one (and be held for a person), not post beside it.
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${ctx.practiceId}|${payerIdentifier}|${r.trace.referenceId}`}, 0))`,
  );
  const inserted = await tx
    .insert(tables.remittances)
    .values({
      id,
      practiceId: ctx.practiceId,
      fileId,
      payerName: r.payer.name,
      payerIdentifier,
      traceNumber: r.trace.referenceId,
      paymentMethod: r.payment.method.code,
      paymentDate: r.payment.date ?? null,
      totalPaidCents: r.payment.creditDebit === "D" ? -r.payment.amountCents : r.payment.amountCents,
      providerAdjustmentCents: r.summary.providerAdjustmentTotalCents,
      balanced: r.balance.balanced,
      imbalances: r.balance.imbalances.map((i) => ({ ...i })),
      providerAdjustments: r.summary.providerAdjustments.flatMap((p) =>
        p.items.map((item) => ({
          providerId: p.providerId,
          fiscalPeriodDate: p.fiscalPeriodDate,
          reason: item.reason.code,
          reasonText: item.reason.text ?? null,
          referenceId: item.referenceId ?? null,
          amountCents: item.amountCents,
        })),
      ),
      status: "needs_review",
      claimCount: r.claims.length,
      contentSha256,
      nextPosition: r.claims.length,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .onConflictDoNothing({
      target: [
        tables.remittances.practiceId,
        tables.remittances.payerIdentifier,
        tables.remittances.traceNumber,
        tables.remittances.contentSha256,
      ],
    })
    .returning({ id: tables.remittances.id });
  if (inserted.length === 0) {
    return {
      remittanceId: null,
      traceNumber: r.trace.referenceId,
      status: "duplicate",
      claims: r.claims.length,
      posted: 0,
      queued: 0,
    };
  }
  // The same payer and trace number with other content: a corrected or a second payment, or a payer's mistake. Its
  // claims are kept and held for a person with both remittances' amounts, never posted beside the first unseen.
  const sameTrace = await tx
    .select({
      id: tables.remittances.id,
      fileId: tables.remittances.fileId,
      totalPaidCents: tables.remittances.totalPaidCents,
      claimCount: tables.remittances.claimCount,
    })
    .from(tables.remittances)
    .where(
      and(
        eq(tables.remittances.practiceId, ctx.practiceId),
        eq(tables.remittances.payerIdentifier, payerIdentifier),
        eq(tables.remittances.traceNumber, r.trace.referenceId),
        sql`${tables.remittances.id} <> ${id}::uuid`,
      ),
    )
    .orderBy(tables.remittances.id);
  const pcns = [...new Set(r.claims.map((c) => c.patientControlNumber))];
  const ours = pcns.length
    ? await tx
        .select({ id: tables.claims.id, pcn: tables.claims.patientControlNumber })
        .from(tables.claims)
        .where(
          and(
            eq(tables.claims.practiceId, ctx.practiceId),
            sql`${tables.claims.patientControlNumber} = ANY(${pgArray(pcns, "text")}::text[])`,
          ),
        )
    : [];
  const claimByPcn = new Map(ours.map((c) => [c.pcn, c.id]));
  const balanced = balancesApartFromMalformed(r);
  const postable = balanced && sameTrace.length === 0;
  const batch = new PostingBatch(tx, ctx.practiceId, ctx.now);
  let posted = 0;
  let queued = 0;
  try {
    // Every matched claim of the remittance, locked in id order, with its lines, postings and invoice.
    if (postable) await batch.load(ours.map((c) => c.id));
    for (let start = 0; start < r.claims.length; start += CHUNK) {
      const chunk = r.claims.slice(start, start + CHUNK);
      const rc = newRemittanceClaimRows();
      const work = newWorkItemRows();
      chunk.forEach((c, i) => {
        const era = toEraClaim(c);
        const remittanceClaimId = newId(ctx.now.getTime());
        const claimId = claimByPcn.get(c.patientControlNumber) ?? null;
        let status: "posted" | "queued" = "queued";
        const problems = r.malformed.get(c.index);
        if (!postable) queued++;
        else if (problems) {
          queued++;
          work.id.push(newId(ctx.now.getTime()));
          work.remittanceClaimId.push(remittanceClaimId);
          work.kind.push("malformed_claim");
          work.reason.push(
            `Claim ${c.patientControlNumber} (segment ${c.segmentNumber}) is not written correctly in the file: ` +
              problems.map((w) => w.message).join("; "),
          );
          work.details.push({ problems: problems.map((w) => ({ code: w.code, message: w.message })) });
        } else {
          const result = decideAndApply(batch, ctx, remittanceClaimId, era, claimId);
          if (result.posted) {
            posted++;
            status = "posted";
          } else {
            queued++;
            work.id.push(newId(ctx.now.getTime()));
            work.remittanceClaimId.push(remittanceClaimId);
            work.kind.push(result.queue.kind);
            work.reason.push(result.queue.reason);
            work.details.push(result.queue.details);
          }
        }
        rc.id.push(remittanceClaimId);
        rc.position.push(start + i);
        rc.claimId.push(claimId);
        rc.patientControlNumber.push(c.patientControlNumber);
        rc.statusCode.push(c.status.code);
        rc.chargeCents.push(c.chargeCents);
        rc.paidCents.push(c.paidCents);
        rc.patientResponsibilityCents.push(c.patientResponsibilityCents ?? 0);
        rc.payerClaimNumber.push(c.payerClaimControlNumber ?? null);
        rc.crossoverPayer.push(era.crossoverPayer);
        rc.postingStatus.push(status);
        // The decoded ERA claim is kept where a person must still act on it (the work queue posts from it); a
        // posted claim's outcome is in its postings, and the file itself is stored.
        rc.data.push(status === "queued" ? { era, balance: c.balance } : {});
      });
      const statements: SQL[] = [
        bulkInsert(tables.remittanceClaims, {
          ...rc,
          practiceId: same(ctx.practiceId),
          remittanceId: same(id),
        }),
      ];
      if (work.id.length) {
        statements.push(
          bulkInsert(tables.workQueueItems, {
            ...work,
            practiceId: same(ctx.practiceId),
            remittanceId: same(id),
            createdAt: same(ctx.now),
          }),
        );
      }
      // Sent behind the previous chunk's write; the next chunk is decided meanwhile.
      batch.write(statements);
    }
    await batch.finish();
  } catch (e) {
    await batch.settle();
    throw e;
  }
  if (sameTrace.length > 0) {
    const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;
    const paid = r.payment.creditDebit === "D" ? -r.payment.amountCents : r.payment.amountCents;
    const earlier = sameTrace
      .map((o) => `${money(o.totalPaidCents)} on ${o.claimCount} claim${o.claimCount === 1 ? "" : "s"}`)
      .join(", ");
    await tx.insert(tables.workQueueItems).values({
      id: newId(ctx.now.getTime()),
      practiceId: ctx.practiceId,
      remittanceId: id,
      remittanceClaimId: null,
      kind: "duplicate_trace",
      reason:
        `Remittance ${r.trace.referenceId} from ${r.payer.name} has a trace number already received with other ` +
        `content (${earlier}); this one pays ${money(paid)} on ${r.claims.length} claim${r.claims.length === 1 ? "" : "s"}. ` +
        "Nothing of it was posted: post it if it is a separate payment, or dismiss it.",
      details: {
        traceNumber: r.trace.referenceId,
        payerIdentifier,
        totalPaidCents: paid,
        claimCount: r.claims.length,
        chargeCents: r.claims.reduce((a, c) => a + c.chargeCents, 0),
        paidCents: r.claims.reduce((a, c) => a + c.paidCents, 0),
        earlier: sameTrace.map((o) => ({ ...o })),
      },
      createdAt: ctx.now,
    });
  }
  if (!balanced) {
    await tx.insert(tables.workQueueItems).values({
      id: newId(ctx.now.getTime()),
      practiceId: ctx.practiceId,
      remittanceId: id,
      remittanceClaimId: null,
      kind: "unbalanced",
      reason: `Remittance ${r.trace.referenceId} does not balance: ${r.balance.imbalances.map((i) => i.message).join("; ")}`,
      details: { imbalances: r.balance.imbalances.map((i) => ({ ...i })) },
      createdAt: ctx.now,
    });
  }
  const status = queued === 0 ? "posted" : posted > 0 ? "partially_posted" : "needs_review";
  await runPrepared(tx, sql`UPDATE ${tables.remittances} SET status = ${status} WHERE id = ${id}::uuid`);
  return {
    remittanceId: id,
    traceNumber: r.trace.referenceId,
    status,
    claims: r.claims.length,
    posted,
    queued,
  };
};

const newRemittanceClaimRows = () => ({
  id: [] as string[],
  position: [] as number[],
  claimId: [] as Array<string | null>,
  patientControlNumber: [] as string[],
  statusCode: [] as string[],
  chargeCents: [] as number[],
  paidCents: [] as number[],
  patientResponsibilityCents: [] as number[],
  payerClaimNumber: [] as Array<string | null>,
  crossoverPayer: [] as Array<string | null>,
  postingStatus: [] as string[],
  data: [] as Array<Record<string, unknown>>,
});

const newWorkItemRows = () => ({
  id: [] as string[],
  remittanceClaimId: [] as string[],
  kind: [] as string[],
  reason: [] as string[],
  details: [] as Array<Record<string, unknown>>,
});
