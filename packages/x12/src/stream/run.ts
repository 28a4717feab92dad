import { Buffer } from "node:buffer";
import { EnvelopeValidator, type TransactionHandler } from "../envelope/validator.js";
import type { WarningHandler, X12Error } from "../errors.js";
import type { Delimiters } from "../tokenizer/delimiters.js";
import { SegmentScanner, type X12Encoding } from "../tokenizer/scanner.js";
import { chunksOf, type X12Source } from "./source.js";

/** Options shared by every reader. */
export type ReadOptions = {
  /**
   * Strict (default): envelope counts/control numbers, ISA width and element problems throw an
   * {@link X12Error}. Lenient (`false`): those become warnings and reading continues.
   * Structural problems (no ISA, truncation, unpaired envelopes) always throw.
   */
  strict?: boolean;
  /** Delimiters for input that starts at ST without an ISA envelope. */
  delimiters?: Delimiters;
  /** Text decoding of element values. Default `"utf8"`. */
  encoding?: X12Encoding;
  /** Maximum bytes of prose skipped before ISA. Default 1 MiB. */
  maxPreambleBytes?: number;
  /** Maximum segment size in bytes. Default 1 MiB. */
  maxSegmentBytes?: number;
  /** Called for each warning in lenient mode (they are also returned by the collecting functions). */
  onWarning?: WarningHandler;
};

const SLICE = 64 * 1024;

/** A warning event, yielded by the streaming readers in lenient mode. */
export type WarningEvent = { type: "warning"; warning: X12Error };

function pipeline(options: ReadOptions, handler: TransactionHandler, warn: WarningHandler) {
  const onWarning: WarningHandler = (w) => {
    warn(w);
    options.onWarning?.(w);
  };
  const scanner = new SegmentScanner({ ...options, onWarning });
  const validator = new EnvelopeValidator(handler, { strict: options.strict, onWarning });
  return { scanner, validator };
}

/** Runs a whole in-memory input through scanner, envelope validation and `handler`. */
export function runSync(
  input: string | Uint8Array,
  options: ReadOptions,
  handler: TransactionHandler,
  warn: WarningHandler = () => {},
): void {
  const { scanner, validator } = pipeline(options, handler, warn);
  const bytes = typeof input === "string" ? Buffer.from(input, options.encoding ?? "utf8") : input;
  // Same 64 KiB slicing as streaming: decoding small slices is far cheaper than one huge string.
  for (let at = 0; at < bytes.length; at += SLICE) {
    scanner.push(bytes.length <= SLICE ? bytes : bytes.subarray(at, at + SLICE), validator);
  }
  scanner.end(validator);
  validator.finish();
}

/**
 * Streams `source` chunk by chunk; after each chunk, yields the events `handler` queued.
 * Memory is bounded by the chunk size plus the events of one chunk.
 */
export async function* runAsync<E>(
  source: X12Source,
  options: ReadOptions,
  handler: TransactionHandler,
  queue: Array<E | WarningEvent>,
): AsyncGenerator<E | WarningEvent> {
  const { scanner, validator } = pipeline(options, handler, (warning) =>
    queue.push({ type: "warning", warning }),
  );
  for await (const chunk of chunksOf(source, options.encoding ?? "utf8")) {
    // Hand events out every 64 KiB so they die young instead of piling up for a whole large chunk
    // (a 1 MiB chunk's claims would outlive several scavenges and be promoted: twice the GC work).
    for (let at = 0; at < chunk.length; at += SLICE) {
      scanner.push(chunk.length <= SLICE ? chunk : chunk.subarray(at, at + SLICE), validator);
      if (queue.length > 0) yield* queue.splice(0);
    }
  }
  scanner.end(validator);
  validator.finish();
  if (queue.length > 0) yield* queue.splice(0);
}
