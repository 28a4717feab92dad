import type { X12Error } from "../../errors.js";
import { type ReadOptions, runAsync, runSync, type WarningEvent } from "../../stream/run.js";
import type { X12Source } from "../../stream/source.js";
import { FieldReader } from "../fields.js";
import { Reader277 } from "./reader.js";
import type { ClaimAcknowledgment277 } from "./types.js";

function reader(
  options: ReadOptions,
  emit: (d: ClaimAcknowledgment277) => void,
  warnings: X12Error[],
): Reader277 {
  const warn = (w: X12Error) => {
    warnings.push(w);
    options.onWarning?.(w);
  };
  return new Reader277(new FieldReader(options.strict ?? true, warn, "reject"), emit, () =>
    warnings.splice(0),
  );
}

/** Reads a whole in-memory 277CA into one {@link ClaimAcknowledgment277} per transaction set. */
export function parse277CA(input: string | Uint8Array, options: ReadOptions = {}): ClaimAcknowledgment277[] {
  const docs: ClaimAcknowledgment277[] = [];
  const warnings: X12Error[] = [];
  runSync(
    input,
    options,
    reader(options, (d) => docs.push(d), warnings),
    (w) => warnings.push(w),
  );
  const last = docs[docs.length - 1];
  if (last) last.warnings.push(...warnings);
  return docs;
}

/** Streams a 277CA: yields one {@link ClaimAcknowledgment277} per transaction set. */
export async function* read277CA(
  source: X12Source,
  options: ReadOptions = {},
): AsyncGenerator<ClaimAcknowledgment277> {
  const queue: Array<ClaimAcknowledgment277 | WarningEvent> = [];
  let pending: X12Error[] = [];
  let held: ClaimAcknowledgment277 | undefined;
  for await (const item of runAsync<ClaimAcknowledgment277>(
    source,
    options,
    reader(options, (d) => queue.push(d), []),
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
