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
 * `text.substring(start, end)` for a short code (1-4 characters), interned so that repeated codes
 * share one string. Small-integer key (7-bit characters, length in the top bits), looked up in a
 * direct-mapped cache before the Map: no allocation for codes already seen.
 */
function internCode(text: string, start: number, end: number): string {
  let key = end - start - 1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return text.substring(start, end);
    key = (key << 7) | c;
  }
  const slot = (key ^ (key >>> 11) ^ (key >>> 19)) & CODE_SLOTS_MASK;
  if (codeKeys[slot] === key) return codeValues[slot] as string;
  let hit = CODES.get(key);
  if (hit === undefined) {
    hit = text.substring(start, end);
    CODES.set(key, hit);
  }
  codeKeys[slot] = key;
  codeValues[slot] = hit;
  return hit;
}

const CODE_SLOTS_MASK = 1023;
const codeKeys = new Int32Array(CODE_SLOTS_MASK + 1).fill(-1);
const codeValues: string[] = new Array<string>(CODE_SLOTS_MASK + 1).fill("");

/**
 * One tokenized segment. Elements are numbered as in the guides: `element(3)` of a CLP is CLP03,
 * `element(0)` is the id. Element boundaries are found lazily on first access and elements are
 * only materialized when asked for; amounts can be parsed in place with {@link Segment.cents}.
 */
export class Segment implements SegmentFields {
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
    return this.locate(position) ? codeIn(this.text, at.start, at.end) : "";
  }

  /**
   * Element `position` read as an unsigned integer in place, when it is 1-15 digits; `-1` otherwise
   * (used as a cache key for dates without allocating the element).
   */
  digits(position: number): number {
    return this.locate(position) ? digitsIn(this.text, at.start, at.end) : -1;
  }

  /** Whether element `position` is present and not empty. */
  has(position: number): boolean {
    return this.locate(position) && at.end > at.start;
  }

  /** Whether element `position` equals `value` (without allocating the element). */
  is(position: number, value: string): boolean {
    return this.locate(position) ? isIn(this.text, at.start, at.end, value) : value === "";
  }

  /** Element `position` as integer cents (`NaN` when empty or not an amount). */
  cents(position: number, rounding: MoneyRounding = "reject"): number {
    if (!this.locate(position)) return Number.NaN;
    return parseCentsRange(this.text, at.start, at.end, rounding);
  }

  /** Components of element `position`; `[]` when the element is empty. */
  components(position: number): string[] {
    return splitComponents(this.element(position), this.delimiters);
  }

  /** Component `component` (1-based) of element `position`, or `""`. */
  component(position: number, component: number): string {
    return componentOf(this.element(position), this.delimiters, component);
  }

  /** Repetitions of element `position`; a single item when no repetition separator is in force. */
  repetitions(position: number): string[] {
    return splitRepetitions(this.element(position), this.delimiters);
  }

  /** The segment as in the input, without terminator. */
  toString(): string {
    return this.text;
  }
}

/**
 * What the readers use of a segment: implemented by {@link Segment} and by the transient
 * {@link SegmentView} of the fast path.
 */
export interface SegmentFields {
  readonly id: string;
  readonly number: number;
  readonly offset: number;
  readonly delimiters: Delimiters;
  readonly length: number;
  readonly elements: readonly string[];
  element(position: number): string;
  code(position: number): string;
  digits(position: number): number;
  has(position: number): boolean;
  is(position: number, value: string): boolean;
  cents(position: number, rounding?: MoneyRounding): number;
  components(position: number): string[];
  component(position: number, component: number): string;
  repetitions(position: number): string[];
}

/**
 * A reusable, mutable window onto one segment inside a larger decoded string (the scanner's
 * current slice): the fast path for handlers that read each segment during the call and keep none
 * (see `TransactionHandler.view`). The scanner fills it while finding the terminator, so element
 * separators are located in the same pass and no per-segment string or object is made. Only valid
 * during the call it is passed to; use {@link SegmentView.toSegment} to keep a segment.
 */
export class SegmentView implements SegmentFields {
  /** Segment identifier, e.g. `"CLP"`. */
  id = "";
  /** The id's characters as a number (`c0 << 8 | c1`, or `c0 << 16 | c1 << 8 | c2`). */
  key = 0;
  /** 1-based ordinal of this segment in the input. */
  number = 0;
  /** Byte offset of the segment's first character in the input. */
  offset = 0;
  /** The decoded string holding the segment (usually a whole slice of the input). */
  source = "";
  /** Character range of the segment (without terminator) in {@link SegmentView.source}. */
  start = 0;
  end = 0;
  /** Positions of the element separators in {@link SegmentView.source}; `count` are valid. */
  seps: Int32Array = new Int32Array(64);
  count = 0;
  readonly delimiters: Delimiters;

  constructor(delimiters: Delimiters) {
    this.delimiters = delimiters;
  }

  /** The segment as in the input, without terminator. */
  get text(): string {
    return this.source.substring(this.start, this.end);
  }

  /** Number of elements after the id (trailing empty elements included as written). */
  get length(): number {
    return this.count;
  }

  /** `[id, element1, element2, …]` exactly as in the input (a new array each time). */
  get elements(): readonly string[] {
    return this.text.split(this.delimiters.element);
  }

  /** Doubles the separator buffer (for segments with very many elements). */
  grow(): Int32Array {
    const bigger = new Int32Array(this.seps.length * 2);
    bigger.set(this.seps);
    this.seps = bigger;
    return bigger;
  }

  /** Points the view at a whole string holding just the segment, locating its separators. */
  reset(text: string, sep: number): void {
    this.source = text;
    this.start = 0;
    this.end = text.length;
    let seps = this.seps;
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === sep) {
        if (n === seps.length) seps = this.grow();
        seps[n++] = i;
      }
    }
    this.count = n;
  }

  /** A {@link Segment} that can be kept after the call. */
  toSegment(): Segment {
    return new Segment(this.text, this.id, this.number, this.offset, this.delimiters);
  }

  private from(position: number): number {
    return (this.seps[position - 1] as number) + 1;
  }

  private to(position: number): number {
    return position < this.count ? (this.seps[position] as number) : this.end;
  }

  /** Element `position` (1-based), or `""` when absent. */
  element(position: number): string {
    if (position === 0) return this.id;
    if (position < 1 || position > this.count) return "";
    const start = this.from(position);
    const end = this.to(position);
    return end <= start ? "" : this.source.substring(start, end);
  }

  /** Like {@link Segment.code}: short codes interned. */
  code(position: number): string {
    if (position < 1 || position > this.count) return "";
    return codeIn(this.source, this.from(position), this.to(position));
  }

  /** Like {@link Segment.digits}. */
  digits(position: number): number {
    if (position < 1 || position > this.count) return -1;
    return digitsIn(this.source, this.from(position), this.to(position));
  }

  /** Whether element `position` is present and not empty. */
  has(position: number): boolean {
    return position >= 1 && position <= this.count && this.to(position) > this.from(position);
  }

  /** Whether element `position` equals `value`. */
  is(position: number, value: string): boolean {
    if (position < 1 || position > this.count) return value === "";
    return isIn(this.source, this.from(position), this.to(position), value);
  }

  /** Element `position` as integer cents (`NaN` when empty or not an amount). */
  cents(position: number, rounding: MoneyRounding = "reject"): number {
    if (position < 1 || position > this.count) return Number.NaN;
    return parseCentsRange(this.source, this.from(position), this.to(position), rounding);
  }

  /** Components of element `position`; `[]` when the element is empty. */
  components(position: number): string[] {
    return splitComponents(this.element(position), this.delimiters);
  }

  /** Component `component` (1-based) of element `position`, or `""`. */
  component(position: number, component: number): string {
    return componentOf(this.element(position), this.delimiters, component);
  }

  /** Repetitions of element `position`; a single item when no repetition separator is in force. */
  repetitions(position: number): string[] {
    return splitRepetitions(this.element(position), this.delimiters);
  }

  /** The segment as in the input, without terminator. */
  toString(): string {
    return this.text;
  }
}

/** `text[start, end)` as a short code (interned when 1-4 characters; see {@link Segment.code}). */
function codeIn(text: string, start: number, end: number): string {
  const n = end - start;
  if (n <= 0) return "";
  return n > 4 ? text.substring(start, end) : internCode(text, start, end);
}

/** `text[start, end)` as an unsigned integer when it is 1-15 digits, else `-1` (see {@link Segment.digits}). */
function digitsIn(text: string, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Whether `text[start, end)` equals `value`, without allocating it. */
function isIn(text: string, start: number, end: number, value: string): boolean {
  return end - start === value.length && (value.length === 0 || text.startsWith(value, start));
}

function splitComponents(value: string, delimiters: Delimiters): string[] {
  return value === "" ? [] : value.split(delimiters.component);
}

function componentOf(value: string, delimiters: Delimiters, component: number): string {
  if (value === "") return "";
  if (component === 1) {
    const i = value.indexOf(delimiters.component);
    return i < 0 ? value : value.slice(0, i);
  }
  return value.split(delimiters.component)[component - 1] ?? "";
}

function splitRepetitions(value: string, delimiters: Delimiters): string[] {
  if (value === "") return [];
  const rep = delimiters.repetition;
  return rep === undefined ? [value] : value.split(rep);
}
