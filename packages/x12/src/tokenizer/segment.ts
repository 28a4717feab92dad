import type { Delimiters } from "./delimiters.js";

/**
 * One tokenized segment. `elements[0]` is the segment id, so `elements[n]` is the guide's
 * element `n` (e.g. `elements[3]` of a CLP is CLP03). Components and repetitions are split
 * lazily, only when a reader asks for them.
 */
export class Segment {
  /** Segment identifier, e.g. `"CLP"`. */
  readonly id: string;
  /** `[id, element1, element2, …]` exactly as in the input (no trimming). */
  readonly elements: readonly string[];
  /** 1-based ordinal of this segment in the input. */
  readonly number: number;
  /** Byte offset of the segment's first character in the input. */
  readonly offset: number;
  /** Delimiters in force for this segment. */
  readonly delimiters: Delimiters;

  constructor(elements: string[], number: number, offset: number, delimiters: Delimiters) {
    this.id = elements[0] ?? "";
    this.elements = elements;
    this.number = number;
    this.offset = offset;
    this.delimiters = delimiters;
  }

  /** Element `position` (1-based), or `""` when absent. */
  element(position: number): string {
    return this.elements[position] ?? "";
  }

  /** Components of element `position`; `[]` when the element is empty. */
  components(position: number): string[] {
    const value = this.elements[position];
    if (value === undefined || value === "") return [];
    return value.split(this.delimiters.component);
  }

  /** Component `component` (1-based) of element `position`, or `""`. */
  component(position: number, component: number): string {
    const value = this.elements[position];
    if (value === undefined || value === "") return "";
    if (component === 1) {
      const i = value.indexOf(this.delimiters.component);
      return i < 0 ? value : value.slice(0, i);
    }
    return value.split(this.delimiters.component)[component - 1] ?? "";
  }

  /** Repetitions of element `position`; a single item when no repetition separator is in force. */
  repetitions(position: number): string[] {
    const value = this.elements[position];
    if (value === undefined || value === "") return [];
    const rep = this.delimiters.repetition;
    return rep === undefined ? [value] : value.split(rep);
  }

  /** Number of elements after the id (trailing empty elements included as written). */
  get length(): number {
    return this.elements.length - 1;
  }

  /** The segment re-joined with its own delimiters, without terminator. */
  toString(): string {
    return this.elements.join(this.delimiters.element);
  }
}
