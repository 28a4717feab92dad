import { type CodeTable, type CodeText, codeText } from "../codes/table.js";
import { elementRef } from "../element-ref.js";
import { type WarningHandler, X12Error, type X12ErrorCode } from "../errors.js";
import type { SegmentFields } from "../tokenizer/segment.js";
import { type DateRange, parseX12DateOrRange, x12DateToIso } from "../values/dates.js";
import { explainMoney, type MoneyRounding, parseCents } from "../values/money.js";

/** CCYYMMDD (as a number) → ISO date, for dates already seen. */
const DATES = new Map<number, string>();

/** Parses an X12 decimal (R type) that is not money, e.g. units or quantities. `NaN` when invalid. */
export function parseDecimal(text: string): number {
  const n = text.length;
  if (n === 0) return Number.NaN;
  let digits = 0;
  let dot = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits++;
    else if (c === 0x2e && !dot) dot = true;
    else if (!(c === 0x2d && i === 0)) return Number.NaN;
  }
  return digits === 0 ? Number.NaN : Number(text);
}

/**
 * Typed element access for the readers. Problems become {@link X12Error}s that name the segment
 * number, id, element position and what was expected; in lenient mode they are reported as
 * warnings and a neutral value is returned instead.
 */
export class FieldReader {
  /** Loop currently being read, for error messages. */
  loop = "";
  /** The last date looked up (a valid CCYYMMDD as a number, `-2` for none) and its ISO form. */
  private lastDateKey = -2;
  private lastDate = "";

  constructor(
    readonly strict: boolean,
    private readonly warn: WarningHandler,
    readonly rounding: MoneyRounding,
  ) {}

  error(
    code: X12ErrorCode,
    seg: SegmentFields,
    summary: string,
    detail: { element?: number; component?: number; expected?: string; found?: string } = {},
  ): X12Error {
    return new X12Error(code, summary, {
      segmentNumber: seg.number,
      segmentId: seg.id,
      elementPosition: detail.element,
      componentPosition: detail.component,
      loop: this.loop || undefined,
      expected: detail.expected,
      found: detail.found,
      byteOffset: seg.offset,
    });
  }

  /** Throws in strict mode, warns in lenient mode. */
  report(error: X12Error): void {
    if (this.strict) throw error;
    this.warn(error);
  }

  bad(
    seg: SegmentFields,
    element: number,
    summary: string,
    expected: string,
    found: string,
    component?: number,
  ): void {
    this.report(this.error("BAD_ELEMENT", seg, summary, { element, component, expected, found }));
  }

  req(seg: SegmentFields, element: number, what: string): string {
    const value = seg.element(element);
    if (value === "") this.bad(seg, element, `${what} is required`, what, "");
    return value;
  }

  /** Required short code (qualifier, status, reason…), interned; see {@link Segment.code}. */
  code(seg: SegmentFields, element: number, what: string): string {
    const value = seg.code(element);
    if (value === "") this.bad(seg, element, `${what} is required`, what, "");
    return value;
  }

  /** Required code that must be one of `table`'s (a list the guide closes, e.g. CLP02 or IK501), with its text. */
  knownCode(seg: SegmentFields, element: number, table: CodeTable, what: string): CodeText {
    const value = this.code(seg, element, what);
    const known = codeText(table, value);
    if (value !== "" && known.text === undefined) {
      this.bad(seg, element, `${what}: unknown code`, `one of ${Object.keys(table).join(", ")}`, value);
    }
    return known;
  }

  /**
   * Content after the segment's last element (`max`, from the implementation guide) is reported, never dropped
   * unread: a seventh CAS triplet or PLB adjustment would otherwise vanish from the money. Trailing empty
   * elements are tolerated.
   */
  maxElements(seg: SegmentFields, max: number): void {
    if (seg.length <= max) return;
    for (let i = max + 1; i <= seg.length; i++) {
      if (seg.has(i)) {
        this.bad(
          seg,
          i,
          `${seg.id} has at most ${max} elements`,
          `nothing after ${elementRef(seg.id, max)}`,
          seg.element(i),
        );
        return;
      }
    }
  }

  /** Optional short code, interned. */
  optCode(seg: SegmentFields, element: number): string | undefined {
    const value = seg.code(element);
    return value === "" ? undefined : value;
  }

  opt(seg: SegmentFields, element: number): string | undefined {
    const value = seg.element(element);
    return value === "" ? undefined : value;
  }

  /** Required component of a composite element. */
  reqComponent(seg: SegmentFields, element: number, component: number, what: string): string {
    const value = seg.component(element, component);
    if (value === "") this.bad(seg, element, `${what} is required`, what, seg.element(element), component);
    return value;
  }

  cents(seg: SegmentFields, element: number, what: string): number {
    const cents = seg.cents(element, this.rounding);
    if (Number.isNaN(cents)) {
      const text = seg.element(element);
      this.bad(seg, element, `${what} is not a valid amount`, explainMoney(text), text);
      return 0;
    }
    return cents;
  }

  optCents(seg: SegmentFields, element: number, what: string): number | undefined {
    return seg.has(element) ? this.cents(seg, element, what) : undefined;
  }

  /** Cents from a text that is not a whole element (e.g. a component). */
  centsOf(seg: SegmentFields, element: number, text: string, what: string): number {
    const cents = parseCents(text, this.rounding);
    if (Number.isNaN(cents)) {
      this.bad(seg, element, `${what} is not a valid amount`, explainMoney(text), text);
      return 0;
    }
    return cents;
  }

  decimal(seg: SegmentFields, element: number, what: string): number | undefined {
    if (!seg.has(element)) return undefined;
    const text = seg.element(element);
    const n = parseDecimal(text);
    if (Number.isNaN(n)) {
      this.bad(seg, element, `${what} is not a valid number`, "a decimal number", text);
      return undefined;
    }
    return n;
  }

  date(seg: SegmentFields, element: number, what: string): string {
    // Dates repeat: look them up by their digits before allocating anything.
    const key = seg.digits(element);
    if (key === this.lastDateKey) return this.lastDate;
    if (key >= 10_000_000 && key <= 99_991_231) {
      const cached = DATES.get(key);
      if (cached !== undefined) {
        this.lastDateKey = key;
        this.lastDate = cached;
        return cached;
      }
    }
    const text = seg.element(element);
    const iso = x12DateToIso(text);
    if (iso !== undefined && text.length === 8) {
      if (DATES.size >= 4096) DATES.clear();
      DATES.set(key, iso);
    }
    if (iso === undefined) {
      this.bad(seg, element, `${what} is not a valid date`, "a CCYYMMDD date", text);
      return "";
    }
    return iso;
  }

  optDate(seg: SegmentFields, element: number, what: string): string | undefined {
    return seg.has(element) ? this.date(seg, element, what) : undefined;
  }

  /** DTP-style date: format qualifier at `formatElement`, value at `formatElement + 1`. */
  dateOrRange(seg: SegmentFields, formatElement: number, what: string): DateRange | undefined {
    const format = seg.element(formatElement);
    const value = seg.element(formatElement + 1);
    const range = parseX12DateOrRange(format, value);
    if (range === undefined) {
      if (format !== "D8" && format !== "RD8") {
        this.bad(seg, formatElement, `${what}: unknown date format qualifier`, "D8 or RD8", format);
      } else {
        this.bad(
          seg,
          formatElement + 1,
          `${what} is not a valid ${format} date`,
          format === "D8" ? "CCYYMMDD" : "CCYYMMDD-CCYYMMDD with start <= end",
          value,
        );
      }
    }
    return range;
  }
}
