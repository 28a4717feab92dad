import {
  type ClaimState,
  decideResponsibilityChange,
  type ExistingPosting,
  type InvoicePaymentStatus,
  nextClaimState,
  type PlannedPosting,
  type PostingKind,
  postingEffects,
} from "@billcycle/core";
import type { tables } from "@billcycle/db";
import {
  type InvoiceAmountsChange,
  type PaymentStatusChange,
  planPaymentStatus,
} from "../invoices/invoice-payment-status";
import type { ClaimCause, ClaimPostingRow } from "./transition-claims";

type ClaimRow = typeof tables.claims.$inferSelect;
type ClaimLineRow = typeof tables.claimLines.$inferSelect;
type InvoiceRow = typeof tables.invoices.$inferSelect;

/** A claim as posting reads it: the columns it decides on, its lines and every posting so far. */
export type PostingClaimFacts = {
  claim: Pick<ClaimRow, "id" | "payerId" | "invoiceId" | "patientControlNumber" | "status" | "adjudication">;
  lines: Array<
    Pick<ClaimLineRow, "id" | "lineNumber" | "controlNumber" | "code" | "dateOfService" | "chargeCents">
  >;
  existing: ExistingPosting[];
};

/** An invoice as posting reads it: its lifecycle, payment status and amounts. */
export type PostingInvoiceFacts = Pick<
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

export type PostingRow = {
  id: string;
  remittanceClaimId: string | null;
  claimId: string;
  claimLineId: string | null;
  invoiceId: string;
  kind: PostingKind;
  groupCode: string | null;
  reasonCode: string | null;
  amountCents: number;
  reversesPostingId: string | null;
  actor: string;
};

export type ClaimHistoryRow = {
  id: string;
  claimId: string;
  fromStatus: string;
  toStatus: string;
  fromAdjudication: string;
  toAdjudication: string;
  actor: string;
  cause: ClaimCause;
};

/** A client ledger entry for a changed client share of an issued invoice. */
export type ResponsibilityEntryRow = {
  id: string;
  clientId: string;
  kind: "charge" | "credit";
  amountCents: number;
  description: string;
  invoiceId: string;
  postingId: string | null;
  actor: string;
};

/** Rows and transitions to write: what the plans applied since the last `take()` decided. */
export type PostingPlan = {
  postings: PostingRow[];
  /** Claims' amounts as deltas and their state move (from the state last written to the one decided). */
  claims: ClaimPostingRow[];
  claimHistory: ClaimHistoryRow[];
  invoices: InvoiceAmountsChange[];
  paymentStatusChanges: Array<PaymentStatusChange & { actor: string; cause: string }>;
  ledger: ResponsibilityEntryRow[];
  audit: Array<{ claimId: string; details: { postings: number; remittanceClaimId: string | null } }>;
};

type ClaimEntry = PostingClaimFacts & {
  state: ClaimState;
  /** The state last taken into a plan (or loaded): the claim's move is from it to `state`. */
  written: ClaimState;
  change: Omit<ClaimPostingRow, "from" | "to"> | null;
};

type InvoiceEntry = { row: PostingInvoiceFacts; change: InvoiceAmountsChange | null };

/**
 * Posting planned in memory, with no database: given the claims and invoices as read (`know`), `apply` records
 * what a posting decision does exactly as posting claim by claim would — postings appended (reversals name what
 * they undo), the claim's amounts and its state by the claim transition table with a history row (moves the table
 * refuses are left out), the invoice's amounts, its payment status by its one rule, a client ledger entry for a
 * changed client share, an audit row — and keeps the facts current, so a later plan for the same claim sees the
 * earlier one (a reversal and its correction in one remittance). `take` hands over the rows recorded since the
 * last call; the facts stay.
 */
export class PostingPlanner {
  private readonly claims = new Map<string, ClaimEntry>();
  private readonly invoices = new Map<string, InvoiceEntry>();
  private plan: PostingPlan = emptyPlan();

  constructor(
    private readonly now: Date,
    /** A new time-ordered id (the writer passes the database's UUIDv7). */
    private readonly newId: (ms: number) => string,
  ) {}

  /** Adds claims and invoices as read; ones already known keep their planned state. */
  know(claims: readonly PostingClaimFacts[], invoices: readonly PostingInvoiceFacts[]): void {
    for (const c of claims) {
      if (this.claims.has(c.claim.id)) continue;
      const state = { status: c.claim.status, adjudication: c.claim.adjudication } as ClaimState;
      this.claims.set(c.claim.id, { ...c, state, written: state, change: null });
    }
    for (const row of invoices)
      if (!this.invoices.has(row.id)) this.invoices.set(row.id, { row, change: null });
  }

  knowsInvoice(invoiceId: string): boolean {
    return this.invoices.has(invoiceId);
  }

  /** A known claim, its lines and its postings so far (planned ones included); undefined when not known. */
  get(claimId: string): PostingClaimFacts | undefined {
    return this.claims.get(claimId);
  }

  apply(input: PostingApplication): void {
    const c = this.claims.get(input.claimId);
    if (!c) return;
    const at = this.now.getTime();
    const invoiceId = c.claim.invoiceId;
    let lastPostingId: string | null = null;
    for (const p of input.postings) {
      const id = this.newId(at);
      lastPostingId = id;
      const kind = p.kind as PostingKind;
      this.plan.postings.push({
        id,
        remittanceClaimId: input.remittanceClaimId,
        claimId: input.claimId,
        claimLineId: p.claimLineId,
        invoiceId,
        kind,
        groupCode: p.groupCode,
        reasonCode: p.reasonCode,
        amountCents: p.amountCents,
        reversesPostingId: p.reversesPostingId,
        actor: input.actor,
      });
      c.existing.push({
        id,
        kind,
        amountCents: p.amountCents,
        claimLineId: p.claimLineId,
        groupCode: p.groupCode,
        reasonCode: p.reasonCode,
        reversesPostingId: p.reversesPostingId,
      });
    }
    const moved = postingEffects(input.postings);
    if (!c.change) {
      c.change = { id: c.claim.id, paidDelta: 0, patientDelta: 0, payerClaimNumber: null, versionDelta: 0 };
      this.claimsTouched.push(c);
    }
    c.change.paidDelta += moved.insurancePaidCents;
    c.change.patientDelta += moved.toClientCents;
    if (input.payerClaimNumber) c.change.payerClaimNumber = input.payerClaimNumber;
    const to = nextClaimState(c.state, input.claimOutcome);
    if (to) {
      this.plan.claimHistory.push({
        id: this.newId(at),
        claimId: input.claimId,
        fromStatus: c.state.status,
        toStatus: to.status,
        fromAdjudication: c.state.adjudication,
        toAdjudication: to.adjudication,
        actor: input.actor,
        cause: input.cause,
      });
      c.state = to;
      c.claim.status = to.status;
      c.claim.adjudication = to.adjudication;
      c.change.versionDelta++;
    }
    this.plan.audit.push({
      claimId: input.claimId,
      details: { postings: input.postings.length, remittanceClaimId: input.remittanceClaimId },
    });

    const inv = this.invoices.get(invoiceId);
    if (!inv) return;
    if (!inv.change) {
      inv.change = {
        invoiceId,
        insurancePaidDelta: 0,
        adjustmentDelta: 0,
        toClientDelta: 0,
        versionDelta: 0,
      };
      this.invoicesTouched.push(inv);
    }
    inv.change.insurancePaidDelta += moved.insurancePaidCents;
    inv.change.adjustmentDelta += moved.writeOffCents;
    inv.change.toClientDelta += moved.toClientCents;
    inv.change.versionDelta++;
    const row = inv.row;
    const clientBefore = row.clientCents;
    row.insurancePaidCents += moved.insurancePaidCents;
    row.adjustmentCents += moved.writeOffCents;
    row.insuranceCents -= moved.toClientCents;
    row.clientCents += moved.toClientCents;
    // The payment status by its one rule; the invoice's lifecycle is not posting's to change.
    const change = row.status === "void" ? null : planPaymentStatus(invoiceId, row.paymentStatus, row);
    if (change) {
      const cause = `remittance posting (claim ${c.claim.patientControlNumber})`;
      this.plan.paymentStatusChanges.push({ ...change, actor: input.actor, cause });
      row.paymentStatus = change.to as InvoicePaymentStatus;
    }
    // An issued invoice's client responsibility is in the ledger: one entry for the difference.
    const responsibility = decideResponsibilityChange(clientBefore, row.clientCents);
    if (responsibility && (row.status === "open" || row.status === "processed")) {
      this.plan.ledger.push({
        id: this.newId(at),
        clientId: row.clientId,
        kind: responsibility.kind,
        amountCents: responsibility.signedCents,
        description: `Insurance: your share of ${row.number} ${responsibility.kind === "charge" ? "rose" : "fell"}`,
        invoiceId,
        postingId: lastPostingId,
        actor: input.actor,
      });
    }
  }

  private claimsTouched: ClaimEntry[] = [];
  private invoicesTouched: InvoiceEntry[] = [];

  /** The rows and transitions recorded since the last call; later plans start from what these leave. */
  take(): PostingPlan {
    const plan = this.plan;
    this.plan = emptyPlan();
    for (const c of this.claimsTouched) {
      if (!c.change) continue;
      plan.claims.push({ ...c.change, from: c.written, to: c.state });
      c.written = c.state;
      c.change = null;
    }
    for (const i of this.invoicesTouched) {
      if (!i.change) continue;
      plan.invoices.push(i.change);
      i.change = null;
    }
    this.claimsTouched = [];
    this.invoicesTouched = [];
    return plan;
  }
}

const emptyPlan = (): PostingPlan => ({
  postings: [],
  claims: [],
  claimHistory: [],
  invoices: [],
  paymentStatusChanges: [],
  ledger: [],
  audit: [],
});

/** Whether a plan has nothing to write. */
export const isEmptyPlan = (p: PostingPlan): boolean =>
  p.postings.length === 0 &&
  p.claims.length === 0 &&
  p.claimHistory.length === 0 &&
  p.invoices.length === 0 &&
  p.paymentStatusChanges.length === 0 &&
  p.ledger.length === 0 &&
  p.audit.length === 0;
