import type { TransactionContext } from "../../envelope/headers.js";
import { X12Error } from "../../errors.js";
import type { Batch837P, Transaction837P } from "../../model/837p.js";
import { type ReadOptions, runAsync, runSync, type WarningEvent } from "../../stream/run.js";
import type { X12Source } from "../../stream/source.js";
import type { Delimiters } from "../../tokenizer/delimiters.js";
import type { ControlNumberKind, ControlNumberSource } from "../../writer/837p/control.js";
import { FieldReader } from "../fields.js";
import { Reader837P } from "./reader.js";

/** A read 837P: the batch (writable again with `write837P`) and what the reader noticed. */
export type Read837P = {
  batch: Batch837P;
  warnings: X12Error[];
  /** The file's own ISA13, GS06 and ST02s (absent envelopes are absent); see {@link originalControlNumbers}. */
  controlNumbers: { interchange?: string; group?: string; transactions: string[] };
  /** The delimiters the file was written with. */
  delimiters: Delimiters;
};

/**
 * The control numbers the file was read with, as a `controlNumbers` option for `write837P`: with them, the file's
 * delimiters and `validation: "structural"`, writing the batch back gives the same segments. Refuses (as
 * `INVALID_MODEL`) a number the file did not have, e.g. more transaction sets than it held.
 */
export function originalControlNumbers(read: Read837P): ControlNumberSource {
  let next = 0;
  return (kind: ControlNumberKind) => {
    const n = read.controlNumbers;
    const value =
      kind === "interchange" ? n.interchange : kind === "group" ? n.group : n.transactions[next++];
    if (value === undefined) {
      throw new X12Error("INVALID_MODEL", `the file read had no ${kind} control number for this`, {
        path: "options.controlNumbers",
        expected: `as many ${kind} numbers as the file held`,
      });
    }
    return value;
  };
}

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
      current = {
        batch: batchOf(context),
        warnings: [],
        controlNumbers: {
          interchange: context.interchange?.controlNumber,
          group: context.group?.controlNumber,
          transactions: [],
        },
        delimiters: context.delimiters,
      };
      this.batches.push(current);
      this.key = key;
    }
    current.batch.transactions.push(transaction);
    current.controlNumbers.transactions.push(context.transaction.controlNumber);
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
