import {
  type ClaimState as ClaimStatePair,
  decideResponsibilityChange,
  type ExistingPosting,
  type InvoicePaymentStatus,
  nextClaimState,
  type PlannedPosting,
  type PostingKind,
  postingEffects,
} from "@billcycle/core";
import { type Executor, newId, tables } from "@billcycle/db";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { systemActor } from "../auth/actor";
import { bulkInsert, everyRow, oneStatement, pgArray, runPrepared } from "../billing/bulk-insert";
import {
  type PaymentStatusChange,
  paymentStatusStatements,
  planPaymentStatus,
} from "../invoices/invoice-payment-status";
import { type ClaimCause, claimPostingUpdate } from "./transition-claims";

type ClaimRow = typeof tables.claims.$inferSelect;
type ClaimLineRow = typeof tables.claimLines.$inferSelect;
type InvoiceRow = typeof tables.invoices.$inferSelect;

/** What posting one remittance claim (or a person's decision) does to one claim. */
export type PostingApplication = {
  claimId: string;
  remittanceClaimId: string | null;
  postings: PlannedPosting[];
  claimOutcome: "paid" | "partially_paid" | "denied" | "reversed";
  payerClaimNumber: string | null;
  cause: ClaimCause;
  actor: string;
};

/**
 * A claim as loaded (locked) by a posting batch — the columns posting reads — with its lines and every posting so
 * far, this batch's included.
 */
export type BatchClaim = {
  claim: Pick<ClaimRow, "id" | "payerId" | "invoiceId" | "patientControlNumber" | "status" | "adjudication">;
  lines: Array<
    Pick<ClaimLineRow, "id" | "lineNumber" | "controlNumber" | "code" | "dateOfService" | "chargeCents">
  >;
  existing: ExistingPosting[];
};

type InvoiceAmounts = Pick<
  InvoiceRow,
  | "id"
  | "status"
  | "clientId"
  | "number"
  | "paymentStatus"
  | "insuranceCents"
  | "insurancePaidCents"
  | "adjustmentCents"
  | "clientCents"
  | "clientPaidCents"
  | "clientWrittenOffCents"
>;

type ClaimState = BatchClaim & {
  state: ClaimStatePair;
  /** The state last written (or loaded): the claim's move is from it to `state`. */
  written: ClaimStatePair;
  paidDelta: number;
  patientDelta: number;
  payerClaimNumber: string | null;
  versionDelta: number;
  touched: boolean;
};

type InvoiceState = {
  row: InvoiceAmounts;
  insurancePaidDelta: number;
  adjustmentDelta: number;
  toClientDelta: number;
  versionDelta: number;
  touched: boolean;
};

const ERA_POSTING_ACTOR = "era_posting";

/**
 * Posting many claims in one transaction with a few statements instead of a dozen per claim. `load` locks the
 * claims (FOR UPDATE, in id order) and their invoices and reads their lines and postings once; `apply` decides
 * nothing — it records a posting plan in memory exactly as posting claim by claim would (postings appended,
 * amounts, the status transition by the claim transition table with its history row, the invoice's amounts, its
 * payment status by its writer and a client ledger entry for a changed client share, one audit row), so a later plan for the same claim sees the earlier one (a
 * reversal and its correction in one remittance); `statements` turns what was recorded since the last call into
 * SQL (bulk inserts, one UPDATE … FROM unnest per table, amounts as deltas) for the caller to run on the same
 * transaction; the loaded state stays, so later plans keep deciding on it while earlier writes are still running.
 */
export class PostingBatch {
  private readonly claims = new Map<string, ClaimState>();
  private readonly invoices = new Map<string, InvoiceState>();
  private touchedClaims: ClaimState[] = [];
  private touchedInvoices: InvoiceState[] = [];
  /** Writes sent and not yet finished: each waits for the one before (one session, in order). */
  private pending: Promise<unknown> = Promise.resolve();
  private postings = newPostingRows();
  private claimHistory = newClaimHistoryRows();
  private paymentStatusChanges: Array<PaymentStatusChange & { actor: string; cause: string }> = [];
  private ledger = newLedgerRows();
  private audit = newAuditRows();

  constructor(
    private readonly tx: Executor,
    readonly practiceId: string,
    private readonly now: Date,
  ) {}

  /**
   * Locks and loads the claims not loaded yet (and their invoices), in id order, `LOAD_CHUNK` claims per round of
   * four queries; claims of other practices are not found.
   */
  async load(claimIds: readonly string[]): Promise<void> {
    const wanted = [...new Set(claimIds)].filter((id) => !this.claims.has(id)).sort();
    for (let i = 0; i < wanted.length; i += LOAD_CHUNK) await this.loadSome(wanted.slice(i, i + LOAD_CHUNK));
  }

  private async loadSome(wanted: readonly string[]): Promise<void> {
    const ids = pgArray(wanted, "uuid");
    const claims = await this.tx
      .select({
        id: tables.claims.id,
        payerId: tables.claims.payerId,
        invoiceId: tables.claims.invoiceId,
        patientControlNumber: tables.claims.patientControlNumber,
        status: tables.claims.status,
        adjudication: tables.claims.adjudication,
      })
      .from(tables.claims)
      .where(
        and(eq(tables.claims.practiceId, this.practiceId), sql`${tables.claims.id} = ANY(${ids}::uuid[])`),
      )
      .orderBy(asc(tables.claims.id))
      .for("update");
    if (claims.length === 0) return;
    const found = pgArray(
      claims.map((c) => c.id),
      "uuid",
    );
    const lines = await this.tx
      .select({
        claimId: tables.claimLines.claimId,
        id: tables.claimLines.id,
        lineNumber: tables.claimLines.lineNumber,
        controlNumber: tables.claimLines.controlNumber,
        code: tables.claimLines.code,
        dateOfService: tables.claimLines.dateOfService,
        chargeCents: tables.claimLines.chargeCents,
      })
      .from(tables.claimLines)
      .where(sql`${tables.claimLines.claimId} = ANY(${found}::uuid[])`)
      .orderBy(asc(tables.claimLines.claimId), asc(tables.claimLines.lineNumber));
    const postings = await this.tx
      .select({
        claimId: tables.postings.claimId,
        id: tables.postings.id,
        kind: tables.postings.kind,
        amountCents: tables.postings.amountCents,
        claimLineId: tables.postings.claimLineId,
        groupCode: tables.postings.groupCode,
        reasonCode: tables.postings.reasonCode,
        reversesPostingId: tables.postings.reversesPostingId,
      })
      .from(tables.postings)
      .where(sql`${tables.postings.claimId} = ANY(${found}::uuid[])`)
      .orderBy(asc(tables.postings.createdAt), asc(tables.postings.id));
    const invoiceIds = [...new Set(claims.map((c) => c.invoiceId))]
      .filter((id) => !this.invoices.has(id))
      .sort();
    const invoices = invoiceIds.length
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
    for (const c of claims) {
      this.claims.set(c.id, {
        claim: c,
        lines: [],
        existing: [],
        state: { status: c.status, adjudication: c.adjudication } as ClaimStatePair,
        written: { status: c.status, adjudication: c.adjudication } as ClaimStatePair,
        paidDelta: 0,
        patientDelta: 0,
        payerClaimNumber: null,
        versionDelta: 0,
        touched: false,
      });
    }
    for (const { claimId, ...l } of lines) this.claims.get(claimId)?.lines.push(l);
    for (const { claimId, ...p } of postings) this.claims.get(claimId)?.existing.push(p as ExistingPosting);
    for (const row of invoices) {
      this.invoices.set(row.id, {
        row,
        insurancePaidDelta: 0,
        adjustmentDelta: 0,
        toClientDelta: 0,
        versionDelta: 0,
        touched: false,
      });
    }
  }

  /** A loaded claim, its lines and its postings so far (this batch's included); undefined when not found. */
  get(claimId: string): BatchClaim | undefined {
    return this.claims.get(claimId);
  }

  /**
   * Records a plan: the postings (append-only; reversals name what they undo), the claim's paid and patient
   * amounts and its status (moves the transition table refuses are left out, as `transitionClaims` does), the
   * invoice's insurance paid, write-offs and client share and its status, and the audit row.
   */
  apply(input: PostingApplication): void {
    const c = this.claims.get(input.claimId);
    if (!c) return;
    const now = this.now;
    const invoiceId = c.claim.invoiceId;
    let lastPostingId: string | null = null;
    for (const p of input.postings) {
      const id = newId(now.getTime());
      lastPostingId = id;
      const rows = this.postings;
      rows.id.push(id);
      rows.remittanceClaimId.push(input.remittanceClaimId);
      rows.claimId.push(input.claimId);
      rows.claimLineId.push(p.claimLineId);
      rows.invoiceId.push(invoiceId);
      rows.kind.push(p.kind);
      rows.groupCode.push(p.groupCode);
      rows.reasonCode.push(p.reasonCode);
      rows.amountCents.push(p.amountCents);
      rows.reversesPostingId.push(p.reversesPostingId);
      rows.actor.push(input.actor);
      c.existing.push({
        id,
        kind: p.kind as PostingKind,
        amountCents: p.amountCents,
        claimLineId: p.claimLineId,
        groupCode: p.groupCode,
        reasonCode: p.reasonCode,
        reversesPostingId: p.reversesPostingId,
      });
    }
    const moneyMoved = postingEffects(input.postings);
    c.paidDelta += moneyMoved.insurancePaidCents;
    c.patientDelta += moneyMoved.toClientCents;
    if (input.payerClaimNumber) c.payerClaimNumber = input.payerClaimNumber;
    if (!c.touched) {
      c.touched = true;
      this.touchedClaims.push(c);
    }
    const to = nextClaimState(c.state, input.claimOutcome);
    if (to) {
      const h = this.claimHistory;
      h.id.push(newId(now.getTime()));
      h.claimId.push(input.claimId);
      h.fromStatus.push(c.state.status);
      h.toStatus.push(to.status);
      h.fromAdjudication.push(c.state.adjudication);
      h.toAdjudication.push(to.adjudication);
      h.actor.push(input.actor);
      h.cause.push(input.cause);
      c.state = to;
      c.claim.status = to.status;
      c.claim.adjudication = to.adjudication;
      c.versionDelta++;
    }

    const inv = this.invoices.get(invoiceId);
    if (!inv) return;
    inv.insurancePaidDelta += moneyMoved.insurancePaidCents;
    inv.adjustmentDelta += moneyMoved.writeOffCents;
    inv.toClientDelta += moneyMoved.toClientCents;
    inv.versionDelta++;
    if (!inv.touched) {
      inv.touched = true;
      this.touchedInvoices.push(inv);
    }
    const row = inv.row;
    const clientBefore = row.clientCents;
    row.insurancePaidCents += moneyMoved.insurancePaidCents;
    row.adjustmentCents += moneyMoved.writeOffCents;
    row.insuranceCents -= moneyMoved.toClientCents;
    row.clientCents += moneyMoved.toClientCents;
    const cause = `remittance posting (claim ${c.claim.patientControlNumber})`;
    // The payment status by its one rule and writer; the invoice's lifecycle is not posting's to change.
    const change = row.status === "void" ? null : planPaymentStatus(invoiceId, row.paymentStatus, row);
    if (change) {
      this.paymentStatusChanges.push({ ...change, actor: input.actor, cause });
      row.paymentStatus = change.to as InvoicePaymentStatus;
    }
    // An issued invoice's client responsibility is in the ledger: one entry for the difference.
    const responsibility = decideResponsibilityChange(clientBefore, row.clientCents);
    if (responsibility && (row.status === "open" || row.status === "processed")) {
      const l = this.ledger;
      l.id.push(newId(now.getTime()));
      l.clientId.push(row.clientId);
      l.kind.push(responsibility.kind);
      l.amountCents.push(responsibility.signedCents);
      l.description.push(
        `Insurance: your share of ${row.number} ${responsibility.kind === "charge" ? "rose" : "fell"}`,
      );
      l.invoiceId.push(invoiceId);
      l.postingId.push(lastPostingId);
      l.actor.push(input.actor);
    }
    this.audit.entityId.push(input.claimId);
    this.audit.details.push({ postings: input.postings.length, remittanceClaimId: input.remittanceClaimId });
  }

  /** The writes recorded since the last call, as statements to run in order on the batch's transaction. */
  statements(): SQL[] {
    const out: SQL[] = [];
    const now = this.now;
    const practiceId = this.practiceId;
    if (this.postings.id.length) {
      out.push(
        bulkInsert(tables.postings, {
          ...this.postings,
          practiceId: everyRow(practiceId),
          createdAt: everyRow(now),
        }),
      );
    }
    const claims = this.touchedClaims;
    this.touchedClaims = [];
    if (claims.length) {
      out.push(
        claimPostingUpdate(
          claims.map((c) => {
            const row = {
              id: c.claim.id,
              paidDelta: c.paidDelta,
              patientDelta: c.patientDelta,
              payerClaimNumber: c.payerClaimNumber,
              versionDelta: c.versionDelta,
              from: c.written,
              to: c.state,
            };
            c.written = c.state;
            return row;
          }),
          now,
        ),
      );
      for (const c of claims) {
        c.paidDelta = 0;
        c.patientDelta = 0;
        c.payerClaimNumber = null;
        c.versionDelta = 0;
        c.touched = false;
      }
    }
    if (this.claimHistory.id.length) {
      out.push(
        bulkInsert(tables.claimStatusHistory, {
          ...this.claimHistory,
          practiceId: everyRow(practiceId),
          at: everyRow(now),
        }),
      );
    }
    const invoices = this.touchedInvoices;
    this.touchedInvoices = [];
    if (invoices.length) {
      out.push(sql`UPDATE ${tables.invoices} AS i SET insurance_paid_cents = i.insurance_paid_cents + u.paid,
        adjustment_cents = i.adjustment_cents + u.adjustment, insurance_cents = i.insurance_cents - u.to_client,
        client_cents = i.client_cents + u.to_client, version = i.version + u.versions,
        updated_at = ${now.toISOString()}::timestamptz
        FROM unnest(${pgArray(
          invoices.map((i) => i.row.id),
          "uuid",
        )}::uuid[], ${pgArray(
          invoices.map((i) => i.insurancePaidDelta),
          "bigint",
        )}::bigint[], ${pgArray(
          invoices.map((i) => i.adjustmentDelta),
          "bigint",
        )}::bigint[], ${pgArray(
          invoices.map((i) => i.toClientDelta),
          "bigint",
        )}::bigint[], ${pgArray(
          invoices.map((i) => i.versionDelta),
          "integer",
        )}::integer[]) AS u(id, paid, adjustment, to_client, versions)
        WHERE i.id = u.id`);
      for (const i of invoices) {
        i.insurancePaidDelta = 0;
        i.adjustmentDelta = 0;
        i.toClientDelta = 0;
        i.versionDelta = 0;
        i.touched = false;
      }
    }
    if (this.audit.entityId.length) {
      const actor = systemActor(practiceId, ERA_POSTING_ACTOR);
      out.push(
        bulkInsert(tables.auditLog, {
          practiceId: everyRow(actor.practiceId),
          userId: everyRow(actor.userId),
          actor: everyRow(actor.label),
          action: everyRow("create"),
          entity: everyRow("posting"),
          entityId: this.audit.entityId,
          at: everyRow(now),
          details: this.audit.details,
        }),
      );
    }
    this.postings = newPostingRows();
    this.claimHistory = newClaimHistoryRows();
    this.audit = newAuditRows();
    return out;
  }

  /**
   * What must follow the amounts in a statement of its own (a statement may update a row once): the payment
   * status changes, by their writer, and the client ledger entries for changed client responsibility.
   */
  private followingStatements(): SQL[] {
    const out: SQL[] = [];
    const changes = this.paymentStatusChanges;
    this.paymentStatusChanges = [];
    out.push(
      ...paymentStatusStatements({
        practiceId: this.practiceId,
        changes,
        now: this.now,
        actor: changes[0]?.actor ?? ERA_POSTING_ACTOR,
        cause: changes.map((c) => c.cause),
      }),
    );
    const l = this.ledger;
    this.ledger = newLedgerRows();
    if (l.id.length) {
      const now = this.now.toISOString();
      out.push(sql`INSERT INTO ${tables.ledgerEntries} (id, practice_id, client_id, kind, amount_cents, effective_on,
          description, invoice_id, posting_id, created_at, actor)
        SELECT u.id, p.id, u.client_id, u.kind, u.amount, (${now}::timestamptz AT TIME ZONE p.time_zone)::date,
          u.description, u.invoice_id, u.posting_id, ${now}::timestamptz, u.actor
        FROM unnest(${pgArray(l.id, "uuid")}::uuid[], ${pgArray(l.clientId, "uuid")}::uuid[],
          ${pgArray(l.kind, "text")}::text[], ${pgArray(l.amountCents, "bigint")}::bigint[],
          ${pgArray(l.description, "text")}::text[], ${pgArray(l.invoiceId, "uuid")}::uuid[],
          ${pgArray(l.postingId, "uuid")}::uuid[], ${pgArray(l.actor, "text")}::text[])
          AS u(id, client_id, kind, amount, description, invoice_id, posting_id, actor)
        JOIN ${tables.practices} p ON p.id = ${this.practiceId}::uuid`);
    }
    return out;
  }

  /**
   * Sends `statements()` (after any `extra` statements of the caller's) as one statement, behind the writes sent
   * before it, without waiting: the caller goes on deciding the next claims while the database writes these.
   * A failed write fails `finish()` (and the transaction); the writes after it are not sent.
   */
  write(extra: readonly SQL[] = []): void {
    const all = [...extra, ...this.statements()];
    const following = this.followingStatements();
    if (all.length === 0 && following.length === 0) return;
    const statement = all.length ? oneStatement(all) : null;
    const then = following.length ? oneStatement(following) : null;
    this.pending = this.pending
      .then(() => statement && runPrepared(this.tx, statement))
      .then(() => then && runPrepared(this.tx, then));
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

/** Claims locked and loaded per round of queries. */
const LOAD_CHUNK = 5000;

const newPostingRows = () => ({
  id: [] as string[],
  remittanceClaimId: [] as Array<string | null>,
  claimId: [] as string[],
  claimLineId: [] as Array<string | null>,
  invoiceId: [] as string[],
  kind: [] as string[],
  groupCode: [] as Array<string | null>,
  reasonCode: [] as Array<string | null>,
  amountCents: [] as number[],
  reversesPostingId: [] as Array<string | null>,
  actor: [] as string[],
});
const newClaimHistoryRows = () => ({
  id: [] as string[],
  claimId: [] as string[],
  fromStatus: [] as string[],
  toStatus: [] as string[],
  fromAdjudication: [] as string[],
  toAdjudication: [] as string[],
  actor: [] as string[],
  cause: [] as ClaimCause[],
});
const newLedgerRows = () => ({
  id: [] as string[],
  clientId: [] as string[],
  kind: [] as string[],
  amountCents: [] as number[],
  description: [] as string[],
  invoiceId: [] as string[],
  postingId: [] as Array<string | null>,
  actor: [] as string[],
});
const newAuditRows = () => ({
  entityId: [] as string[],
  details: [] as Array<Record<string, unknown>>,
});
