import { createHash } from "node:crypto";
import { describeRule, findExcludingRule, type RuleFacts } from "@billcycle/core";
import { bulkInsert, type Database, everyRow, newId, runPrepared, tables } from "@billcycle/db";
import { type Batch837P, type ControlNumberKind, write837P } from "@billcycle/x12";
import { and, asc, count, eq, gte, lt, lte, or } from "drizzle-orm";
import { DateTime } from "luxon";
import { type OutcomeInput, recordOutcomes } from "../automation/record-outcomes";
import { allocateNumbers } from "../billing/allocate-numbers";
import { letRequestsIn, PGLITE_NIGHTLY_BATCH, yieldToEventLoop } from "../billing/batching";
import { loadBillingContext } from "../billing/billing-context";
import type { PipelineRunInput } from "./claims-pipeline-port";
import { loadClearinghouse, submitterContactMissing } from "./clearinghouse-context";
import { insertOutboundFile } from "./clearinghouse-file-status-writer";
import { claimsInFlight, deliverFile } from "./deliver-file";
import type { ClaimDetails } from "./load-claim-details";
import { asX12Text, toClaim837 } from "./map-claim";
import { type ScrubResult, scrubClaimsWithDetails } from "./scrub-claims";
import type { TransportResolverDeps } from "./transport-deps";

/** A claim awaiting submission that this run leaves for later, and why (what Submit now can override). */
export type HeldClaim = {
  claimId: string;
  patientControlNumber: string;
  code: "RESTING" | "EXCLUDED_BY_RULE";
  message: string;
};

export type SubmitResult = {
  considered: number;
  scrubberRejected: number;
  excluded: number;
  submitted: number;
  files: number;
  delivery: string;
  /** Claims left for later: resting their day (staggered cadence) or excluded by a rule; the first 100 listed. */
  held: { resting: number; excluded: number; claims: HeldClaim[] };
};

const HELD_LISTED = 100;

/**
 * Claims Submission: claims awaiting submission (from an earlier day, with the staggered cadence) and rejected
 * claims that may have been fixed are scrubbed; those that pass are written into one 837P file for the
 * practice's clearinghouse, stored, and delivered. `dryRun` scrubs and writes the file in memory only.
 */
export const submitClaims = async (
  database: Database,
  input: PipelineRunInput,
  now: Date,
  deps: TransportResolverDeps,
  options: {
    dryRun?: boolean;
    /** A person's "send them anyway": claims resting their day and claims an exclusion rule holds go too. */
    sendHeld?: boolean;
  } = {},
): Promise<SubmitResult & { fileContent?: string }> => {
  const ctx = await loadBillingContext(database.db, input.practiceId, input.today);
  const startOfToday = DateTime.fromISO(input.today, { zone: ctx.timeZone }).startOf("day").toJSDate();
  const resting = ctx.config.cadence === "staggered" && !options.sendHeld;
  const created = resting ? lt(tables.claims.createdAt, startOfToday) : lte(tables.claims.createdAt, now);
  const candidates = await database.db
    .select({
      id: tables.claims.id,
      payerId: tables.claims.payerId,
      totalCents: tables.claims.totalCents,
      payerRank: tables.claims.payerRank,
      patientControlNumber: tables.claims.patientControlNumber,
    })
    .from(tables.claims)
    .where(
      and(
        eq(tables.claims.practiceId, input.practiceId),
        or(
          and(eq(tables.claims.status, "awaiting_submission"), created),
          eq(tables.claims.status, "scrubber_rejected"),
        ),
      ),
    )
    .orderBy(asc(tables.claims.id));
  const inFlight = await claimsInFlight(
    database,
    input.practiceId,
    candidates.map((c) => c.id),
  );
  const outcomes: OutcomeInput[] = [];
  const rules = options.sendHeld ? [] : ctx.config.automations.claims_submission.rules;
  const held: HeldClaim[] = [];
  const eligible = candidates.filter((c) => {
    if (inFlight.has(c.id)) return false;
    const facts: RuleFacts = { primary_payer: c.payerId, amount: c.totalCents, claim_level: c.payerRank };
    const rule = findExcludingRule(rules, facts);
    if (!rule) return true;
    const message = `excluded by rule '${rule.name}' (${describeRule(rule, ctx.eligibility.labels)})`;
    held.push({
      claimId: c.id,
      patientControlNumber: c.patientControlNumber,
      code: "EXCLUDED_BY_RULE",
      message,
    });
    outcomes.push({
      subjectType: "claim",
      subjectId: c.id,
      outcome: "skipped",
      reasons: [{ code: "EXCLUDED_BY_RULE", message }],
      message,
    });
    return false;
  });
  const restingClaims = resting
    ? await restingToday(database, { practiceId: input.practiceId, startOfToday, now })
    : { count: 0, claims: [] };
  const result: SubmitResult & { fileContent?: string } = {
    considered: candidates.length,
    scrubberRejected: 0,
    excluded: candidates.length - eligible.length - inFlight.size,
    submitted: 0,
    files: 0,
    delivery: "none",
    held: {
      resting: restingClaims.count,
      excluded: held.length,
      claims: [...held, ...restingClaims.claims].slice(0, HELD_LISTED),
    },
  };
  const scrubbed: ScrubResult[] = [];
  const scrubbedDetails: ClaimDetails[] = [];
  // On PGlite every statement runs on the event loop's thread: scrub a bounded batch per transaction and let API
  // requests in between (10,000 claims in one scrub held the embedded server for seconds). PostgreSQL: one, whose
  // results are written and committed while the 837P is rendered from them (awaited before the file is stored).
  const scrubBatch = database.kind === "pglite" ? PGLITE_NIGHTLY_BATCH : Math.max(1, eligible.length);
  const scrubsWritten: Array<Promise<unknown>> = [];
  for (let start = 0; start < eligible.length; start += scrubBatch) {
    const batchStart = performance.now();
    const request = {
      practiceId: input.practiceId,
      claimIds: eligible.slice(start, start + scrubBatch).map((c) => c.id),
      today: input.today,
      now,
    };
    const { results, details } = options.dryRun
      ? await scrubClaimsWithDetails(database.db, { ...request, actor: "dry-run", persist: false })
      : await decidedWhileWriting<{ results: ScrubResult[]; details: ClaimDetails[] }>(
          database,
          (onDecided) =>
            database.db.transaction((tx) =>
              scrubClaimsWithDetails(tx, { ...request, actor: "system:claims_submission" }, onDecided),
            ),
          scrubsWritten,
        );
    for (const r of results) scrubbed.push(r);
    for (const d of details) scrubbedDetails.push(d);
    if (start + scrubBatch < eligible.length) await letRequestsIn(database, performance.now() - batchStart);
  }
  const passing = scrubbed.filter((s) => !s.blocked);
  for (const s of scrubbed.filter((x) => x.blocked)) {
    const blocking = s.edits.filter((e) => e.severity === "blocking");
    outcomes.push({
      subjectType: "claim",
      subjectId: s.claimId,
      outcome: "skipped",
      reasons: blocking.map((e) => ({ code: e.code, message: e.message })),
      message: `scrubber rejected claim ${s.patientControlNumber}: ${blocking.map((e) => e.message).join("; ")}`,
    });
  }
  result.scrubberRejected = scrubbed.length - passing.length;

  if (passing.length > 0) {
    // The 837P carries exactly what was scrubbed (the results are in the details' order).
    const details = scrubbedDetails.filter((_, i) => !scrubbed[i]!.blocked);
    const { connection, envelope } = await loadClearinghouse(database.db, input.practiceId);
    const contact = envelope.contact;
    if (!contact) throw submitterContactMissing();
    const transactions = Math.ceil((details.length * 2) / 5000) + 1;
    const numbers = options.dryRun
      ? { interchange: 1, group: 1, transaction: 1 }
      : await database.db.transaction(async (tx) => ({
          interchange: await allocateNumbers(tx, input.practiceId, "isa", 1, 1),
          group: await allocateNumbers(tx, input.practiceId, "gs", 1, 1),
          transaction: await allocateNumbers(tx, input.practiceId, "st", transactions, 1),
        }));
    const issued: Record<ControlNumberKind, number[]> = { interchange: [], group: [], transaction: [] };
    const next = { ...numbers };
    const local = DateTime.fromJSDate(now, { zone: ctx.timeZone });
    const batch: Batch837P = {
      interchange: {
        senderQualifier: "ZZ",
        senderId: envelope.submitterId,
        receiverQualifier: "ZZ",
        receiverId: envelope.receiverId,
        usage: envelope.usage,
        date: local.toISODate()!,
        time: local.toFormat("HHmm"),
      },
      group: { senderCode: envelope.submitterId, receiverCode: envelope.receiverId },
      transactions: [
        {
          // The clearinghouse settings' names, spelled for X12 as the claims are.
          header: asX12Text({
            referenceId: `${input.today.replaceAll("-", "")}${numbers.interchange}`.slice(0, 30),
            date: local.toISODate()!,
            time: local.toFormat("HHmm"),
            submitter: {
              name: {
                entityType: "2",
                lastName: envelope.submitterName,
                idQualifier: "46",
                id: envelope.submitterId,
              },
              contacts: [
                {
                  name: contact.name,
                  numbers: [
                    ...(contact.phone ? [{ qualifier: "TE" as const, value: contact.phone }] : []),
                    ...(contact.email ? [{ qualifier: "EM" as const, value: contact.email }] : []),
                  ],
                },
              ],
            },
            receiver: {
              name: {
                entityType: "2",
                lastName: envelope.receiverName,
                idQualifier: "46",
                id: envelope.receiverId,
              },
            },
          }),
          claims: details.map(toClaim837),
        },
      ],
    };
    const content = write837P(batch, {
      controlNumbers: (kind) => {
        const n = next[kind]++;
        issued[kind].push(n);
        return n;
      },
      now: () => now,
    });
    // The scrub results are committed before the file that carries the claims is stored.
    await Promise.all(scrubsWritten);
    if (options.dryRun) {
      result.fileContent = content;
      result.submitted = details.length;
      result.files = 1;
      result.delivery = "dry-run";
      return result;
    }
    const fileId = newId(now.getTime());
    // Unique across practices that share a clearinghouse folder: reconciliation looks files up by name.
    const name = `837P-${input.today}-${String(numbers.interchange).padStart(9, "0")}-${fileId}.x12`;
    const st = issued.transaction.map((n) => String(n).padStart(4, "0"));
    await database.db.transaction(async (tx) => {
      await insertOutboundFile(tx, {
        id: fileId,
        practiceId: input.practiceId,
        connectionId: connection?.id ?? null,
        kind: "837P",
        name,
        sha256: createHash("sha256").update(content).digest("hex"),
        bytes: Buffer.byteLength(content, "latin1"),
        content,
        interchangeControlNumber: String(numbers.interchange).padStart(9, "0"),
        groupControlNumber: String(numbers.group),
        transactionControlNumbers: st,
        createdAt: now,
      });
      await runPrepared(
        tx,
        bulkInsert(tables.claimSubmissions, {
          practiceId: everyRow(input.practiceId),
          claimId: details.map((d) => d.claim.id),
          fileId: everyRow(fileId),
          transactionControlNumber: everyRow(st[0] ?? "0001"),
          createdAt: everyRow(now),
        }),
      );
    });
    const delivery = await deliverFile(database, fileId, now, deps);
    result.files = 1;
    result.delivery = delivery.status;
    result.submitted = delivery.status === "sent" ? details.length : 0;
    for (const d of details) {
      outcomes.push({
        subjectType: "claim",
        subjectId: d.claim.id,
        outcome: delivery.status === "sent" ? "done" : "skipped",
        reasons:
          delivery.status === "sent"
            ? []
            : [{ code: "DELIVERY_PENDING", message: `file ${name} not yet delivered (${delivery.status})` }],
        message:
          delivery.status === "sent"
            ? `claim ${d.claim.patientControlNumber} sent in ${name}`
            : `claim ${d.claim.patientControlNumber} waits for ${name} to be delivered`,
        relatedId: fileId,
      });
    }
  }
  // Awaited above when the file was stored; here too when no claim passed.
  await Promise.all(scrubsWritten);
  if (!options.dryRun) {
    await recordOutcomes(
      database.db,
      {
        practiceId: input.practiceId,
        runId: input.runId,
        automation: "claims_submission",
        trigger: input.trigger,
        at: now,
      },
      outcomes,
    );
  }
  return result;
};

/**
 * Runs a scrub that reports its decisions before writing them. On PostgreSQL it returns the decisions at once and
 * adds the write (its transaction) to `writes`, for the caller to await before anything that depends on it is
 * stored; a scrub that fails before deciding rejects here. PGlite (one session) waits for the write.
 */
const decidedWhileWriting = async <T>(
  database: Database,
  scrub: (onDecided: (decided: T) => void) => Promise<T>,
  writes: Array<Promise<unknown>>,
): Promise<T> => {
  if (database.kind === "pglite") return scrub(() => undefined);
  let decided: (value: T) => void = () => undefined;
  const decisions = new Promise<T>((resolve) => {
    decided = resolve;
  });
  const written = scrub((value) => decided(value));
  // Observed by the caller's Promise.all; never an unhandled rejection meanwhile.
  written.catch(() => undefined);
  writes.push(written);
  const first = await Promise.race([decisions, written]);
  // The write goes out before the caller goes on to render.
  await yieldToEventLoop();
  return first;
};

/** Claims created today that the staggered cadence rests until tomorrow's run: how many, and the first ones. */
const restingToday = async (
  database: Database,
  { practiceId, startOfToday, now }: { practiceId: string; startOfToday: Date; now: Date },
): Promise<{ count: number; claims: HeldClaim[] }> => {
  const where = and(
    eq(tables.claims.practiceId, practiceId),
    eq(tables.claims.status, "awaiting_submission"),
    gte(tables.claims.createdAt, startOfToday),
    lte(tables.claims.createdAt, now),
  );
  const [{ n } = { n: 0 }] = await database.db.select({ n: count() }).from(tables.claims).where(where);
  const rows = await database.db
    .select({ id: tables.claims.id, pcn: tables.claims.patientControlNumber })
    .from(tables.claims)
    .where(where)
    .orderBy(asc(tables.claims.id))
    .limit(HELD_LISTED);
  return {
    count: n,
    claims: rows.map((r) => ({
      claimId: r.id,
      patientControlNumber: r.pcn,
      code: "RESTING",
      message: "created today: with one step per day it rests until the next run",
    })),
  };
};
