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
export function runAsync<E>(
  source: X12Source,
  options: ReadOptions,
  handler: TransactionHandler,
  queue: Array<E | WarningEvent>,
): AsyncGenerator<E | WarningEvent> {
  return new EventStream<E | WarningEvent>(source, options, handler, queue);
}

type Result<T> = IteratorResult<T, undefined>;
const DONE: Result<never> = Object.freeze({ done: true, value: undefined });

/**
 * The async generator behind {@link runAsync}, written by hand: the events of each 64 KiB slice
 * are handed out from an array with an already settled promise each, instead of resuming a
 * generator per event (which cost about a tenth of the 835 reader's time). It behaves as an
 * async generator does: calls are served in order, the first error rejects and ends it, and
 * `return`/`throw` close the source (e.g. a file stream) when the reader stops early.
 */
class EventStream<T> implements AsyncGenerator<T> {
  private batch: T[] = [];
  private at = 0;
  private finished = false;
  private inputEnded = false;
  /** The chunk being sliced and the next slice offset in it. */
  private chunk: Uint8Array | undefined;
  private offset = 0;
  /** The pending pull from the source, so that overlapping `next` calls are served in order. */
  private pending: Promise<unknown> | undefined;
  private readonly chunks: AsyncIterator<Uint8Array>;
  private readonly scanner: SegmentScanner;
  private readonly validator: EnvelopeValidator;

  constructor(
    source: X12Source,
    options: ReadOptions,
    handler: TransactionHandler,
    private readonly queue: T[],
  ) {
    const { scanner, validator } = pipeline(options, handler, (warning) =>
      queue.push({ type: "warning", warning } as T),
    );
    this.scanner = scanner;
    this.validator = validator;
    this.chunks = chunksOf(source, options.encoding ?? "utf8")[Symbol.asyncIterator]();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<Result<T>> {
    if (this.pending === undefined && this.at < this.batch.length) return Promise.resolve(this.take());
    if (this.finished) return Promise.resolve(DONE);
    const pull = (this.pending ?? Promise.resolve()).then(() => this.pull());
    const settled = pull.then(
      () => {
        if (this.pending === settled) this.pending = undefined;
      },
      () => {
        if (this.pending === settled) this.pending = undefined;
      },
    );
    this.pending = settled;
    return pull;
  }

  /** Hands out the next queued event, dropping the batch's reference so the consumer's events die young. */
  private take(): Result<T> {
    const value = this.batch[this.at] as T;
    this.batch[this.at++] = undefined as T;
    return { done: false, value };
  }

  /** Reads slices until events are queued (or the input ends) and hands out the first. */
  private async pull(): Promise<Result<T>> {
    try {
      for (;;) {
        if (this.at < this.batch.length) return this.take();
        if (this.finished) return DONE;
        if (this.queue.length > 0) {
          this.batch = this.queue.splice(0);
          this.at = 0;
          continue;
        }
        if (this.inputEnded) {
          this.finished = true;
          return DONE;
        }
        const chunk = this.chunk;
        if (chunk !== undefined) {
          // Hand events out every 64 KiB so they die young instead of piling up for a whole large
          // chunk (a 1 MiB chunk's claims would outlive several scavenges: twice the GC work).
          const at = this.offset;
          this.offset += SLICE;
          if (this.offset >= chunk.length) this.chunk = undefined;
          this.scanner.push(chunk.length <= SLICE ? chunk : chunk.subarray(at, at + SLICE), this.validator);
          continue;
        }
        const r = await this.chunks.next();
        if (this.finished) return DONE; // returned while waiting for input
        if (r.done === true) {
          this.inputEnded = true;
          this.scanner.end(this.validator);
          this.validator.finish();
          continue;
        }
        if (r.value.length > 0) {
          this.chunk = r.value;
          this.offset = 0;
        }
      }
    } catch (err) {
      // As `for await` does on an error: close the source, and report the error, not the close's.
      await this.close().catch(() => undefined);
      throw err;
    }
  }

  /** Ends the stream and closes the source. */
  private close(): Promise<unknown> {
    const open = !this.finished;
    this.finished = true;
    this.batch = [];
    this.at = 0;
    this.chunk = undefined;
    this.queue.length = 0;
    return open && !this.inputEnded ? Promise.resolve(this.chunks.return?.()) : Promise.resolve();
  }

  async return(value?: unknown): Promise<Result<T>> {
    await this.close();
    return { done: true, value: value as undefined };
  }

  async throw(err: unknown): Promise<Result<T>> {
    await this.close();
    throw err;
  }
}
