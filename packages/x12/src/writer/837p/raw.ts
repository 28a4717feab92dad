import { X12Error } from "../../errors.js";
import type { Preserved, RawElement, RawSegment } from "../../model/837p.js";
import type { Delimiters } from "../../tokenizer/delimiters.js";
import type { ValueLocator } from "./locate.js";

const KEY_ELEMENT = "\u001d";
const KEY_COMPONENT = "\u001f";

function trimComponents(components: readonly string[]): readonly string[] {
  let end = components.length;
  while (end > 0 && components[end - 1] === "") end--;
  return end === components.length ? components : components.slice(0, end);
}

function isEmpty(e: RawElement): boolean {
  return typeof e === "string" ? e === "" : trimComponents(e).length === 0;
}

/** Drops trailing empty elements and components, as X12 requires. */
export function trimSegment(seg: RawSegment): RawSegment {
  let end = seg.length;
  while (end > 1 && isEmpty(seg[end - 1] as RawElement)) end--;
  return end === seg.length ? seg : seg.slice(0, end);
}

/** Delimiter-independent identity of a segment, used to match verbatim segments. */
export function segmentKey(seg: RawSegment): string {
  const trimmed = trimSegment(seg);
  let key = "";
  for (let i = 0; i < trimmed.length; i++) {
    const e = trimmed[i] as RawElement;
    if (i > 0) key += KEY_ELEMENT;
    key += typeof e === "string" ? e : trimComponents(e).join(KEY_COMPONENT);
  }
  return key;
}

/**
 * Applies the reader's preserved data to the segments the model renders: verbatim originals
 * replace unchanged renderings, then extra segments go back to their positions.
 */
export function applyPreserved(
  known: RawSegment[],
  preserved: Preserved,
  raw?: Set<RawSegment>,
): RawSegment[] {
  const verbatim = preserved.verbatim;
  let out = known;
  if (verbatim && verbatim.length > 0) {
    const unused = [...verbatim];
    out = known.map((seg) => {
      const key = segmentKey(seg);
      const i = unused.findIndex((v) => v.rendered === key);
      if (i < 0) return seg;
      const [hit] = unused.splice(i, 1);
      if (hit === undefined) return seg;
      raw?.add(hit.segment);
      return hit.segment;
    });
  }
  const extras = preserved.extras;
  if (extras && extras.length > 0) {
    out = out === known ? [...known] : out;
    const sorted = [...extras].sort((a, b) => a.position - b.position);
    for (const extra of sorted) {
      raw?.add(extra.segment);
      out.splice(Math.min(extra.position, out.length), 0, extra.segment);
    }
  }
  return out;
}

/** Renders segments to text with the given delimiters, refusing values that contain a delimiter. */
export class SegmentRenderer {
  /** Char codes that may not appear in values: 1 = never, 2 = only in preserved raw segments. */
  private readonly forbidden = new Uint8Array(256);
  private readonly high: Map<number, number> = new Map();
  private readonly suffix: string;

  constructor(
    readonly delimiters: Delimiters,
    lineBreaks: boolean,
  ) {
    for (const d of [delimiters.element, delimiters.component, delimiters.segment])
      this.mark(d.charCodeAt(0), 1);
    if (delimiters.repetition !== undefined) this.mark(delimiters.repetition.charCodeAt(0), 2);
    this.suffix = delimiters.segment + (lineBreaks && delimiters.segment !== "\n" ? "\n" : "");
  }

  private mark(code: number, level: number): void {
    if (code < 256) this.forbidden[code] = level;
    else this.high.set(code, level);
  }

  /** One pass over the value's characters against a lookup table (this runs for every value). */
  private check(
    value: string,
    seg: RawSegment,
    position: number,
    strictRepetition: boolean,
    locate: ValueLocator | undefined,
  ): void {
    const table = this.forbidden;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      const level = code < 256 ? (table[code] as number) : (this.high.get(code) ?? 0);
      if (level === 1 || (level === 2 && strictRepetition))
        this.fail(seg, position, value, value.charAt(i), locate);
    }
  }

  private fail(
    seg: RawSegment,
    position: number,
    value: string,
    delimiter: string,
    locate: ValueLocator | undefined,
  ): never {
    throw new X12Error("INVALID_MODEL", `a value contains the delimiter ${JSON.stringify(delimiter)}`, {
      segmentId: String(seg[0] ?? ""),
      elementPosition: position,
      path: locate?.(value, delimiter),
      found: value,
      expected: "text without delimiter characters",
    });
  }

  /** ISA: its elements 11 and 16 are the delimiters themselves, so only ISA01-ISA10 are checked. */
  renderIsa(seg: readonly string[], locate?: ValueLocator): string {
    for (let i = 1; i <= 10; i++) this.check(seg[i] ?? "", seg, i, true, locate);
    return seg.join(this.delimiters.element) + this.suffix;
  }

  /**
   * One segment as text, terminator included. `fromModel` segments may not contain the repetition
   * separator; preserved raw segments may (they are written back as they were read). `locate`
   * names the model field of a refused value in the error's `path`.
   */
  render(seg: RawSegment, fromModel: boolean, locate?: ValueLocator): string {
    const trimmed = trimSegment(seg);
    const { element, component } = this.delimiters;
    let text = "";
    for (let i = 0; i < trimmed.length; i++) {
      const e = trimmed[i] as RawElement;
      if (i > 0) text += element;
      if (typeof e === "string") {
        this.check(e, seg, i, fromModel, locate);
        text += e;
      } else {
        const parts = trimComponents(e);
        for (let j = 0; j < parts.length; j++) {
          const part = parts[j] as string;
          this.check(part, seg, i, fromModel, locate);
          if (j > 0) text += component;
          text += part;
        }
      }
    }
    return text + this.suffix;
  }
}
