import { Buffer, isUtf8 } from "node:buffer";
import { type WarningHandler, X12Error } from "../errors.js";
import { type Delimiters, validateDelimiters } from "./delimiters.js";
import { parseIsa } from "./isa.js";
import { Segment, SegmentView } from "./segment.js";
import { idFor, isUpperOrDigit, segmentId, segmentIdKey } from "./segment-id.js";

/** Text decoding of segment bytes. Delimiters are ASCII, so both are safe for scanning. */
export type X12Encoding = "utf8" | "latin1";

/** Options of {@link SegmentScanner}: limits, delimiters for envelope-less input, decoding, strictness. */
export type ScannerOptions = {
  /** Delimiters for input without an ISA envelope (starting at ST). Ignored when ISA is present. */
  delimiters?: Delimiters;
  /** Strict (default): envelope and width problems throw. Lenient: they become warnings. */
  strict?: boolean;
  /**
   * Decoding of element text. Default `"utf8"`: bytes that are not valid UTF-8 are `BAD_ENCODING` (strict) or a
   * warning with U+FFFD in their place (lenient). `"latin1"` reads every byte as a character.
   */
  encoding?: X12Encoding;
  /** Give up looking for ISA after this many bytes of leading prose. Default 1 MiB. */
  maxPreambleBytes?: number;
  /** Longest accepted segment in bytes; bounds memory on input without terminators. Default 1 MiB. */
  maxSegmentBytes?: number;
  onWarning?: WarningHandler;
};

/** Receives each segment, and learns when an envelope-less input starts at ST. */
export type ScannerSink = {
  segment(segment: Segment): void;
  envelopeless?(delimiters: Delimiters): void;
  /**
   * Fast path: when `views` is true, every segment except the envelope ones (ISA, GS, ST, SE, GE,
   * IEA) is passed to `view` as a transient {@link SegmentView} instead of a new {@link Segment}.
   * The view is reused for the next segment, so it must not be kept.
   */
  readonly views?: boolean;
  view?(view: SegmentView): void;
};

type State = "start" | "prose" | "isa" | "segments" | "afterIea";

const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;
const NUL = 0x00;
const EOF_MARK = 0x1a;

function isBlank(b: number): boolean {
  return b === CR || b === LF || b === SPACE || b === TAB || b === NUL || b === EOF_MARK;
}

function startsWithIsa(buf: Uint8Array, at: number): boolean {
  return buf[at] === 0x49 && buf[at + 1] === 0x53 && buf[at + 2] === 0x41;
}

/** A byte after "ISA" that can be an element separator (so "ISABEL" in prose is not ISA). */
function isSeparatorCandidate(b: number): boolean {
  return !(isUpperOrDigit(b) || (b >= 0x61 && b <= 0x7a) || b === SPACE || b === CR || b === LF);
}

const REPLACEMENT = "\uFFFD";

/**
 * Whether the input's first bytes are UTF-16 or UTF-32 (a byte-order mark, or ASCII with NULs between), which the
 * byte scanner cannot read: NO_ISA then says so, instead of only that no ISA was found.
 */
function wideEncoding(buf: Uint8Array): string | undefined {
  const b = (i: number) => buf[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xfe) return b(2) === 0 && b(3) === 0 ? "UTF-32LE" : "UTF-16LE";
  if (b(0) === 0 && b(1) === 0 && b(2) === 0xfe && b(3) === 0xff) return "UTF-32BE";
  if (b(0) === 0xfe && b(1) === 0xff) return "UTF-16BE";
  const n = Math.min(buf.length, 64) & ~3;
  if (n < 4) return undefined;
  const all = (step: number, test: (at: number) => boolean) => {
    for (let at = 0; at < n; at += step) if (!test(at)) return false;
    return true;
  };
  if (all(4, (at) => b(at) !== 0 && b(at + 1) === 0 && b(at + 2) === 0 && b(at + 3) === 0)) return "UTF-32LE";
  if (all(4, (at) => b(at) === 0 && b(at + 1) === 0 && b(at + 2) === 0 && b(at + 3) !== 0)) return "UTF-32BE";
  if (all(2, (at) => b(at) !== 0 && b(at + 1) === 0)) return "UTF-16LE";
  if (all(2, (at) => b(at) === 0 && b(at + 1) !== 0)) return "UTF-16BE";
  return undefined;
}

/**
 * Index of the first byte in `buf[from, to)` that does not begin a valid UTF-8 sequence, or -1. Overlong forms,
 * surrogates and code points above U+10FFFF are invalid, as in the decoder.
 */
function firstInvalidUtf8(buf: Uint8Array, from: number, to: number): number {
  let i = from;
  while (i < to) {
    const b = buf[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    // Not a lead byte, or the sequence does not fit before `to`.
    if (n === 0 || i + n >= to) return i;
    const b1 = buf[i + 1] as number;
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (b1 < low || b1 > high) return i;
    for (let k = 2; k <= n; k++) if (((buf[i + k] as number) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

function toBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * Push-based byte scanner: feed chunks with {@link SegmentScanner.push}, then call
 * {@link SegmentScanner.end}. It finds ISA (after an optional UTF-8 BOM and prose), takes the
 * delimiters from it, and emits one {@link Segment} per terminator. Only the bytes of the
 * unfinished last segment are kept between chunks, so memory stays bounded.
 */
export class SegmentScanner {
  private state: State = "start";
  private pending: Buffer | null = null;
  /** Absolute offset of `pending[0]` (or of the next chunk when nothing is pending). */
  private base = 0;
  private count = 0;
  private delimiters: Delimiters | undefined;
  private termByte = 0x7e;
  private elementChar = "*";
  private segmentView: SegmentView | undefined;
  private readonly strict: boolean;
  private readonly encoding: X12Encoding;
  private readonly maxPreamble: number;
  private readonly maxSegment: number;
  private readonly options: ScannerOptions;
  private proseBytes = 0;
  private proseLineStart = true;
  /** Byte offset where the prose before ISA began (what a NO_ISA error points at, however the input was chunked). */
  private proseStart = 0;
  private sawBom = false;
  /** "UTF-16LE" etc. when the input starts as wide text (see wideEncoding). */
  private wide: string | undefined;
  private ended = false;

  constructor(options: ScannerOptions = {}) {
    this.options = options;
    this.strict = options.strict ?? true;
    this.encoding = options.encoding ?? "utf8";
    this.maxPreamble = options.maxPreambleBytes ?? 1 << 20;
    this.maxSegment = options.maxSegmentBytes ?? 1 << 20;
  }

  /** Number of segments emitted so far. */
  get segmentCount(): number {
    return this.count;
  }

  /** Delimiters of the current interchange, once known. */
  get currentDelimiters(): Delimiters | undefined {
    return this.delimiters;
  }

  push(chunk: Uint8Array | string, sink: ScannerSink): void {
    if (this.ended) throw new Error("SegmentScanner.push after end");
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, this.encoding) : toBuffer(chunk);
    if (bytes.length === 0) return;
    const pending = this.pending;
    this.pending = null;
    if (pending === null) {
      this.run(bytes, false, sink);
      return;
    }
    if (this.state === "segments") {
      // Complete the unfinished segment with the head of the chunk, without copying the whole chunk.
      const end = bytes.indexOf(this.termByte);
      if (end >= 0) {
        this.run(Buffer.concat([pending, bytes.subarray(0, end + 1)]), false, sink);
        if (this.pending !== null) {
          // The state changed inside (e.g. after IEA): fall back to joining the rest.
          const rest: Buffer = this.pending;
          this.pending = null;
          this.run(Buffer.concat([rest, bytes.subarray(end + 1)]), false, sink);
        } else {
          this.run(bytes.subarray(end + 1), false, sink);
        }
        return;
      }
    }
    this.run(Buffer.concat([pending, bytes]), false, sink);
  }

  end(sink: ScannerSink): void {
    if (this.ended) return;
    this.ended = true;
    const buf = this.pending ?? Buffer.alloc(0);
    this.pending = null;
    this.run(buf, true, sink);
  }

  private keep(buf: Buffer, from: number): void {
    if (from < buf.length) {
      this.pending = buf.subarray(from);
      this.base += from;
    } else {
      this.base += buf.length;
    }
  }

  private run(buf: Buffer, final: boolean, sink: ScannerSink): void {
    let pos = 0;
    for (;;) {
      let next: number;
      switch (this.state) {
        case "start":
          next = this.scanStart(buf, pos, final, sink);
          break;
        case "prose":
          next = this.scanProse(buf, pos, final);
          break;
        case "isa":
          next = this.scanIsa(buf, pos, final, sink);
          break;
        case "segments":
          next = this.scanSegments(buf, pos, final, sink);
          break;
        case "afterIea":
          next = this.scanAfterIea(buf, pos, final);
          break;
      }
      if (next < 0) {
        // Need more input: keep the unconsumed tail.
        this.keep(buf, -next - 1);
        return;
      }
      if (next >= buf.length && (this.state === "segments" || this.state === "afterIea" || final)) {
        this.keep(buf, next);
        if (final) this.finish();
        return;
      }
      pos = next;
    }
  }

  /** Encodes "need more input, keep from `pos`" as a negative number. */
  private wait(pos: number): number {
    return -pos - 1;
  }

  private scanStart(buf: Buffer, pos: number, final: boolean, sink: ScannerSink): number {
    let p = pos;
    if (!this.sawBom && this.base + p === 0) {
      if (buf.length < 64 && !final) return this.wait(p);
      this.wide = wideEncoding(buf);
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) p = 3;
      this.sawBom = true;
    }
    while (p < buf.length && isBlank(buf[p] ?? 0)) p++;
    if (buf.length - p < 4) {
      if (!final) return this.wait(p);
      if (buf.length - p === 0) {
        throw new X12Error("NO_ISA", "input is empty: no ISA interchange header", {
          byteOffset: this.base + p,
        });
      }
    }
    if (startsWithIsa(buf, p) && isSeparatorCandidate(buf[p + 3] ?? 0)) {
      this.state = "isa";
      return p;
    }
    // Envelope-less input: starts at "ST" followed by a separator.
    if (buf[p] === 0x53 && buf[p + 1] === 0x54 && p + 2 < buf.length && !isUpperOrDigit(buf[p + 2] ?? 0)) {
      const supplied = this.options.delimiters;
      if (supplied === undefined) {
        throw new X12Error(
          "NO_DELIMITERS",
          "input starts at ST without an ISA envelope, so the delimiters cannot be read from ISA",
          {
            segmentNumber: 1,
            segmentId: "ST",
            byteOffset: this.base + p,
            expected: "an ISA header, or options.delimiters ({ element, component, repetition, segment })",
          },
        );
      }
      this.useDelimiters(validateDelimiters({ ...supplied }, "options.delimiters"));
      sink.envelopeless?.(this.delimiters as Delimiters);
      this.state = "segments";
      return p;
    }
    this.state = "prose";
    this.proseStart = this.base + p;
    return p;
  }

  /** Skips prose until a line that starts with ISA followed by a separator. */
  private scanProse(buf: Buffer, pos: number, final: boolean): number {
    let p = pos;
    for (;;) {
      if (this.proseLineStart) {
        if (buf.length - p < 4) {
          if (!final) return this.wait(p);
          break;
        }
        if (startsWithIsa(buf, p) && isSeparatorCandidate(buf[p + 3] ?? 0)) {
          // However the input was cut into chunks, prose longer than the limit is refused.
          if (this.proseBytes > this.maxPreamble) break;
          this.state = "isa";
          return p;
        }
        this.proseLineStart = false;
      }
      const nl = buf.indexOf(LF, p);
      const cr = buf.indexOf(CR, p);
      let eol = nl < 0 ? cr : cr < 0 ? nl : Math.min(nl, cr);
      if (eol < 0) {
        this.proseBytes += buf.length - p;
        p = buf.length;
        break;
      }
      while (eol < buf.length && (buf[eol] === CR || buf[eol] === LF)) eol++;
      this.proseBytes += eol - p;
      p = eol;
      this.proseLineStart = true;
    }
    if (this.proseBytes > this.maxPreamble || final) {
      if (this.wide !== undefined) throw this.wideError();
      throw new X12Error(
        "NO_ISA",
        final && this.proseBytes <= this.maxPreamble
          ? "no ISA interchange header found: the input holds no line starting with ISA"
          : `no ISA interchange header within the first ${this.maxPreamble} bytes`,
        { byteOffset: this.proseStart, expected: "ISA at the start of the input or of a line" },
      );
    }
    return this.wait(p);
  }

  private scanIsa(buf: Buffer, pos: number, final: boolean, sink: ScannerSink): number {
    const parsed = parseIsa(
      buf,
      pos,
      buf.length,
      final,
      this.strict,
      this.base + pos,
      this.options.onWarning,
    );
    if (parsed === undefined) return this.wait(pos);
    this.useDelimiters(parsed.delimiters);
    this.count++;
    sink.segment(Segment.fromElements(parsed.elements, this.count, this.base + pos, parsed.delimiters));
    this.state = "segments";
    return pos + parsed.length;
  }

  private useDelimiters(d: Delimiters): void {
    this.delimiters = d;
    this.termByte = d.segment.charCodeAt(0);
    this.elementChar = d.element;
    this.segmentView = undefined;
  }

  private scanSegments(buf: Buffer, pos: number, final: boolean, sink: ScannerSink): number {
    if (sink.views === true && sink.view !== undefined) return this.scanViews(buf, pos, final, sink);
    const term = this.termByte;
    const termChar = String.fromCharCode(term);
    const len = buf.length;
    const sepCode = this.elementChar.charCodeAt(0);
    const delimiters = this.delimiters as Delimiters;
    // Decode the whole slice once. When characters map 1:1 to bytes (latin1 always; utf8 when the
    // decoded length equals the byte length, i.e. no multi-byte sequence), segments are substrings
    // found with string search and byte offsets stay exact; otherwise each segment is decoded alone.
    const str = buf.toString(this.encoding, pos, len);
    const whole = str.length === len - pos;
    let replacement = this.encoding === "utf8" ? str.indexOf(REPLACEMENT) : -1;
    let p = pos;
    for (;;) {
      // Line breaks between segments; a blank terminator (newline) makes blank lines skippable too.
      while (p < len) {
        const b = buf[p] as number;
        if (!isBlank(b) || (b === term && term !== LF && term !== CR)) break;
        p++;
      }
      if (p >= len) return p;
      let end = whole ? str.indexOf(termChar, p - pos) : buf.indexOf(term, p);
      if (whole && end >= 0) end += pos;
      if (end < 0) {
        if (this.noTerminator(buf, p, final)) return this.wait(p);
        end = len;
      }
      if (end - p > this.maxSegment) this.tooLong(buf, p);
      let stop = end;
      if (term === LF && stop > p && buf[stop - 1] === CR) stop--;
      const text = whole ? str.substring(p - pos, stop - pos) : buf.toString(this.encoding, p, stop);
      this.count++;
      const id = segmentId(text, sepCode);
      if (id === undefined) {
        throw new X12Error("BAD_SEGMENT_ID", "segment does not start with a 2-3 character segment id", {
          segmentNumber: this.count,
          byteOffset: this.base + p,
          expected: "an id of 2-3 uppercase letters/digits starting with a letter",
          found: text.length > 40 ? `${text.slice(0, 40)}…` : text,
        });
      }
      if (replacement >= 0) {
        if (whole) {
          if (replacement < p - pos) replacement = str.indexOf(REPLACEMENT, p - pos);
          if (replacement >= 0 && replacement < stop - pos) this.checkUtf8(buf, p, stop, id);
        } else if (text.includes(REPLACEMENT)) this.checkUtf8(buf, p, stop, id);
      }
      sink.segment(new Segment(text, id, this.count, this.base + p, delimiters));
      p = end + 1;
      if (id === "IEA") {
        this.state = "afterIea";
        return p;
      }
    }
  }

  /**
   * {@link SegmentScanner.scanSegments} for sinks that take transient views: one pass over the
   * bytes finds the terminator and the element separators together, and the segment is read in
   * place in the slice's decoded string (no per-segment string, object or separator search).
   */
  private scanViews(buf: Buffer, pos: number, final: boolean, sink: ScannerSink): number {
    const term = this.termByte;
    const len = buf.length;
    const sep = this.elementChar.charCodeAt(0);
    const delimiters = this.delimiters as Delimiters;
    let view = this.segmentView;
    if (view === undefined) {
      view = new SegmentView(delimiters);
      this.segmentView = view;
    }
    const blankTerm = term === LF || term === CR;
    // As in scanSegments: one decoded string per slice; byte positions equal character positions
    // when the decoded length equals the byte length, else each segment is decoded alone.
    const str = buf.toString(this.encoding, pos, len);
    const whole = str.length === len - pos;
    let replacement = this.encoding === "utf8" ? str.indexOf(REPLACEMENT) : -1;
    let p = pos;
    for (;;) {
      while (p < len) {
        const b = buf[p] as number;
        // Every blank is a control character or space: one comparison for the usual id letter.
        if (b > SPACE || !isBlank(b) || (b === term && !blankTerm)) break;
        p++;
      }
      if (p >= len) return p;
      let seps = view.seps;
      let n = 0;
      let i = p;
      for (; i < len; i++) {
        const b = buf[i] as number;
        if (b === term) break;
        if (b === sep) {
          if (n === seps.length) seps = view.grow();
          seps[n++] = i - pos;
        }
      }
      if (i >= len) {
        if (this.noTerminator(buf, p, final)) return this.wait(p);
      }
      if (i - p > this.maxSegment) this.tooLong(buf, p);
      let stop = i;
      if (term === LF && stop > p && buf[stop - 1] === CR) stop--;
      this.count++;
      view.number = this.count;
      view.offset = this.base + p;
      if (whole) {
        view.source = str;
        view.start = p - pos;
        view.end = stop - pos;
        view.count = n;
      } else {
        view.reset(buf.toString(this.encoding, p, stop), sep);
      }
      const key = segmentIdKey(view.source, view.start, view.end, sep);
      if (key < 0) {
        const text = view.text;
        throw new X12Error("BAD_SEGMENT_ID", "segment does not start with a 2-3 character segment id", {
          segmentNumber: this.count,
          byteOffset: this.base + p,
          expected: "an id of 2-3 uppercase letters/digits starting with a letter",
          found: text.length > 40 ? `${text.slice(0, 40)}…` : text,
        });
      }
      view.key = key;
      view.id = idFor(key, view.source, view.start);
      if (replacement >= 0) {
        if (whole) {
          if (replacement < p - pos) replacement = str.indexOf(REPLACEMENT, p - pos);
          if (replacement >= 0 && replacement < stop - pos) this.checkUtf8(buf, p, stop, view.id);
        } else if (view.source.includes(REPLACEMENT)) this.checkUtf8(buf, p, stop, view.id);
      }
      p = i + 1;
      if (isEnvelopeKey(key)) {
        sink.segment(view.toSegment());
        if (key === KEY_IEA) {
          this.state = "afterIea";
          return p;
        }
      } else {
        sink.view?.(view);
      }
    }
  }

  /**
   * A segment whose decoded text holds U+FFFD: unless its bytes are valid UTF-8 (U+FFFD written as such), they were
   * not, and were replaced in decoding. Strict: BAD_ENCODING; lenient: a warning, the text keeps U+FFFD.
   */
  private checkUtf8(buf: Buffer, p: number, stop: number, id: string): void {
    if (isUtf8(buf.subarray(p, stop))) return;
    const found = firstInvalidUtf8(buf, p, stop);
    const at = found < 0 ? p : found;
    const err = new X12Error("BAD_ENCODING", `byte ${at - p} of the segment is not valid UTF-8`, {
      segmentNumber: this.count,
      segmentId: id,
      byteOffset: this.base + p,
      expected: 'UTF-8 text (a Latin-1 file reads with { encoding: "latin1" })',
      found: `0x${(buf[at] ?? 0).toString(16).toUpperCase().padStart(2, "0")}`,
    });
    if (this.strict) throw err;
    this.options.onWarning?.(err);
  }

  /**
   * No terminator after `p`: refuses an over-long segment; otherwise true when more input may
   * still come (the caller waits), and at the end reports the unterminated last segment.
   */
  private noTerminator(buf: Buffer, p: number, final: boolean): boolean {
    if (buf.length - p > this.maxSegment) this.tooLong(buf, p);
    if (!final) return true;
    this.unterminated(buf, p);
    return false;
  }

  /**
   * Refuses a segment longer than `maxSegmentBytes`, whether or not its terminator has arrived yet, so that the
   * answer does not depend on how the input was cut into chunks.
   */
  private tooLong(buf: Buffer, p: number): never {
    throw new X12Error("SEGMENT_TOO_LONG", `no segment terminator within ${this.maxSegment} bytes`, {
      segmentNumber: this.count + 1,
      segmentId: this.leadingId(buf, p),
      byteOffset: this.base + p,
      expected: `segment terminator ${JSON.stringify(this.delimiters?.segment ?? "~")}`,
    });
  }

  /** The segment id at `p` when an element separator follows it (for errors about a segment not read whole). */
  private leadingId(buf: Buffer, p: number): string | undefined {
    const sep = this.elementChar.charCodeAt(0);
    const n = buf[p + 2] === sep ? 2 : buf[p + 3] === sep ? 3 : 0;
    return n === 0 ? undefined : segmentId(buf.toString("latin1", p, p + n), sep);
  }

  private unterminated(buf: Buffer, p: number): void {
    const text = buf.toString(this.encoding, p, Math.min(buf.length, p + 40));
    const err = new X12Error("TRUNCATED", "the last segment has no segment terminator", {
      segmentNumber: this.count + 1,
      segmentId: this.leadingId(buf, p),
      byteOffset: this.base + p,
      expected: `segment terminator ${JSON.stringify(this.delimiters?.segment ?? "~")}`,
      found: text,
    });
    if (this.strict) throw err;
    this.options.onWarning?.(err);
  }

  private scanAfterIea(buf: Buffer, pos: number, final: boolean): number {
    let p = pos;
    while (p < buf.length && isBlank(buf[p] ?? 0)) p++;
    if (p >= buf.length) return p;
    if (buf.length - p < 4 && !final) return this.wait(p);
    if (startsWithIsa(buf, p) && isSeparatorCandidate(buf[p + 3] ?? 0)) {
      this.state = "isa";
      return p;
    }
    throw new X12Error("UNEXPECTED_SEGMENT", "data after IEA", {
      segmentNumber: this.count + 1,
      byteOffset: this.base + p,
      expected: "ISA (a further interchange) or end of input",
      found: buf.toString(this.encoding, p, Math.min(buf.length, p + 20)),
    });
  }

  /** NO_ISA for input that is UTF-16 or UTF-32 text: X12 is read as bytes of 8-bit text. */
  private wideError(): X12Error {
    return new X12Error(
      "NO_ISA",
      `no ISA interchange header: the input looks like ${this.wide} text; X12 is read as 8-bit text (ASCII, UTF-8 or Latin-1), so decode it first`,
      { byteOffset: 0, expected: "ISA in 8-bit text", found: this.wide },
    );
  }

  private finish(): void {
    if (this.wide !== undefined && (this.state === "start" || this.state === "prose")) throw this.wideError();
    if (this.state === "start" || this.state === "prose") {
      throw new X12Error("NO_ISA", "input holds no ISA interchange header", {});
    }
  }
}

const KEY_ISA = 0x495341;
const KEY_IEA = 0x494541;
const KEY_GS = 0x4753;
const KEY_GE = 0x4745;
const KEY_ST = 0x5354;
const KEY_SE = 0x5345;

function isEnvelopeKey(key: number): boolean {
  return (
    key === KEY_ST || key === KEY_SE || key === KEY_GS || key === KEY_GE || key === KEY_ISA || key === KEY_IEA
  );
}
