import { Buffer } from "node:buffer";
import type { X12Encoding } from "../tokenizer/scanner.js";

/**
 * Anything a reader accepts: a whole buffer or string, or a stream of chunks. A Node `Readable`
 * (e.g. `fs.createReadStream(path)`) is an `AsyncIterable<Buffer>` and is read chunk by chunk.
 */
export type X12Source =
  | string
  | Uint8Array
  | AsyncIterable<Uint8Array | string>
  | Iterable<Uint8Array | string>;

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array | string> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

/** Normalizes a source into byte chunks without copying buffers. */
export async function* chunksOf(source: X12Source, encoding: X12Encoding): AsyncGenerator<Uint8Array> {
  if (typeof source === "string") {
    yield Buffer.from(source, encoding);
    return;
  }
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  if (isAsyncIterable(source)) {
    for await (const chunk of source) yield typeof chunk === "string" ? Buffer.from(chunk, encoding) : chunk;
    return;
  }
  for (const chunk of source) yield typeof chunk === "string" ? Buffer.from(chunk, encoding) : chunk;
}

/** True when the source is already fully in memory (string or bytes). */
export function isWholeInput(source: X12Source): source is string | Uint8Array {
  return typeof source === "string" || source instanceof Uint8Array;
}
