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

/**
 * Which characters values may hold. `"ascii"` (default): printable ASCII, the X12 basic and extended
 * character sets that clearinghouses accept. `"utf8"`: any character but control characters, for a
 * receiver that agreed to take UTF-8 (the guides allow national characters only by agreement).
 */
export type CharacterSet = "ascii" | "utf8";

/** Levels of the renderer's character table. */
const OK = 0;
const DELIMITER = 1;
const REPETITION = 2;
const CONTROL = 3;
const NOT_ASCII = 4;
/** ISA is fixed-width: its values must be ASCII whatever the character set. */
const ISA_NOT_ASCII = 5;
/** Half of a UTF-16 surrogate pair without the other half: no character at all. */
const LONE_SURROGATE = 6;

/** What a refused character is, and what was expected instead, by level. */
function refusal(level: number, char: string, unicode: string): [summary: string, expected: string] {
  switch (level) {
    case DELIMITER:
    case REPETITION:
      return [`a value contains the delimiter ${JSON.stringify(char)}`, "text without delimiter characters"];
    case CONTROL:
      return [
        `a value contains the control character ${unicode}`,
        "text without control characters (line breaks, tabs, …)",
      ];
    case ISA_NOT_ASCII:
      return [
        `a value contains ${JSON.stringify(char)} (${unicode}), outside ASCII`,
        "ASCII: ISA is fixed-width, counted in bytes, whatever the character set",
      ];
    case LONE_SURROGATE:
      return [
        `a value contains the lone surrogate ${unicode}`,
        "well-formed text (a surrogate is half a character)",
      ];
    default:
      return [
        `a value contains ${JSON.stringify(char)} (${unicode}), outside the X12 character set`,
        'printable ASCII, the X12 basic and extended character sets (transliterate the value, e.g. Ñ to N; or write with characterSet: "utf8" when the receiver agreed to UTF-8)',
      ];
  }
}

/**
 * Renders segments to text with the given delimiters, refusing values that contain a delimiter, a
 * control character, or (with the default character set) a character outside printable ASCII.
 */
export class SegmentRenderer {
  /** Char codes that may not appear in values (see the levels above), for codes below 256. */
  private readonly forbidden = new Uint8Array(256);
  private readonly high: Map<number, number> = new Map();
  /** Level of a character above 255 that is not a delimiter. */
  private readonly beyondLatin1: number;
  private readonly suffix: string;

  constructor(
    readonly delimiters: Delimiters,
    lineBreaks: boolean,
    characterSet: CharacterSet = "ascii",
  ) {
    for (let code = 0; code < 0x20; code++) this.forbidden[code] = CONTROL;
    this.forbidden[0x7f] = CONTROL;
    for (let code = 0x80; code < 0x100; code++)
      this.forbidden[code] = code < 0xa0 ? CONTROL : characterSet === "ascii" ? NOT_ASCII : OK;
    this.beyondLatin1 = characterSet === "ascii" ? NOT_ASCII : OK;
    for (const d of [delimiters.element, delimiters.component, delimiters.segment])
      this.mark(d.charCodeAt(0), DELIMITER);
    if (delimiters.repetition !== undefined) this.mark(delimiters.repetition.charCodeAt(0), REPETITION);
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
      const level = code < 256 ? (table[code] as number) : (this.high.get(code) ?? this.beyondLatin1);
      if (level === OK) {
        if (code >= 0xd800 && code <= 0xdfff) {
          // Allowed (characterSet "utf8"): a pair is one character; a lone half would be written as U+FFFD.
          const next = value.charCodeAt(i + 1);
          if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff))
            this.fail(seg, position, value, i, LONE_SURROGATE, locate);
          i++;
        }
        continue;
      }
      if (level === REPETITION && !strictRepetition) continue;
      this.fail(seg, position, value, i, level, locate);
    }
  }

  private fail(
    seg: RawSegment,
    position: number,
    value: string,
    at: number,
    level: number,
    locate: ValueLocator | undefined,
  ): never {
    const code = value.codePointAt(at) as number;
    const char = String.fromCodePoint(code);
    const unicode = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
    const [summary, expected] = refusal(level, char, unicode);
    throw new X12Error("INVALID_MODEL", summary, {
      segmentId: String(seg[0] ?? ""),
      elementPosition: position,
      path: locate?.(value, char),
      found: value,
      expected,
    });
  }

  /** ISA: its elements 11 and 16 are the delimiters themselves, so only ISA01-ISA10 are checked. */
  renderIsa(seg: readonly string[], locate?: ValueLocator): string {
    for (let i = 1; i <= 10; i++) {
      const value = seg[i] ?? "";
      this.check(value, seg, i, true, locate);
      for (let j = 0; j < value.length; j++)
        if (value.charCodeAt(j) > 0x7e) this.fail(seg, i, value, j, ISA_NOT_ASCII, locate);
    }
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
