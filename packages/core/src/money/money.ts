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
