import { type MoneyRounding, parseCentsRange } from "../values/money.js";
import type { Delimiters } from "./delimiters.js";

/** Scratch for {@link Segment} element lookups (single-threaded, never held across calls). */
const at = { start: 0, end: 0 };

/** Separator positions of the most recently read segment, shared to avoid an array per segment. */
const scratch = new Int32Array(512);
let scratchOwner: Segment | undefined;
let scratchCount = 0;

/** Interned short codes ("CO", "45", "472", "HC"…): one string each instead of one per element. */
const CODES = new Map<number, string>();

/**
 * One tokenized segment. Elements are numbered as in the guides: `element(3)` of a CLP is CLP03,
 * `element(0)` is the id. Element boundaries are found lazily on first access and elements are
 * only materialized when asked for; amounts can be parsed in place with {@link Segment.cents}.
 */
export class Segment {
  /** Segment identifier, e.g. `"CLP"`. */
  readonly id: string;
  /** The segment as in the input, without terminator. */
  readonly text: string;
  /** 1-based ordinal of this segment in the input. */
  readonly number: number;
  /** Byte offset of the segment's first character in the input. */
  readonly offset: number;
  /** Delimiters in force for this segment. */
  readonly delimiters: Delimiters;
  private seps: number[] | undefined;
  private all: string[] | undefined;

  constructor(text: string, id: string, number: number, offset: number, delimiters: Delimiters) {
    this.text = text;
    this.id = id;
    this.number = number;
    this.offset = offset;
    this.delimiters = delimiters;
  }

  /** A segment from already split elements (`[id, element1, …]`). */
  static fromElements(elements: string[], number: number, offset: number, delimiters: Delimiters): Segment {
    const seg = new Segment(elements.join(delimiters.element), elements[0] ?? "", number, offset, delimiters);
    seg.all = elements;
    return seg;
  }

  /**
   * Finds the element separators of `text` and returns their count. The segment read most recently
   * keeps them in a shared scratch buffer (no allocation per segment); a segment looked at again
   * after another one simply recomputes them. Segments with very many elements get their own array.
   */
  private separators(): number {
    if (this.seps !== undefined) return this.seps.length;
    if (scratchOwner === this) return scratchCount;
    const text = this.text;
    const sep = this.delimiters.element;
    const buf = scratch;
    let n = 0;
    // The first separator follows the id; from there, native string search from separator to
    // separator instead of a loop over every character.
    const first = this.id.length;
    const start =
      text.length > first && text.charCodeAt(first) === sep.charCodeAt(0) ? first : text.indexOf(sep);
    for (let i = start; i >= 0; i = text.indexOf(sep, i + 1)) {
      if (n === buf.length) return this.ownSeparators(sep.charCodeAt(0));
      buf[n++] = i;
    }
    scratchOwner = this;
    scratchCount = n;
    return n;
  }

  private ownSeparators(sep: number): number {
    const seps: number[] = [];
    const text = this.text;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === sep) seps.push(i);
    this.seps = seps;
    return seps.length;
  }

  /** Position of separator `i` (after {@link Segment.separators}). */
  private sepAt(i: number): number {
    return this.seps !== undefined ? (this.seps[i] as number) : (scratch[i] as number);
  }

  /** `[id, element1, element2, …]` exactly as in the input (no trimming). */
  get elements(): readonly string[] {
    if (this.all === undefined) this.all = this.text.split(this.delimiters.element);
    return this.all;
  }

  /** Number of elements after the id (trailing empty elements included as written). */
  get length(): number {
    return this.separators();
  }

  /**
   * Locates element `position` in `text` into the module scratch `at` (no tuple allocation on this
   * hot path); false when the element is absent.
   */
  private locate(position: number): boolean {
    const count = this.separators();
    if (position < 1 || position > count) return false;
    at.start = this.sepAt(position - 1) + 1;
    at.end = position < count ? this.sepAt(position) : this.text.length;
    return true;
  }

  /** Element `position` (1-based), or `""` when absent. */
  element(position: number): string {
    if (position === 0) return this.id;
    if (!this.locate(position) || at.end <= at.start) return "";
    return this.text.substring(at.start, at.end);
  }

  /**
   * Element `position` for short code values (at most 4 characters), interned so that repeated
   * codes share one string; longer values are returned as {@link Segment.element} does.
   */
  code(position: number): string {
    if (!this.locate(position)) return "";
    const { start, end } = at;
    const n = end - start;
    if (n === 0) return "";
    if (n > 4) return this.text.substring(start, end);
    // Small-integer key (7-bit characters, length in the top bits): a fast Map lookup, no allocation.
    let key = n - 1;
    for (let i = start; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c > 127) return this.text.substring(start, end);
      key = (key << 7) | c;
    }
    let hit = CODES.get(key);
    if (hit === undefined) {
      hit = this.text.substring(start, end);
      CODES.set(key, hit);
    }
    return hit;
  }

  /**
   * Element `position` read as an unsigned integer in place, when it is 1-15 digits; `-1` otherwise
   * (used as a cache key for dates without allocating the element).
   */
  digits(position: number): number {
    if (!this.locate(position)) return -1;
    const { start, end } = at;
    if (end <= start || end - start > 15) return -1;
    let n = 0;
    for (let i = start; i < end; i++) {
      const c = this.text.charCodeAt(i) - 0x30;
      if (c < 0 || c > 9) return -1;
      n = n * 10 + c;
    }
    return n;
  }

  /** Whether element `position` is present and not empty. */
  has(position: number): boolean {
    return this.locate(position) && at.end > at.start;
  }

  /** Whether element `position` equals `value` (without allocating the element). */
  is(position: number, value: string): boolean {
    if (!this.locate(position)) return value === "";
    return (
      at.end - at.start === value.length && (value.length === 0 || this.text.startsWith(value, at.start))
    );
  }

  /** Element `position` as integer cents (`NaN` when empty or not an amount). */
  cents(position: number, rounding: MoneyRounding = "reject"): number {
    if (!this.locate(position)) return Number.NaN;
    return parseCentsRange(this.text, at.start, at.end, rounding);
  }

  /** Components of element `position`; `[]` when the element is empty. */
  components(position: number): string[] {
    const value = this.element(position);
    return value === "" ? [] : value.split(this.delimiters.component);
  }

  /** Component `component` (1-based) of element `position`, or `""`. */
  component(position: number, component: number): string {
    const value = this.element(position);
    if (value === "") return "";
    if (component === 1) {
      const i = value.indexOf(this.delimiters.component);
      return i < 0 ? value : value.slice(0, i);
    }
    return value.split(this.delimiters.component)[component - 1] ?? "";
  }

  /** Repetitions of element `position`; a single item when no repetition separator is in force. */
  repetitions(position: number): string[] {
    const value = this.element(position);
    if (value === "") return [];
    const rep = this.delimiters.repetition;
    return rep === undefined ? [value] : value.split(rep);
  }

  /** The segment as in the input, without terminator. */
  toString(): string {
    return this.text;
  }
}
