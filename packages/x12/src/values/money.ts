/**
 * Money as integer cents, parsed from X12 decimal strings digit by digit (never through floats).
 *
 * X12 amounts are type R ("decimal"): optional leading minus, digits, optional decimal point.
 * Monetary amounts in the HIPAA guides carry at most two significant decimals. By default a third
 * non-zero decimal is rejected; with `"halfAwayFromZero"` it is rounded half away from zero, and this
 * is the only place where rounding happens.
 */
export type MoneyRounding = "reject" | "halfAwayFromZero";

/** Largest magnitude accepted: every cent count stays a safe integer. */
const MAX_CENTS = Number.MAX_SAFE_INTEGER;

/**
 * Parses an X12 decimal amount into integer cents. Returns `NaN` when the text is not a valid
 * amount (or has more than two significant decimals under `"reject"`); see {@link explainMoney}.
 */
export function parseCents(text: string, rounding: MoneyRounding = "reject"): number {
  return parseCentsRange(text, 0, text.length, rounding);
}

/**
 * {@link parseCents} over `text.slice(start, end)` without allocating the slice (the readers parse
 * amounts straight out of the segment text).
 */
export function parseCentsRange(
  text: string,
  start: number,
  end: number,
  rounding: MoneyRounding = "reject",
): number {
  if (end <= start) return Number.NaN;
  let i = start;
  let negative = false;
  if (text.charCodeAt(i) === 0x2d) {
    negative = true;
    i++;
  }
  let whole = 0;
  let digits = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
    digits++;
  }
  let cents = 0;
  if (i < end) {
    if (text.charCodeAt(i) !== 0x2e) return Number.NaN;
    i++;
    let place = 0;
    for (; i < end; i++) {
      const c = text.charCodeAt(i) - 0x30;
      if (c < 0 || c > 9) return Number.NaN;
      digits++;
      if (place === 0) cents += c * 10;
      else if (place === 1) cents += c;
      else if (c !== 0) {
        if (rounding === "reject") return Number.NaN;
        // Only the first dropped digit decides: >= 5 means the remainder is at least half a cent.
        if (place === 2 && c >= 5) cents += 1;
      }
      place++;
    }
  }
  if (digits === 0) return Number.NaN;
  const total = whole * 100 + cents;
  if (total > MAX_CENTS) return Number.NaN;
  return negative ? (total === 0 ? 0 : -total) : total;
}

/** Why `text` is not a valid amount, for error messages. */
export function explainMoney(text: string): string {
  if (text === "") return "an amount";
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(text)) return "a decimal amount such as 125 or -12.5";
  const whole = text.replace(/^-/, "").split(".")[0] ?? "";
  if (Number(whole) * 100 > MAX_CENTS) return `an amount of at most ${formatCents(MAX_CENTS)}`;
  return "an amount with at most two significant decimals";
}

/**
 * Formats integer cents as an X12 decimal: no trailing zeros after the point, no leading zero
 * before it (`12.50` → `"12.5"`, `75` cents → `".75"`), minus sign for negatives.
 */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`not an integer number of cents: ${cents}`);
  const negative = cents < 0;
  const abs = negative ? -cents : cents;
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  let text = whole === 0 && frac !== 0 ? "" : String(whole);
  if (frac !== 0) text += frac % 10 === 0 ? `.${frac / 10}` : `.${frac < 10 ? "0" : ""}${frac}`;
  return negative ? `-${text}` : text;
}
