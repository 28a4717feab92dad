import type { TransactionContext } from "../envelope/headers.js";
import type { TransactionHandler } from "../envelope/validator.js";
import type { X12Error } from "../errors.js";
import type { Segment } from "../tokenizer/segment.js";
import { type ReadOptions, runAsync, runSync, type WarningEvent } from "./run.js";
import type { X12Source } from "./source.js";

/** Events of {@link readX12}: every segment, with transaction-set boundaries marked. */
export type X12Event =
  | { type: "envelope"; segment: Segment }
  | { type: "transactionStart"; context: TransactionContext; segment: Segment }
  | { type: "segment"; context: TransactionContext; segment: Segment }
  | { type: "transactionEnd"; context: TransactionContext; segment: Segment }
  | WarningEvent;

/** One transaction set with all its segments, ST and SE included. */
export type ParsedTransaction = { context: TransactionContext; segments: Segment[] };

/** Result of {@link parseX12}. */
export type ParsedX12 = { transactions: ParsedTransaction[]; warnings: X12Error[] };

class EventHandler implements TransactionHandler {
  private context: TransactionContext | undefined;
  constructor(private readonly queue: Array<X12Event>) {}
  envelope(segment: Segment): void {
    this.queue.push({ type: "envelope", segment });
  }
  begin(context: TransactionContext, segment: Segment): void {
    this.context = context;
    this.queue.push({ type: "transactionStart", context, segment });
  }
  segment(segment: Segment): void {
    this.queue.push({ type: "segment", context: this.context as TransactionContext, segment });
  }
  end(segment: Segment): void {
    this.queue.push({ type: "transactionEnd", context: this.context as TransactionContext, segment });
  }
}

/**
 * Tokenizes and envelope-validates any X12 transaction (997, 999, 835, 837, …) as a stream of
 * events, one per segment, without building a tree. Use it for transactions this package has no
 * typed reader for.
 */
export function readX12(source: X12Source, options: ReadOptions = {}): AsyncGenerator<X12Event> {
  const queue: X12Event[] = [];
  return runAsync<X12Event>(source, options, new EventHandler(queue), queue);
}

/** Tokenizes and envelope-validates a whole in-memory input, grouping segments by transaction set. */
export function parseX12(input: string | Uint8Array, options: ReadOptions = {}): ParsedX12 {
  const transactions: ParsedTransaction[] = [];
  const warnings: X12Error[] = [];
  let current: ParsedTransaction | undefined;
  runSync(
    input,
    options,
    {
      begin(context, st) {
        current = { context, segments: [st] };
        transactions.push(current);
      },
      segment(seg) {
        current?.segments.push(seg);
      },
      end(se) {
        current?.segments.push(se);
        current = undefined;
      },
    },
    (w) => warnings.push(w),
  );
  return { transactions, warnings };
}
