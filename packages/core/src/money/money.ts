import { DomainError } from "../errors/domain-error";
/** Money is integer cents. Amounts never pass through floating point arithmetic with fractions. */
export type Cents = number;

export const isValidCents = (value: unknown): value is Cents =>
  typeof value === "number" && Number.isSafeInteger(value);

export const isNonNegativeCents = (value: unknown): value is Cents => isValidCents(value) && value >= 0;

/** Formats cents for people: 12345 → "$123.45", -500 → "-$5.00". */
export const formatCents = (cents: Cents, currency = "USD"): string => {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const dollars = Math.trunc(abs / 100).toLocaleString("en-US");
  const rest = String(abs % 100).padStart(2, "0");
  return `${sign}${currency === "USD" ? "$" : `${currency} `}${dollars}.${rest}`;
};

export const sumCents = (values: readonly Cents[]): Cents => values.reduce((a, b) => a + b, 0);

/** "12.5" or "12.50" → 1250: dollars as a person typed them, turned into cents without floating point. */
export const dollarsToCents = (text: string): Cents => {
  const m = /^\$?(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) throw new DomainError("INVALID_AMOUNT", `${text} is not an amount in dollars (e.g. 120 or 49.50)`);
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
};
