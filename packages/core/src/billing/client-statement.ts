import type { LocalDate } from "../time/local-date";

/** What a ledger entry did to a client's balance; charges raise it, everything else lowers it (or returns money). */
export const ledgerEntryKinds = ["charge", "payment", "refund", "credit", "adjustment", "write_off"] as const;
export type LedgerEntryKind = (typeof ledgerEntryKinds)[number];

export type StatementLine = {
  /** The practice-local date the entry took effect. */
  date: LocalDate;
  kind: LedgerEntryKind;
  /** What a client reads: "Bill INV-1042 (2026-11-03 Psychotherapy, 53 min)", "Payment — card ending 4242". */
  description: string;
  invoiceNumber: string | null;
  /** Signed cents: + raises the balance (a charge, a refund paid out), − lowers it (a payment, a write-off). */
  amountCents: number;
};

/**
 * A client statement: the balance brought forward from before `from`, every ledger entry from `from` to `to`
 * (inclusive, practice-local dates), and what is owed at the end. Produced by the ledger, rendered as a document.
 */
export type ClientStatement = {
  practice: { name: string; addressLines: string[]; phone: string | null; taxId: string | null };
  client: { id: string; name: string; addressLines: string[] };
  from: LocalDate;
  to: LocalDate;
  balanceForwardCents: number;
  lines: StatementLine[];
  endingBalanceCents: number;
  /** The ending balance when positive; a negative ending balance is credit on account and nothing is due. */
  amountDueCents: number;
  creditOnAccountCents: number;
};
