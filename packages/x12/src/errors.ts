import { elementRef } from "./element-ref.js";

/**
 * Machine-readable reason of an {@link X12Error}.
 *
 * - `NO_ISA`: no ISA interchange header was found (empty input, or only prose).
 * - `BAD_ISA_LENGTH`: the ISA segment is not the fixed 106 characters; names the element of the wrong width.
 * - `BAD_DELIMITERS`: the delimiters read from ISA (or supplied) collide or are letters/digits.
 * - `NO_DELIMITERS`: the input starts at ST (no envelope) and no delimiters were supplied.
 * - `BAD_SEGMENT_ID`: a segment does not start with a 2-3 character uppercase identifier.
 * - `SEGMENT_TOO_LONG`: no segment terminator within the configured maximum segment size.
 * - `BAD_ENCODING`: a segment's bytes are not valid UTF-8 (the default encoding); a Latin-1 file reads with `encoding: "latin1"`.
 * - `ENVELOPE_MISMATCH`: ISA/IEA, GS/GE or ST/SE are not properly paired or nested.
 * - `CONTROL_NUMBER_MISMATCH`: a trailer's control number differs from its header's.
 * - `SEGMENT_COUNT_MISMATCH`: SE01 differs from the number of segments from ST to SE.
 * - `TRANSACTION_COUNT_MISMATCH`: GE01 differs from the number of transaction sets in the group.
 * - `GROUP_COUNT_MISMATCH`: IEA01 differs from the number of functional groups in the interchange.
 * - `UNEXPECTED_SEGMENT`: a segment appears where the implementation guide does not allow it.
 * - `MISSING_SEGMENT`: a required segment is absent.
 * - `BAD_ELEMENT`: a required element is empty, or an element has an invalid value.
 * - `TRUNCATED`: the input ended inside an envelope or segment.
 * - `UNSUPPORTED_TRANSACTION`: the transaction set is not the one this reader handles (e.g. a 999 given to the 835 reader).
 * - `UNSUPPORTED_VERSION`: the implementation (GS08, or ST03) is not one the reader accepts (e.g. a 4010 835; see
 *   the 835 reader's `versions` option).
 * - `INVALID_MODEL`: the writer was given a claim model that cannot produce a valid 837P.
 */
export type X12ErrorCode =
  | "NO_ISA"
  | "BAD_ISA_LENGTH"
  | "BAD_DELIMITERS"
  | "NO_DELIMITERS"
  | "BAD_SEGMENT_ID"
  | "SEGMENT_TOO_LONG"
  | "BAD_ENCODING"
  | "ENVELOPE_MISMATCH"
  | "CONTROL_NUMBER_MISMATCH"
  | "SEGMENT_COUNT_MISMATCH"
  | "TRANSACTION_COUNT_MISMATCH"
  | "GROUP_COUNT_MISMATCH"
  | "UNEXPECTED_SEGMENT"
  | "MISSING_SEGMENT"
  | "BAD_ELEMENT"
  | "TRUNCATED"
  | "UNSUPPORTED_TRANSACTION"
  | "UNSUPPORTED_VERSION"
  | "INVALID_MODEL";

/** Where an error was found and what was expected there. Every field is optional. */
export type X12ErrorDetails = {
  /** 1-based ordinal of the segment in the input (the first ISA is segment 1). */
  segmentNumber?: number;
  /** Segment identifier, e.g. `"CLP"`. */
  segmentId?: string;
  /** 1-based element position, e.g. `3` for CLP03. */
  elementPosition?: number;
  /** 1-based component position inside a composite element. */
  componentPosition?: number;
  /** Implementation-guide loop, e.g. `"2100"`. */
  loop?: string;
  /** What the guide or the envelope expected. */
  expected?: string;
  /** What was actually found. */
  found?: string;
  /** Byte offset of the segment start in the input. */
  byteOffset?: number;
  /** Path inside a writer model, e.g. `claims[3].lines[0].chargeCents`. */
  path?: string;
};

function describe(summary: string, d: X12ErrorDetails): string {
  const where: string[] = [];
  if (d.segmentNumber !== undefined)
    where.push(`segment ${d.segmentNumber}${d.segmentId ? ` (${d.segmentId})` : ""}`);
  else if (d.segmentId) where.push(`segment ${d.segmentId}`);
  if (d.elementPosition !== undefined) {
    const ref = elementRef(d.segmentId ?? "", d.elementPosition);
    where.push(`element ${ref}${d.componentPosition !== undefined ? `-${d.componentPosition}` : ""}`);
  }
  if (d.loop) where.push(`loop ${d.loop}`);
  if (d.path) where.push(`at ${d.path}`);
  if (d.byteOffset !== undefined) where.push(`byte ${d.byteOffset}`);
  let text = summary;
  if (where.length > 0) text += ` [${where.join(", ")}]`;
  if (d.expected !== undefined) text += `; expected ${d.expected}`;
  if (d.found !== undefined) text += `; found ${JSON.stringify(d.found)}`;
  return text;
}

/**
 * The only error type the readers and the writer throw for bad input.
 * `code` is stable and machine-readable; the other fields locate the problem.
 */
export class X12Error extends Error {
  readonly code: X12ErrorCode;
  readonly segmentNumber: number | undefined;
  readonly segmentId: string | undefined;
  readonly elementPosition: number | undefined;
  readonly componentPosition: number | undefined;
  readonly loop: string | undefined;
  readonly expected: string | undefined;
  readonly found: string | undefined;
  readonly byteOffset: number | undefined;
  readonly path: string | undefined;

  constructor(code: X12ErrorCode, summary: string, details: X12ErrorDetails = {}) {
    super(`${code}: ${describe(summary, details)}`);
    this.name = "X12Error";
    this.code = code;
    this.segmentNumber = details.segmentNumber;
    this.segmentId = details.segmentId;
    this.elementPosition = details.elementPosition;
    this.componentPosition = details.componentPosition;
    this.loop = details.loop;
    this.expected = details.expected;
    this.found = details.found;
    this.byteOffset = details.byteOffset;
    this.path = details.path;
  }
}

/** Receives non-fatal problems when a reader runs with `strict: false`. */
export type WarningHandler = (warning: X12Error) => void;
