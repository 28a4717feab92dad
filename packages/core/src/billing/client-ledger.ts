import { DomainError } from "../errors/domain-error";
import { type Cents, sumCents } from "../money/money";
import type { LocalDate } from "../time/local-date";
import type { ClientStatement, LedgerEntryKind, StatementLine } from "./client-statement";

/**
 * The sign each kind of ledger entry carries: a charge raises the balance, a refund (money paid back) raises it,
 * everything else lowers it. A charge may also be negative: an ERA that lowers the client's share is one entry for
 * the difference, of kind "credit". The database holds the same rule as a check constraint.
 */
export const ledgerEntrySign: Record<LedgerEntryKind, 1 | -1> = {
  charge: 1,
  refund: 1,
  payment: -1,
  credit: -1,
  adjustment: -1,
  write_off: -1,
};

/** The signed ledger amount for a positive amount of a kind. */
export const signedLedgerCents = (kind: LedgerEntryKind, amountCents: Cents): Cents => {
  if (amountCents <= 0) throw new DomainError("INVALID_AMOUNT", "A ledger entry moves a positive amount");
  return ledgerEntrySign[kind] * amountCents;
};

/**
 * The ledger entry for a change of an issued invoice's client responsibility (an ERA setting patient
 * responsibility): one entry for the difference, a charge when it rises, a credit when it falls, none when equal.
 */
export const decideResponsibilityChange = (
  beforeCents: Cents,
  afterCents: Cents,
): { kind: "charge" | "credit"; signedCents: Cents } | null => {
  const diff = afterCents - beforeCents;
  if (diff === 0) return null;
  return { kind: diff > 0 ? "charge" : "credit", signedCents: diff };
};

/**
 * A statement from the client's ledger: the balance brought forward from before `from`, the entries dated
 * `from`–`to` (inclusive) in ledger order, the ending balance, and what is due (or the credit on account).
 * Entries dated after `to` are left out.
 */
export const buildClientStatement = (input: {
  practice: ClientStatement["practice"];
  client: ClientStatement["client"];
  from: LocalDate;
  to: LocalDate;
  entries: readonly StatementLine[];
}): ClientStatement => {
  if (input.from > input.to) {
    throw new DomainError("INVALID_DATE", "A statement's start date is after its end date", {
      from: input.from,
      to: input.to,
    });
  }
  const balanceForwardCents = sumCents(
    input.entries.filter((e) => e.date < input.from).map((e) => e.amountCents),
  );
  const lines = input.entries.filter((e) => e.date >= input.from && e.date <= input.to);
  const endingBalanceCents = balanceForwardCents + sumCents(lines.map((l) => l.amountCents));
  return {
    practice: input.practice,
    client: input.client,
    from: input.from,
    to: input.to,
    balanceForwardCents,
    lines,
    endingBalanceCents,
    amountDueCents: Math.max(0, endingBalanceCents),
    creditOnAccountCents: Math.max(0, -endingBalanceCents),
  };
};
