import {
  bulkInsert,
  type Executor,
  everyRow,
  newId,
  oneStatement,
  pgArray,
  rowsOf,
  runPrepared,
  tables,
} from "@billcycle/db";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { systemActor } from "../auth/actor";
import { invoicePostingStatements } from "../invoices/invoice-payment-status";
import {
  type PostingApplication,
  type PostingClaimFacts,
  type PostingInvoiceFacts,
  type PostingPlan,
  PostingPlanner,
} from "./plan-postings";
import { claimPostingUpdate } from "./transition-claims";

const ERA_POSTING_ACTOR = "era_posting";

/** Claims locked and loaded per round of queries. */
const LOAD_CHUNK = 5000;

/** Column `key` of `rows`, as bulkInsert takes it. */
const column = <R, K extends keyof R>(rows: readonly R[], key: K): Array<R[K]> => rows.map((r) => r[key]);

/**
 * A posting plan as the statements that persist it, to run as one: postings, claims' amounts and states (by their
 * writer), claim history, invoices' amounts and payment status (by its writer, one UPDATE), audit rows and client
 * ledger entries. Each table is one INSERT … SELECT FROM unnest or UPDATE … FROM unnest, whatever the number of
 * rows, and each row is updated once.
 */
export const postingStatements = (practiceId: string, now: Date, plan: PostingPlan): SQL[] => {
  const statements: SQL[] = [];
  const { postings, claimHistory, invoices, audit, ledger } = plan;
  if (postings.length) {
    statements.push(
      bulkInsert(tables.postings, {
        id: column(postings, "id"),
        practiceId: everyRow(practiceId),
        remittanceClaimId: column(postings, "remittanceClaimId"),
        claimId: column(postings, "claimId"),
        claimLineId: column(postings, "claimLineId"),
        invoiceId: column(postings, "invoiceId"),
        kind: column(postings, "kind"),
        groupCode: column(postings, "groupCode"),
        reasonCode: column(postings, "reasonCode"),
        amountCents: column(postings, "amountCents"),
        reversesPostingId: column(postings, "reversesPostingId"),
        actor: column(postings, "actor"),
        createdAt: everyRow(now),
      }),
    );
  }
  if (plan.claims.length) statements.push(claimPostingUpdate(plan.claims, now));
  if (claimHistory.length) {
    statements.push(
      bulkInsert(tables.claimStatusHistory, {
        id: column(claimHistory, "id"),
        practiceId: everyRow(practiceId),
        claimId: column(claimHistory, "claimId"),
        fromStatus: column(claimHistory, "fromStatus"),
        toStatus: column(claimHistory, "toStatus"),
        fromAdjudication: column(claimHistory, "fromAdjudication"),
        toAdjudication: column(claimHistory, "toAdjudication"),
        actor: column(claimHistory, "actor"),
        cause: column(claimHistory, "cause"),
        at: everyRow(now),
      }),
    );
  }
  statements.push(
    ...invoicePostingStatements({ practiceId, now, amounts: invoices, changes: plan.paymentStatusChanges }),
  );
  if (audit.length) {
    const actor = systemActor(practiceId, ERA_POSTING_ACTOR);
    statements.push(
      bulkInsert(tables.auditLog, {
        practiceId: everyRow(actor.practiceId),
        userId: everyRow(actor.userId),
        actor: everyRow(actor.label),
        action: everyRow("create"),
        entity: everyRow("posting"),
        entityId: column(audit, "claimId"),
        at: everyRow(now),
        details: column(audit, "details"),
      }),
    );
  }
  if (ledger.length) {
    const at = now.toISOString();
    statements.push(sql`INSERT INTO ${tables.ledgerEntries} (id, practice_id, client_id, kind, amount_cents, effective_on,
          description, invoice_id, posting_id, created_at, actor)
        SELECT u.id, p.id, u.client_id, u.kind, u.amount, (${at}::timestamptz AT TIME ZONE p.time_zone)::date,
          u.description, u.invoice_id, u.posting_id, ${at}::timestamptz, u.actor
        FROM unnest(${pgArray(column(ledger, "id"), "uuid")}::uuid[], ${pgArray(column(ledger, "clientId"), "uuid")}::uuid[],
          ${pgArray(column(ledger, "kind"), "text")}::text[], ${pgArray(column(ledger, "amountCents"), "bigint")}::bigint[],
          ${pgArray(column(ledger, "description"), "text")}::text[], ${pgArray(column(ledger, "invoiceId"), "uuid")}::uuid[],
          ${pgArray(column(ledger, "postingId"), "uuid")}::uuid[], ${pgArray(column(ledger, "actor"), "text")}::text[])
          AS u(id, client_id, kind, amount, description, invoice_id, posting_id, actor)
        JOIN ${tables.practices} p ON p.id = ${practiceId}::uuid`);
  }
  return statements;
};

/**
 * Posting many claims in one transaction with a few statements instead of a dozen per claim. `load` locks the
 * claims (FOR UPDATE, in id order) and their invoices and reads their lines and postings once, for the planner
 * (plan-postings.ts), which `apply` records plans in; `write` persists what was planned since the last write as
 * one statement, queued behind the writes before it without waiting; it goes out at the caller's next turn of the
 * event loop, so a caller that yields after `write` decides the next claims while the database writes these.
 */
export class PostingBatch {
  private readonly planner: PostingPlanner;
  /** Writes sent and not yet finished: each waits for the one before (one session, in order). */
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly tx: Executor,
    readonly practiceId: string,
    private readonly now: Date,
  ) {
    this.planner = new PostingPlanner(now, newId);
  }

  /**
   * Locks and loads the claims not loaded yet (and their invoices), in id order, `LOAD_CHUNK` claims per round of
   * four queries; claims of other practices are not found.
   */
  async load(claimIds: readonly string[]): Promise<void> {
    const wanted = [...new Set(claimIds)].filter((id) => !this.planner.get(id)).sort();
    for (let i = 0; i < wanted.length; i += LOAD_CHUNK) {
      const ids = pgArray(wanted.slice(i, i + LOAD_CHUNK), "uuid");
      await this.loadClaims(sql`${tables.claims.id} = ANY(${ids}::uuid[])`);
    }
  }

  /**
   * Finds the practice's claims with these patient control numbers, locks and loads them (and their invoices) in
   * id order, in one round of four queries; returns each found claim's id by its control number. Finding and
   * locking are one query, so the batch's turn holds the import's other batches for four queries, not five.
   */
  async loadByControlNumbers(controlNumbers: readonly string[]): Promise<Map<string, string>> {
    const pcns = pgArray([...new Set(controlNumbers)], "text");
    const claims = await this.loadClaims(sql`${tables.claims.patientControlNumber} = ANY(${pcns}::text[])`);
    return new Map(claims.map((c) => [c.patientControlNumber, c.id]));
  }

  /** Locks the practice's claims that `which` selects (id order) and loads them with their lines, postings, invoices. */
  private async loadClaims(which: SQL): Promise<PostingClaimFacts["claim"][]> {
    const locked = await this.tx
      .select({
        id: tables.claims.id,
        payerId: tables.claims.payerId,
        invoiceId: tables.claims.invoiceId,
        patientControlNumber: tables.claims.patientControlNumber,
        status: tables.claims.status,
        adjudication: tables.claims.adjudication,
      })
      .from(tables.claims)
      .where(and(eq(tables.claims.practiceId, this.practiceId), which))
      .orderBy(asc(tables.claims.id))
      .for("update");
    // Claims this batch already knows keep what it planned for them.
    const claims = locked.filter((c) => !this.planner.get(c.id));
    if (claims.length === 0) return locked;
    const found = pgArray(
      claims.map((c) => c.id),
      "uuid",
    );
    // Index probes by construction (a lateral subquery per claim, OFFSET 0 so it is not joined as a whole): at the
    // default random_page_cost the planner read every posting instead (a parallel sequential scan: 72 ms for 1,700
    // claims among 285,000 postings, against 8 ms probing postings_claim_idx), and every claim line likewise.
    const perClaim = (table: SQL, columns: string, order: string) =>
      this.tx.execute(sql`SELECT ${sql.raw(columns)} FROM unnest(${found}::uuid[]) AS u(claim_id)
        CROSS JOIN LATERAL (SELECT * FROM ${table} WHERE claim_id = u.claim_id OFFSET 0) AS r
        ORDER BY ${sql.raw(order)}`);
    const lines = rowsOf<PostingClaimFacts["lines"][number] & { claimId: string }>(
      await perClaim(
        sql`${tables.claimLines}`,
        `r.claim_id AS "claimId", r.id, r.line_number AS "lineNumber", r.control_number AS "controlNumber", r.code,
          r.date_of_service::text AS "dateOfService", r.charge_cents::float8 AS "chargeCents"`,
        "r.claim_id, r.line_number",
      ),
    );
    const postings = rowsOf<PostingClaimFacts["existing"][number] & { claimId: string }>(
      await perClaim(
        sql`${tables.postings}`,
        `r.claim_id AS "claimId", r.id, r.kind, r.amount_cents::float8 AS "amountCents",
          r.claim_line_id AS "claimLineId", r.group_code AS "groupCode", r.reason_code AS "reasonCode",
          r.reverses_posting_id AS "reversesPostingId"`,
        "r.created_at, r.id",
      ),
    );
    const invoiceIds = [...new Set(claims.map((c) => c.invoiceId))]
      .filter((id) => !this.planner.knowsInvoice(id))
      .sort();
    const invoices: PostingInvoiceFacts[] = invoiceIds.length
      ? await this.tx
          .select({
            id: tables.invoices.id,
            status: tables.invoices.status,
            clientId: tables.invoices.clientId,
            number: tables.invoices.number,
            paymentStatus: tables.invoices.paymentStatus,
            insuranceCents: tables.invoices.insuranceCents,
            insurancePaidCents: tables.invoices.insurancePaidCents,
            adjustmentCents: tables.invoices.adjustmentCents,
            clientCents: tables.invoices.clientCents,
            clientPaidCents: tables.invoices.clientPaidCents,
            clientWrittenOffCents: tables.invoices.clientWrittenOffCents,
          })
          .from(tables.invoices)
          .where(
            and(
              eq(tables.invoices.practiceId, this.practiceId),
              sql`${tables.invoices.id} = ANY(${pgArray(invoiceIds, "uuid")}::uuid[])`,
            ),
          )
          .orderBy(asc(tables.invoices.id))
          .for("update")
      : [];
    const facts = new Map<string, PostingClaimFacts>();
    for (const claim of claims) facts.set(claim.id, { claim, lines: [], existing: [] });
    for (const { claimId, ...l } of lines) facts.get(claimId)?.lines.push(l);
    for (const { claimId, ...p } of postings) facts.get(claimId)?.existing.push(p);
    this.planner.know([...facts.values()], invoices);
    return locked;
  }

  /** A loaded claim, its lines and its postings so far (this batch's included); undefined when not found. */
  get(claimId: string): PostingClaimFacts | undefined {
    return this.planner.get(claimId);
  }

  /** Records a plan (see PostingPlanner.apply); nothing is written until `write`. */
  apply(input: PostingApplication): void {
    this.planner.apply(input);
  }

  /**
   * Sends what was planned since the last call (after any `extra` statements of the caller's) as one statement,
   * behind the writes sent before it, without waiting. A failed write fails `finish()` (and the transaction); the
   * writes after it are not sent.
   */
  write(extra: readonly SQL[] = []): void {
    const all = [...extra, ...postingStatements(this.practiceId, this.now, this.planner.take())];
    if (all.length === 0) return;
    const statement = oneStatement(all);
    this.pending = this.pending.then(() => runPrepared(this.tx, statement));
    // Observed by finish() or settle(); never an unhandled rejection in between.
    this.pending.catch(() => undefined);
  }

  /** Waits for every write sent; rejects with the first failure. */
  async finish(): Promise<void> {
    await this.pending;
  }

  /**
   * Waits for every write sent, ignoring failures: a caller that fails must not let its transaction end while a
   * write is still on the session.
   */
  async settle(): Promise<void> {
    await this.pending.catch(() => undefined);
  }

  /** `write` then `finish`. */
  async flush(extra: readonly SQL[] = []): Promise<void> {
    this.write(extra);
    await this.finish();
  }
}
