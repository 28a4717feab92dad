import { type MoneyRounding, parseCentsRange } from "../values/money.js";
import type { Delimiters } from "./delimiters.js";

/** Scratch for {@link Segment} element lookups (single-threaded, never held across calls). */
const at = { start: 0, end: 0 };

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

  /** Positions of the element separators in `text`. */
  private separators(): number[] {
    let seps = this.seps;
    if (seps === undefined) {
      seps = [];
      const text = this.text;
      const sep = this.delimiters.element.charCodeAt(0);
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === sep) seps.push(i);
      this.seps = seps;
    }
    return seps;
  }

  /** `[id, element1, element2, …]` exactly as in the input (no trimming). */
  get elements(): readonly string[] {
    if (this.all === undefined) this.all = this.text.split(this.delimiters.element);
    return this.all;
  }

  /** Number of elements after the id (trailing empty elements included as written). */
  get length(): number {
    return this.separators().length;
  }

  /**
   * Locates element `position` in `text` into the module scratch `at` (no tuple allocation on this
   * hot path); false when the element is absent.
   */
  private locate(position: number): boolean {
    const seps = this.separators();
    if (position < 1 || position > seps.length) return false;
    at.start = (seps[position - 1] as number) + 1;
    at.end = position < seps.length ? (seps[position] as number) : this.text.length;
    return true;
  }

  /** Element `position` (1-based), or `""` when absent. */
  element(position: number): string {
    if (position === 0) return this.id;
    if (!this.locate(position) || at.end <= at.start) return "";
    return this.text.substring(at.start, at.end);
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
