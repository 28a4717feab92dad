import { type WarningHandler, X12Error } from "../errors.js";
import { type Delimiters, isAlphanumericByte, validateDelimiters } from "./delimiters.js";

/** ISA is fixed width: 106 bytes including its segment terminator. */
export const ISA_LENGTH = 106;

/** Width of ISA01..ISA16. */
const ISA_WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1] as const;

/** Byte offsets (from the "I" of ISA) where the element separator must sit. */
const SEPARATOR_OFFSETS: number[] = (() => {
  const offsets: number[] = [];
  let at = 3;
  for (const width of ISA_WIDTHS) {
    offsets.push(at);
    at += width + 1;
  }
  return offsets;
})();

export type IsaParse = {
  delimiters: Delimiters;
  /** ISA elements, `[ "ISA", ISA01, …, ISA16 ]`. */
  elements: string[];
  /** Bytes consumed including the segment terminator. */
  length: number;
};

function latin1(bytes: Uint8Array, start: number, end: number): string {
  let s = "";
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i] ?? 0);
  return s;
}

/** Explains which ISA element has the wrong width; used for `BAD_ISA_LENGTH`. */
function badLength(bytes: Uint8Array, start: number, end: number, sep: number, byteOffset: number): X12Error {
  let element = 1;
  let from = start + 4;
  for (let i = from; i < end && element <= 16; i++) {
    if (bytes[i] === sep) {
      const width = i - from;
      const expected = ISA_WIDTHS[element - 1] ?? 0;
      if (width !== expected) {
        return new X12Error("BAD_ISA_LENGTH", "ISA is not the fixed 106 characters", {
          segmentNumber: 1,
          segmentId: "ISA",
          elementPosition: element,
          expected: `${expected} characters`,
          found: latin1(bytes, from, i),
          byteOffset,
        });
      }
      element++;
      from = i + 1;
    }
  }
  return new X12Error("BAD_ISA_LENGTH", "ISA is not the fixed 106 characters", {
    segmentNumber: 1,
    segmentId: "ISA",
    elementPosition: Math.min(element, 16),
    expected: `16 elements with widths ${ISA_WIDTHS.join("/")}`,
    found: latin1(bytes, start, Math.min(end, start + ISA_LENGTH)),
    byteOffset,
  });
}

/**
 * Reads the delimiters from an ISA that starts at `start`. Returns `undefined` when more bytes
 * are needed (and `final` is false). In lenient mode a variable-width ISA is accepted by counting
 * 16 separators, as many real-world files pad ISA06/ISA08 wrongly, and reported to `warn` as a
 * `BAD_ISA_LENGTH` warning.
 */
export function parseIsa(
  bytes: Uint8Array,
  start: number,
  end: number,
  final: boolean,
  strict: boolean,
  byteOffset: number,
  warn?: WarningHandler,
): IsaParse | undefined {
  const available = end - start;
  const sep = bytes[start + 3];
  if (sep === undefined) {
    if (!final) return undefined;
    throw new X12Error("TRUNCATED", "input ends inside the ISA segment", {
      segmentNumber: 1,
      segmentId: "ISA",
      expected: `${ISA_LENGTH} bytes`,
      found: latin1(bytes, start, end),
      byteOffset,
    });
  }
  if (isAlphanumericByte(sep) || sep === 0x20) {
    throw new X12Error(
      "BAD_DELIMITERS",
      "the element separator after ISA must not be a letter, digit or space",
      {
        segmentNumber: 1,
        segmentId: "ISA",
        found: String.fromCharCode(sep),
        byteOffset,
      },
    );
  }
  // Decide only on complete data: with fewer than 106 bytes a stray separator could look like a short ISA.
  if (available < ISA_LENGTH && !final) return undefined;
  let fixed = available >= ISA_LENGTH;
  if (fixed) {
    for (const off of SEPARATOR_OFFSETS) {
      if (bytes[start + off] !== sep) {
        fixed = false;
        break;
      }
    }
  }
  let componentAt: number;
  if (fixed) {
    componentAt = start + 104;
  } else {
    // Find the 16th separator; the byte after it is ISA16, then the terminator.
    let count = 0;
    let i = start + 3;
    const limit = Math.min(end, start + 4 * ISA_LENGTH);
    for (; i < limit; i++) {
      if (bytes[i] === sep && ++count === 16) break;
    }
    if (count < 16 || i + 2 >= end) {
      if (!final && end - start < 4 * ISA_LENGTH) return undefined;
      if (available < ISA_LENGTH && final) {
        throw new X12Error("TRUNCATED", "input ends inside the ISA segment", {
          segmentNumber: 1,
          segmentId: "ISA",
          expected: `${ISA_LENGTH} bytes`,
          found: latin1(bytes, start, end),
          byteOffset,
        });
      }
      throw badLength(bytes, start, end, sep, byteOffset);
    }
    // Lenient: read by counting separators, and say so.
    const width = badLength(bytes, start, end, sep, byteOffset);
    if (strict) throw width;
    warn?.(width);
    componentAt = i + 1;
  }
  const component = bytes[componentAt] ?? 0;
  const terminator = bytes[componentAt + 1] ?? 0;
  if (isAlphanumericByte(terminator) || terminator === 0x20) {
    throw new X12Error("BAD_DELIMITERS", "ISA16 must be followed by the segment terminator", {
      segmentNumber: 1,
      segmentId: "ISA",
      elementPosition: 16,
      expected: "a segment terminator after the one-character ISA16",
      found: String.fromCharCode(component, terminator),
      byteOffset,
    });
  }
  let elements: string[];
  if (fixed) {
    // Slice by the fixed widths, so that ISA11/ISA16 are read as characters even if they are odd.
    elements = ["ISA"];
    for (let i = 0; i < 16; i++) {
      const from = start + (SEPARATOR_OFFSETS[i] as number) + 1;
      elements.push(latin1(bytes, from, from + (ISA_WIDTHS[i] as number)));
    }
  } else {
    elements = latin1(bytes, start, componentAt + 1).split(String.fromCharCode(sep));
  }
  const isa11 = elements[11] ?? "";
  // 4010 files carry the standards id "U" in ISA11: then there is no repetition separator.
  const repCode = isa11.length === 1 ? isa11.charCodeAt(0) : 0x41;
  const delimiters: Delimiters = {
    element: String.fromCharCode(sep),
    component: String.fromCharCode(component),
    segment: String.fromCharCode(terminator),
  };
  if (!isAlphanumericByte(repCode) && repCode !== 0x20) {
    if (repCode === sep || repCode === component || repCode === terminator) {
      throw new X12Error("BAD_DELIMITERS", "ISA11 repetition separator repeats another delimiter", {
        segmentNumber: 1,
        segmentId: "ISA",
        elementPosition: 11,
        expected: "a repetition separator distinct from the element, component and segment delimiters",
        found: isa11,
        byteOffset,
      });
    }
    delimiters.repetition = isa11;
  }
  validateDelimiters(
    delimiters,
    "ISA",
    { segmentNumber: 1, segmentId: "ISA", byteOffset },
    { repetition: 11, component: 16 },
  );
  return { delimiters, elements, length: componentAt + 2 - start };
}
