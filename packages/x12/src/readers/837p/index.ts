import type { TransactionContext } from "../../envelope/headers.js";
import type { X12Error } from "../../errors.js";
import type { Batch837P, Transaction837P } from "../../model/837p.js";
import { type ReadOptions, runAsync, runSync, type WarningEvent } from "../../stream/run.js";
import type { X12Source } from "../../stream/source.js";
import { FieldReader } from "../fields.js";
import { Reader837P } from "./reader.js";

/** A read 837P: the batch (writable again with `write837P`) and what the reader noticed. */
export type Read837P = { batch: Batch837P; warnings: X12Error[] };

function batchOf(context: TransactionContext): Batch837P {
  const i = context.interchange;
  const g = context.group;
  return {
    interchange: {
      senderQualifier: i?.senderQualifier ?? "",
      senderId: i?.senderId ?? "",
      receiverQualifier: i?.receiverQualifier ?? "",
      receiverId: i?.receiverId ?? "",
      usage: i?.usage === "P" ? "P" : "T",
      date: i?.date,
      time: i?.time,
      acknowledgmentRequested: i?.acknowledgmentRequested,
      authorizationQualifier: i?.authorizationQualifier,
      authorizationInfo: i?.authorizationInfo,
      securityQualifier: i?.securityQualifier,
      securityInfo: i?.securityInfo,
    },
    group: {
      senderCode: g?.senderCode ?? "",
      receiverCode: g?.receiverCode ?? "",
      date: g?.date,
      time: g?.time,
      version: g?.version,
    },
    transactions: [],
  };
}

class Collector {
  readonly batches: Read837P[] = [];
  private key: unknown;
  private pending: X12Error[] = [];

  add(transaction: Transaction837P, context: TransactionContext): void {
    // One batch per functional group (GS): transactions of the same group share it.
    const key = context.group ?? context.interchange ?? context;
    let current = this.batches[this.batches.length - 1];
    if (current === undefined || this.key !== key) {
      current = { batch: batchOf(context), warnings: [] };
      this.batches.push(current);
      this.key = key;
    }
    current.batch.transactions.push(transaction);
    current.warnings.push(...this.pending.splice(0));
  }

  warn(w: X12Error): void {
    this.pending.push(w);
  }

  finish(): Read837P[] {
    const last = this.batches[this.batches.length - 1];
    if (last) last.warnings.push(...this.pending.splice(0));
    return this.batches;
  }
}

function makeReader(options: ReadOptions, collector: Collector): Reader837P {
  const warn = (w: X12Error) => {
    collector.warn(w);
    options.onWarning?.(w);
  };
  return new Reader837P(new FieldReader(options.strict ?? true, warn, "reject"), (t, c) =>
    collector.add(t, c),
  );
}

/**
 * Reads a whole in-memory 837P (005010X222) into batches of the claim model, one per functional
 * group. `write837P(batch, …)` with the same control numbers writes the same segments back.
 */
export function parse837P(input: string | Uint8Array, options: ReadOptions = {}): Read837P[] {
  const collector = new Collector();
  runSync(input, options, makeReader(options, collector), (w) => collector.warn(w));
  return collector.finish();
}

/** Reads an 837P from any source (stream or buffer); see {@link parse837P}. */
export async function read837P(source: X12Source, options: ReadOptions = {}): Promise<Read837P[]> {
  const collector = new Collector();
  const queue: Array<WarningEvent> = [];
  for await (const item of runAsync<WarningEvent>(source, options, makeReader(options, collector), queue)) {
    collector.warn(item.warning);
  }
  return collector.finish();
}
