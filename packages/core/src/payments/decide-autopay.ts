import type { LocalDate } from "../time/local-date";
import { decideCardExpired } from "./decide-card-expired";

/** The outcome of one autopay attempt, as the card charge it made ended (or has not ended yet). */
export type AutopayAttemptOutcome = "pending" | "unknown" | "succeeded" | "declined" | "failed";

export type AutopayAttempt = {
  /** The practice-local date of the run that made it. */
  localDate: LocalDate;
  outcome: AutopayAttemptOutcome;
  /** Stripe's words for a decline ("Your card has insufficient funds."), when declined. */
  declineMessage: string | null;
};

export type AutopayCard = { brand: string; last4: string; expMonth: number; expYear: number };

/** Everything autopay looks at for one open invoice of one client, on one night. */
export type AutopayFacts = {
  today: LocalDate;
  practiceAutopay: boolean;
  clientAutopay: boolean;
  /** The client's default card; null when there is none. */
  card: AutopayCard | null;
  /** The invoice's open client responsibility, from the ledger (cents). */
  openCents: number;
  /** Earlier attempts for this invoice, any order. */
  attempts: readonly AutopayAttempt[];
  /** How many declined or failed nights autopay tries before it stops (practice setting, default 3). */
  maxAttempts: number;
};

export const autopaySkipCodes = [
  "AUTOPAY_OFF_PRACTICE",
  "AUTOPAY_OFF_CLIENT",
  "CHARGE_IN_FLIGHT",
  "ALREADY_CHARGED",
  "NOTHING_DUE",
  "ALREADY_TRIED_TODAY",
  "ATTEMPTS_USED_UP",
  "NO_DEFAULT_CARD",
  "CARD_EXPIRED",
] as const;
export type AutopaySkipCode = (typeof autopaySkipCodes)[number];

export type AutopayDecision =
  | { charge: true; amountCents: number; attemptNumber: number }
  | { charge: false; code: AutopaySkipCode; message: string };

const DEFAULT_DECLINE = "the card was declined";

/**
 * Autopay's decision for one open invoice tonight, in the order a biller would check: the switches, a charge
 * whose outcome is not known yet (never charge again while Stripe may have charged), an earlier success, nothing
 * due, one try per night, the attempts allowed, then the card. A decline leaves the invoice open for the next
 * night until the attempts are used up.
 */
export const decideAutopay = (f: AutopayFacts): AutopayDecision => {
  const skip = (code: AutopaySkipCode, message: string): AutopayDecision => ({
    charge: false,
    code,
    message,
  });
  if (!f.practiceAutopay) return skip("AUTOPAY_OFF_PRACTICE", "autopay is off for the practice");
  if (!f.clientAutopay) return skip("AUTOPAY_OFF_CLIENT", "autopay is off for this client");
  if (f.attempts.some((a) => a.outcome === "pending" || a.outcome === "unknown")) {
    return skip("CHARGE_IN_FLIGHT", "a charge's outcome is still being confirmed with Stripe");
  }
  if (f.attempts.some((a) => a.outcome === "succeeded")) {
    return skip("ALREADY_CHARGED", "autopay already charged this bill");
  }
  if (f.openCents <= 0) return skip("NOTHING_DUE", "nothing is due on this bill");
  if (f.attempts.some((a) => a.localDate === f.today)) {
    return skip("ALREADY_TRIED_TODAY", "autopay already tried this bill tonight");
  }
  const failed = f.attempts.filter((a) => a.outcome === "declined" || a.outcome === "failed");
  if (failed.length >= f.maxAttempts) {
    const last = [...failed].sort((a, b) => a.localDate.localeCompare(b.localDate)).at(-1);
    return skip(
      "ATTEMPTS_USED_UP",
      `autopay tried ${failed.length} time${failed.length === 1 ? "" : "s"} and stopped (last: ${last?.declineMessage ?? DEFAULT_DECLINE})`,
    );
  }
  if (!f.card) return skip("NO_DEFAULT_CARD", "the client has no default card on file");
  if (decideCardExpired(f.card, f.today)) {
    const mm = String(f.card.expMonth).padStart(2, "0");
    return skip(
      "CARD_EXPIRED",
      `the default card (${f.card.brand} ending ${f.card.last4}) expired ${mm}/${f.card.expYear}`,
    );
  }
  return { charge: true, amountCents: f.openCents, attemptNumber: f.attempts.length + 1 };
};
