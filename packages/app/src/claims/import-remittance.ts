import {
  claimStatusCodes,
  DomainError,
  decideClaimPosting,
  decidePayeeIsPractice,
  type EraClaim,
  type PostingRule,
  type QueueReason,
} from "@billcycle/core";
import {
  analyzeIfPlannedEmpty,
  bulkInsert,
  type Database,
  type Executor,
  everyRow,
  newId,
  pgArray,
  tables,
} from "@billcycle/db";
import { type Claim835, type Imbalance, type Remittance835, read835, type X12Error } from "@billcycle/x12";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { yieldToEventLoop } from "../billing/batching";
import { getClaimsSettings } from "./claims-settings";
import { TransactionSetHasher } from "./hash-transaction-sets";
import {
  type ClaimProblems,
  planRemittanceClaim,
  type RemittanceClaimFate,
  type RemittanceClaimRow,
  type WorkItemRow,
} from "./plan-remittance-claims";
import {
  insertPostingRemittance,
  insertRemittanceClaims,
  markRemittanceClaimPosted,
  settleRemittance,
} from "./remittance-status-writer";
import { PostingBatch } from "./write-postings";

export type RemittanceImport = {
  remittanceId: string | null;
  traceNumber: string;
  status: "posted" | "partially_posted" | "needs_review" | "duplicate";
  claims: number;
  posted: number;
  queued: number;
};

/** The patient as the payer spells them (NM1*QC), for a person matching a claim by hand. */
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
        details: {
          patientControlNumber: era.patientControlNumber,
          chargeCents: era.chargeCents,
          paidCents: era.paidCents,
          patientResponsibilityCents: era.patientResponsibilityCents,
        },
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
  await batch.flush([markRemittanceClaimPosted(remittanceClaimId, claimId)]);
  return result;
};

/** The most bytes an inbound file may have; above it the file is refused unread with FILE_TOO_LARGE. */
export const MAX_INBOUND_FILE_BYTES = 50 * 1024 * 1024;

/** The most claims (CLP) an 835 file may hold across its remittances; above it, TOO_MANY_CLAIMS. */
export const MAX_CLAIMS_PER_FILE = 1_000_000;

/**
 * Claims posted per transaction: short enough that other work gets in between. PGlite runs each statement on the
 * event loop's thread and every API query waits for the batch's transaction: 2,000 claims took 170–370 ms there,
 * 500 take about a quarter. PostgreSQL serves the API on other connections, and larger batches are faster there.
 */
export const remittancePostingBatch = (database: Database): number =>
  database.kind === "pglite" ? 500 : 2000;

/**
 * Batches of one import in flight at once, each on its own session. On PostgreSQL the next batches are read, locked,
 * loaded and decided while the one before them writes (3 posted 30,000 claims about 10 % faster than 2 in
 * bench:claims); they commit in file order. PGlite has one session.
 */
export const remittancePostingDepth = (database: Database): number => (database.kind === "pglite" ? 1 : 3);

/** Claims the first reading takes between two turns of the event loop (a few milliseconds of reading). */
const SURVEY_TURN = 500;

/** CLPs per write inside a batch. */
const CHUNK = 1000;

/** What the first reading of an 835 learns about one transaction set, without keeping its claims. */
type SurveyedRemittance = Omit<Remittance835, "claims" | "warnings" | "balance"> & {
  balance: { balanced: boolean; imbalances: Imbalance[] };
  claimCount: number;
  /** How many claims the file does not spell correctly (why is read again with each claim when it posts). */
  malformedCount: number;
  contentSha256: string;
  /** How many imbalances the set has; `balance.imbalances` keeps the first KEPT_IMBALANCES of them. */
  imbalanceCount: number;
  /**
   * Whether what does not balance is its malformed claims and, when there are some, the transaction total their
   * unreadable amounts leave out: then its other claims may post.
   */
  explained: boolean;
};

/**
 * Imbalances kept per remittance (its row keeps 100, its work item shows 20): a file whose every claim is out of
 * balance made the first reading keep an object and message per claim, 4 MB of heap per MB of file.
 */
const KEPT_IMBALANCES = 100;

/** Problems inside a claim (loops 2100 and 2110) hold that claim for a person; anywhere else they refuse the file. */
const CLAIM_LOOPS = new Set(["2100", "2110"]);

/** A malformed claim's reader warnings kept for its work item; the rest are counted (a hostile claim has many). */
const KEPT_PROBLEMS = 10;

/** Collects the warnings before a claim's event (the reader emits them first), at most KEPT_PROBLEMS of them. */
class ProblemCollector {
  private current: ClaimProblems = { kept: [], more: 0 };
  add(w: X12Error) {
    if (this.current.kept.length < KEPT_PROBLEMS) this.current.kept.push(w);
    else this.current.more++;
  }
  get pending(): boolean {
    return this.current.kept.length > 0;
  }
  get first(): X12Error | undefined {
    return this.current.kept[0];
  }
  /** The warnings collected since the last claim, handed to this claim. */
  take(): ClaimProblems | undefined {
    if (!this.pending) return undefined;
    const taken = this.current;
    this.current = { kept: [], more: 0 };
    return taken;
  }
}

/** The file's bytes with each chunk also fed to the transaction set hasher. */
async function* hashing(source: AsyncIterable<Uint8Array>, hasher: TransactionSetHasher) {
  for await (const chunk of source) {
    hasher.update(chunk);
    yield chunk;
  }
}

/**
 * First reading, streamed from the bytes: every transaction set's header, claim count, balance and malformed claims,
 * with no claim kept. The 835 is read leniently so that one malformed claim (a truncated CLP) does not refuse the
 * file: the reader's warnings inside a claim are kept with that claim (they come before its event, which is emitted
 * when the next claim starts), and any other warning — envelope, header, payer, PLB — refuses the file, as strict
 * reading would. Only 005010X221A1 is read (the reader's default versions: UNSUPPORTED_VERSION otherwise).
 */
const surveyRemittances = async (source: AsyncIterable<Uint8Array>): Promise<SurveyedRemittance[]> => {
  const out: SurveyedRemittance[] = [];
  let current: SurveyedRemittance | undefined;
  const pending = new ProblemCollector();
  let total = 0;
  const hasher = new TransactionSetHasher();
  for await (const e of read835(hashing(source, hasher), { strict: false })) {
    if (e.type === "warning") {
      if (!CLAIM_LOOPS.has(e.warning.loop ?? "")) throw e.warning;
      pending.add(e.warning);
    } else if (e.type === "remittance") {
      current = {
        ...e.remittance,
        claimCount: 0,
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
        malformedCount: 0,
        contentSha256: "",
        imbalanceCount: 0,
        explained: true,
      };
      out.push(current);
    } else if (e.type === "claim" && current) {
      const malformed = pending.take() !== undefined;
      if (malformed) current.malformedCount++;
      current.claimCount++;
      if (total % SURVEY_TURN === 0) await yieldToEventLoop();
      if (++total > MAX_CLAIMS_PER_FILE) {
        throw new DomainError(
          "TOO_MANY_CLAIMS",
          `The file holds more than ${MAX_CLAIMS_PER_FILE.toLocaleString("en-US")} claims, the most one file may hold`,
          { max: MAX_CLAIMS_PER_FILE },
        );
      }
      for (const i of e.claim.balance.imbalances) noteImbalance(current, i, malformed);
    } else if (e.type === "remittanceEnd" && current) {
      for (const i of e.summary.balance.imbalances) noteImbalance(current, i, false);
      current.summary = e.summary;
      current.balance.balanced = current.imbalanceCount === 0;
      current = undefined;
    }
  }
  if (pending.first) throw pending.first;
  const hashes = hasher.finish();
  for (const [k, r] of out.entries()) r.contentSha256 = hashes[k] ?? `unhashed:${k}`;
  return out;
};

/**
 * Counts an imbalance, keeps it if among the first, and tells whether it is explained by malformed claims: a claim's
 * own (its malformed entry is recorded before its imbalances), or the transaction total once the set has some.
 */
const noteImbalance = (r: SurveyedRemittance, i: Imbalance, claimMalformed: boolean) => {
  r.imbalanceCount++;
  if (r.balance.imbalances.length < KEPT_IMBALANCES) r.balance.imbalances.push(i);
  // A claim's imbalances come with the claim (the transaction's at its end).
  const explained =
    i.claimIndex !== undefined ? claimMalformed : r.malformedCount > 0 && i.level === "transaction";
  if (!explained) r.explained = false;
};

/** Whether a remittance's claims may post: it balances, or what does not is explained by its malformed claims. */
const balancesApartFromMalformed = (r: SurveyedRemittance): boolean => r.explained;

/** A transaction set of the file and what becomes of its claims. */
type Registered = {
  survey: SurveyedRemittance;
  /** null: a duplicate of a remittance received before (nothing of it is posted). */
  remittanceId: string | null;
  /** Its claims post (balanced, no other content under its trace number); else every claim is queued. */
  postable: boolean;
};

const payerIdentifierOf = (r: SurveyedRemittance) =>
  r.trace.originatorId ?? r.payment.originatingCompanyId ?? r.payer.id ?? r.payer.name;

const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/**
 * One transaction: a row per new remittance (status "posting", cursor 0) with its remittance-level work items
 * (other content under a known trace number, not balanced), or the duplicate it is. A remittance this file
 * registered before (an import resumed after a crash) is found again by its key and file and taken up where its
 * cursor stands; the same content twice in one file is a duplicate the second time.
 */
const registerRemittances = async (
  database: Database,
  ctx: PostContext,
  fileId: string,
  surveyed: SurveyedRemittance[],
): Promise<Registered[]> =>
  database.db.transaction(async (tx) => {
    const out: Registered[] = [];
    const seen = new Set<string>();
    for (const r of surveyed) {
      const payerIdentifier = payerIdentifierOf(r);
      const key = `${payerIdentifier}|${r.trace.referenceId}|${r.contentSha256}`;
      const balanced = balancesApartFromMalformed(r);
      // One registration at a time per (payer, trace number): a concurrent remittance with the same trace and other
      // content must see this one (and be held for a person), not post beside it.
      await tx.execute(
        sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${ctx.practiceId}|${payerIdentifier}|${r.trace.referenceId}`}, 0))`,
      );
      const sameTrace = await tx
        .select({
          id: tables.remittances.id,
          fileId: tables.remittances.fileId,
          contentSha256: tables.remittances.contentSha256,
          totalPaidCents: tables.remittances.totalPaidCents,
          claimCount: tables.remittances.claimCount,
        })
        .from(tables.remittances)
        .where(
          and(
            eq(tables.remittances.practiceId, ctx.practiceId),
            eq(tables.remittances.payerIdentifier, payerIdentifier),
            eq(tables.remittances.traceNumber, r.trace.referenceId),
          ),
        )
        .orderBy(tables.remittances.id);
      const same = sameTrace.find((o) => o.contentSha256 === r.contentSha256);
      if (same) {
        const resumed = same.fileId === fileId && !seen.has(key);
        seen.add(key);
        if (!resumed) {
          out.push({ survey: r, remittanceId: null, postable: false });
          continue;
        }
        const held = await tx
          .select({ id: tables.workQueueItems.id })
          .from(tables.workQueueItems)
          .where(
            and(
              eq(tables.workQueueItems.remittanceId, same.id),
              eq(tables.workQueueItems.kind, "duplicate_trace"),
            ),
          )
          .limit(1);
        out.push({ survey: r, remittanceId: same.id, postable: balanced && held.length === 0 });
        continue;
      }
      seen.add(key);
      const id = newId(ctx.now.getTime());
      const paid = r.payment.creditDebit === "D" ? -r.payment.amountCents : r.payment.amountCents;
      await insertPostingRemittance(tx, {
        id,
        practiceId: ctx.practiceId,
        fileId,
        payerName: r.payer.name,
        payerIdentifier,
        traceNumber: r.trace.referenceId,
        paymentMethod: r.payment.method.code,
        paymentDate: r.payment.date ?? null,
        totalPaidCents: paid,
        providerAdjustmentCents: r.summary.providerAdjustmentTotalCents,
        balanced: r.balance.balanced,
        // A malformed remittance could list an imbalance per claim: the first hundred say enough.
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
        claimCount: r.claimCount,
        contentSha256: r.contentSha256,
        nextPosition: 0,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      if (sameTrace.length > 0) {
        // The same payer and trace number with other content: a corrected or second payment, or a payer's mistake.
        // Its claims are kept and held for a person with both remittances' amounts, never posted unseen.
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
            `content (${earlier}); this one pays ${money(paid)} on ${r.claimCount} claim${r.claimCount === 1 ? "" : "s"}. ` +
            "Nothing of it was posted: post it if it is a separate payment, or dismiss it.",
          details: {
            traceNumber: r.trace.referenceId,
            payerIdentifier,
            totalPaidCents: paid,
            claimCount: r.claimCount,
            chargeCents: r.summary.totalChargeCents,
            paidCents: r.summary.totalPaidCents,
            earlier: sameTrace.map(({ contentSha256: _, ...o }) => ({ ...o })),
          },
          createdAt: ctx.now,
        });
      }
      if (!balanced) {
        const shown = r.balance.imbalances.slice(0, 20);
        await tx.insert(tables.workQueueItems).values({
          id: newId(ctx.now.getTime()),
          practiceId: ctx.practiceId,
          remittanceId: id,
          remittanceClaimId: null,
          kind: "unbalanced",
          reason: `Remittance ${r.trace.referenceId} does not balance: ${shown.map((i) => i.message).join("; ")}${r.imbalanceCount > shown.length ? `; and ${r.imbalanceCount - shown.length} more` : ""}`,
          details: { imbalances: shown.map((i) => ({ ...i })) },
          createdAt: ctx.now,
        });
      }
      out.push({ survey: r, remittanceId: id, postable: balanced && sameTrace.length === 0 });
    }
    return out;
  });

/**
 * Refuses the file (PAYEE_NOT_PRACTICE, before anything is registered) when a remittance pays someone else: its
 * N1*PE NPI or tax id, or its REF*TJ, is none of the practice's. Posting another practice's payments to claims that
 * happen to share a patient control number would be wrong money on the wrong clients.
 */
const assertPayeeIsPractice = async (
  database: Database,
  practiceId: string,
  surveyed: SurveyedRemittance[],
) => {
  const [practice] = await database.db
    .select({ billingNpi: tables.practices.billingNpi, taxId: tables.practices.taxId })
    .from(tables.practices)
    .where(eq(tables.practices.id, practiceId));
  if (!practice) return;
  const providers = await database.db
    .select({ npi: tables.providers.npi })
    .from(tables.providers)
    .where(eq(tables.providers.practiceId, practiceId));
  const identity = { ...practice, providerNpis: providers.map((p) => p.npi) };
  for (const r of surveyed) {
    const decision = decidePayeeIsPractice(r.payee, identity);
    if (!decision.ours)
      throw new DomainError("PAYEE_NOT_PRACTICE", decision.reason, {
        payeeName: r.payee.name,
        payee: decision.identifiedBy,
        traceNumber: r.trace.referenceId,
      });
  }
};

/** The tables an import fills a row per claim or line, whose lookups by claim need their statistics. */
const POSTING_TABLES = ["postings", "remittance_claims"];

/**
 * Imports the remittances of an 835 file for a practice. Each transaction set is one remittance, unique per
 * (payer, TRN02, content): importing the same one again (the same segments, line breaks aside) posts nothing; one
 * with a trace number already received and other content is kept, posts nothing, and waits in the work queue
 * (duplicate_trace) with both remittances' amounts — in another file or in the same one. A remittance that does not
 * balance is not auto-posted; it waits in the work queue with its imbalances. Unmatched claims and lines, adjustment
 * codes the rules block, and malformed claims wait there too; everything else posts.
 *
 * Memory stays flat whatever the size: the file is read twice as a stream from its bytes (first to learn each
 * remittance's balance, content hash and malformed claims, then to post), and claims are posted a batch at a time
 * (remittancePostingBatch), each batch its own transaction that also moves the remittance's cursor
 * (`next_position`); on PostgreSQL a few batches are in flight at once (remittancePostingDepth) and commit in file
 * order, so what is committed is always the file's first batches. A crash between batches leaves the remittance
 * "posting" with its cursor where the last commit put it; importing the file again (the next pickup, a retried job)
 * finds the file and the remittances by their keys and resumes at the cursor, so every claim is posted exactly once.
 * Two imports resuming at once take turns batch by batch (an advisory lock per batch).
 */
export const importRemittanceFile = async (
  database: Database,
  practiceId: string,
  fileId: string,
  /** The file's UTF-8 bytes, a chunk at a time; read twice (each call a new reading). */
  chunks: () => AsyncIterable<Uint8Array>,
  now: Date,
  actor: string,
): Promise<RemittanceImport[]> => {
  const surveyed = await surveyRemittances(chunks());
  await assertPayeeIsPractice(database, practiceId, surveyed);
  const { settings } = await getClaimsSettings(database.db, practiceId);
  const ctx: PostContext = {
    practiceId,
    rules: await loadPostingRules(database.db, practiceId),
    unknownCodeAction: settings.unknownCodeAction,
    now,
    actor,
  };
  const registered = await registerRemittances(database, ctx, fileId, surveyed);
  // Second reading: claims in order, posted a batch at a time into the remittance they belong to.
  const batchSize = remittancePostingBatch(database);
  const batches = new BatchPipeline(remittancePostingDepth(database));
  let set = -1;
  let claims: Claim835[] = [];
  // The batch's malformed claims and why (read again here: the first reading keeps only their count).
  let problems = new Map<number, ClaimProblems>();
  const pending = new ProblemCollector();
  let analyzed: Promise<unknown> | null = null;
  const flush = async () => {
    const r = registered[set];
    if (r?.remittanceId && claims.length) {
      const [batchClaims, malformed] = [claims, problems];
      await batches.start((turn) => postBatch(database, { ctx, r, batchClaims, malformed, turn }));
      // The first postings may be the tables' first rows: once they are committed, tables still planned as empty
      // are analyzed beside the next batches, whose lookups by claim would otherwise scan every posting.
      // (A failed batch is reported by the pipeline; a failed analysis after the import's own end.)
      if (!analyzed) {
        analyzed = batches.committed().then(
          () => analyzeIfPlannedEmpty(database, POSTING_TABLES, 1000),
          () => [],
        );
        analyzed.catch(() => undefined);
      }
    }
    claims = [];
    problems = new Map();
    await yieldToEventLoop();
  };
  try {
    for await (const e of read835(chunks(), { strict: false })) {
      if (e.type === "warning") {
        if (CLAIM_LOOPS.has(e.warning.loop ?? "")) pending.add(e.warning);
      } else if (e.type === "remittance") set++;
      else if (e.type === "claim") {
        const found = pending.take();
        if (!registered[set]?.remittanceId) continue;
        if (found) problems.set(e.claim.index, found);
        claims.push(e.claim);
        if (claims.length >= batchSize) await flush();
      } else if (e.type === "remittanceEnd") await flush();
    }
    await flush();
  } finally {
    // No transaction of this import outlives it, failed or not (the first failure is thrown below).
    await batches.settle();
    await Promise.allSettled([analyzed]);
  }
  await batches.finish();
  await analyzed;
  const results: RemittanceImport[] = [];
  for (const r of registered) {
    results.push(
      r.remittanceId
        ? await finishRemittance(database, r.remittanceId, r.survey)
        : {
            remittanceId: null,
            traceNumber: r.survey.trace.referenceId,
            status: "duplicate",
            claims: r.survey.claimCount,
            posted: 0,
            queued: 0,
          },
    );
  }
  return results;
};

/**
 * Where a batch stands in the import's order: the batch before it has locked and loaded its claims (`loaded`), and
 * has committed (`committed`, rejected if it failed).
 */
type BatchTurn = { previousLoaded: Promise<void>; previousCommitted: Promise<void>; loaded: () => void };

/**
 * Runs an import's batches `depth` at a time, each told when the one before it has loaded and committed. A batch
 * locks its rows only after the one before it has locked its own, and commits only after it committed: the rows
 * each locks later are rows no other batch of the import holds, so none waits for a batch that waits for it, and the
 * batches committed are always the file's first ones, in order.
 */
class BatchPipeline {
  private inFlight: Array<Promise<void>> = [];
  private lastLoaded: Promise<void> = Promise.resolve();
  private lastCommitted: Promise<void> = Promise.resolve();

  constructor(private readonly depth: number) {}

  /** Starts a batch; waits first while `depth` batches are in flight (rejects if the oldest of them failed). */
  async start(run: (turn: BatchTurn) => Promise<void>): Promise<void> {
    while (this.inFlight.length >= this.depth) await this.inFlight.shift();
    let loaded = () => {};
    const loadedNow = new Promise<void>((resolve) => {
      loaded = resolve;
    });
    const committed = run({ previousLoaded: this.lastLoaded, previousCommitted: this.lastCommitted, loaded });
    // A batch that fails before loading must not hold the next one back.
    this.lastLoaded = Promise.race([loadedNow, committed.then(undefined, () => undefined)]);
    this.lastCommitted = committed;
    committed.catch(() => undefined);
    this.inFlight.push(committed);
  }

  /** Settles once the batches started so far have committed (rejects if one failed). */
  committed(): Promise<void> {
    return this.lastCommitted;
  }

  /** Waits for every batch in flight; rejects with the first failure. */
  async finish(): Promise<void> {
    while (this.inFlight.length) await this.inFlight.shift();
  }

  /** Waits for every batch in flight, failed or not. */
  async settle(): Promise<void> {
    await Promise.allSettled(this.inFlight);
  }
}

/**
 * One batch of a remittance's claims in one transaction. It takes the batch's turn (an advisory lock on the
 * remittance and the batch's first position: an import resumed beside another takes turns with it batch by batch)
 * and reads the remittance's cursor; claims before it (posted by an earlier run) are skipped. Once the batch before
 * it has locked its claims, the rest are matched to our claims, locked and loaded (id order), decided in file order
 * in memory and written a chunk at a time, each chunk's write sent before the next chunk is decided. The cursor
 * moves past the batch once the batch before it has committed, and the transaction commits.
 */
const postBatch = async (database: Database, work: BatchWork) =>
  database.db.transaction(async (tx) => {
    try {
      await postBatchIn(tx, work);
    } finally {
      work.turn.loaded();
    }
    // Committed in file order: the batch before this one must have committed (its failure fails this one too).
    await work.turn.previousCommitted;
  });

/** A batch to post: its remittance, its claims in file order, the malformed ones' problems, and its turn. */
type BatchWork = {
  ctx: PostContext;
  r: Registered;
  batchClaims: Claim835[];
  malformed: Map<number, ClaimProblems>;
  turn: BatchTurn;
};

const postBatchIn = async (tx: Executor, { ctx, r, batchClaims, malformed, turn }: BatchWork) => {
  const remittanceId = r.remittanceId as string;
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`${remittanceId}|${batchClaims[0]?.index ?? 0}`}, 0))`,
  );
  const [row] = await tx
    .select({ next: tables.remittances.nextPosition, status: tables.remittances.status })
    .from(tables.remittances)
    .where(eq(tables.remittances.id, remittanceId));
  if (row?.status !== "posting") return;
  const todo = batchClaims.filter((c) => c.index >= row.next);
  if (todo.length === 0) return;
  await turn.previousLoaded;
  const pcns = todo.map((c) => c.patientControlNumber);
  const batch = new PostingBatch(tx, ctx.practiceId, ctx.now);
  try {
    // A held remittance posts nothing: its claims are matched, not locked.
    const claimByPcn = r.postable
      ? await batch.loadByControlNumbers(pcns)
      : await claimIdsByControlNumber(tx, ctx.practiceId, pcns);
    turn.loaded();
    for (let start = 0; start < todo.length; start += CHUNK) {
      batch.write(decideChunk(batch, ctx, r, todo.slice(start, start + CHUNK), claimByPcn, malformed));
      // The write goes out now; the next chunk is decided while the database runs it.
      await yieldToEventLoop();
    }
    await batch.finish();
  } catch (e) {
    await batch.settle();
    throw e;
  }
  // The remittance row is updated only once the batch before has committed: it holds the row until then.
  await turn.previousCommitted;
  await tx.execute(
    sql`UPDATE ${tables.remittances} SET next_position = ${(todo.at(-1)?.index ?? 0) + 1}
      WHERE id = ${remittanceId}::uuid`,
  );
};

/** The practice's claims with these patient control numbers: each one's id by its control number (no lock). */
const claimIdsByControlNumber = async (
  tx: Executor,
  practiceId: string,
  controlNumbers: readonly string[],
): Promise<Map<string, string>> => {
  const ours = await tx
    .select({ id: tables.claims.id, pcn: tables.claims.patientControlNumber })
    .from(tables.claims)
    .where(
      and(
        eq(tables.claims.practiceId, practiceId),
        sql`${tables.claims.patientControlNumber} = ANY(${pgArray([...new Set(controlNumbers)], "text")}::text[])`,
      ),
    );
  return new Map(ours.map((c) => [c.pcn, c.id]));
};

/** One chunk of a batch decided in file order: its remittance claim rows and work items, as statements to write. */
const decideChunk = (
  batch: PostingBatch,
  ctx: PostContext,
  r: Registered,
  chunk: readonly Claim835[],
  claimByPcn: ReadonlyMap<string, string>,
  malformed: ReadonlyMap<number, ClaimProblems>,
): SQL[] => {
  const remittanceId = r.remittanceId as string;
  const rows: RemittanceClaimRow[] = [];
  const work: WorkItemRow[] = [];
  for (const c of chunk) {
    const era = toEraClaim(c);
    const id = newId(ctx.now.getTime());
    const claimId = claimByPcn.get(c.patientControlNumber) ?? null;
    const problems = malformed.get(c.index);
    let fate: RemittanceClaimFate;
    // Held with the whole remittance (its work item says why), malformed, or decided and planned.
    if (!r.postable) fate = { kind: "held" };
    else if (problems) fate = { kind: "malformed", problems };
    else {
      const result = decideAndApply(batch, ctx, id, era, claimId);
      fate = result.posted ? { kind: "posted" } : { kind: "queued", queue: result.queue };
    }
    const planned = planRemittanceClaim({
      id,
      claim: c,
      era,
      claimId,
      fate,
      newId: () => newId(ctx.now.getTime()),
    });
    rows.push(planned.row);
    if (planned.workItem) work.push(planned.workItem);
  }
  const statements: SQL[] = [
    insertRemittanceClaims(remittanceClaimColumns(rows), ctx.practiceId, remittanceId),
  ];
  if (work.length) {
    statements.push(
      bulkInsert(tables.workQueueItems, {
        id: work.map((w) => w.id),
        remittanceClaimId: work.map((w) => w.remittanceClaimId),
        kind: work.map((w) => w.kind),
        reason: work.map((w) => w.reason),
        details: work.map((w) => w.details),
        practiceId: everyRow(ctx.practiceId),
        remittanceId: everyRow(remittanceId),
        createdAt: everyRow(ctx.now),
      }),
    );
  }
  return statements;
};

/** The remittance's status from what its claims became (once every batch is in), and its counts. */
const finishRemittance = async (
  database: Database,
  remittanceId: string,
  r: SurveyedRemittance,
): Promise<RemittanceImport> =>
  database.db.transaction(async (tx) => {
    await tx
      .select({ id: tables.remittances.id })
      .from(tables.remittances)
      .where(eq(tables.remittances.id, remittanceId))
      .for("update");
    const counts = await tx
      .select({ status: tables.remittanceClaims.postingStatus, n: sql<number>`count(*)::int` })
      .from(tables.remittanceClaims)
      .where(eq(tables.remittanceClaims.remittanceId, remittanceId))
      .groupBy(tables.remittanceClaims.postingStatus);
    const posted = counts.find((c) => c.status === "posted")?.n ?? 0;
    const queued = counts.filter((c) => c.status !== "posted").reduce((a, c) => a + c.n, 0);
    const status = await settleRemittance(tx, remittanceId, { posted, waiting: queued });
    return { remittanceId, traceNumber: r.trace.referenceId, status, claims: r.claimCount, posted, queued };
  });

/** Remittance claim rows as one array per column. */
const remittanceClaimColumns = (rows: readonly RemittanceClaimRow[]) => ({
  id: rows.map((r) => r.id),
  position: rows.map((r) => r.position),
  claimId: rows.map((r) => r.claimId),
  patientControlNumber: rows.map((r) => r.patientControlNumber),
  statusCode: rows.map((r) => r.statusCode),
  chargeCents: rows.map((r) => r.chargeCents),
  paidCents: rows.map((r) => r.paidCents),
  patientResponsibilityCents: rows.map((r) => r.patientResponsibilityCents),
  payerClaimNumber: rows.map((r) => r.payerClaimNumber),
  crossoverPayer: rows.map((r) => r.crossoverPayer),
  remarkCodes: rows.map((r) => r.remarkCodes),
  postingStatus: rows.map((r) => r.postingStatus),
  data: rows.map((r) => r.data),
});
