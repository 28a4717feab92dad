import type { X12Error } from "../../errors.js";
import { type ReadOptions, runAsync, runSync, type WarningEvent } from "../../stream/run.js";
import type { X12Source } from "../../stream/source.js";
import { FieldReader } from "../fields.js";
import { Reader999 } from "./reader.js";
import type { Ack999 } from "./types.js";

function reader(options: ReadOptions, emit: (a: Ack999) => void, warnings: X12Error[]): Reader999 {
  const warn = (w: X12Error) => {
    warnings.push(w);
    options.onWarning?.(w);
  };
  return new Reader999(new FieldReader(options.strict ?? true, warn, "reject"), emit, () =>
    warnings.splice(0),
  );
}

/** Reads a whole in-memory 999 into one {@link Ack999} per transaction set. */
export function parse999(input: string | Uint8Array, options: ReadOptions = {}): Ack999[] {
  const acks: Ack999[] = [];
  const warnings: X12Error[] = [];
  runSync(
    input,
    options,
    reader(options, (a) => acks.push(a), warnings),
    (w) => warnings.push(w),
  );
  // GE/IEA warnings arrive after the last SE.
  const last = acks[acks.length - 1];
  if (last) last.warnings.push(...warnings);
  return acks;
}

/** Streams a 999: yields one {@link Ack999} per transaction set. */
export async function* read999(source: X12Source, options: ReadOptions = {}): AsyncGenerator<Ack999> {
  const queue: Array<Ack999 | WarningEvent> = [];
  let pending: X12Error[] = [];
  let held: Ack999 | undefined;
  // An ack is held until the next one (or the end) so that GE/IEA warnings can still join it.
  for await (const item of runAsync<Ack999>(
    source,
    options,
    reader(options, (a) => queue.push(a), []),
    queue,
  )) {
    if ("type" in item) {
      pending.push(item.warning);
      continue;
    }
    if (held) yield held;
    item.warnings.push(...pending);
    pending = [];
    held = item;
  }
  if (held) {
    held.warnings.push(...pending);
    yield held;
  }
}
