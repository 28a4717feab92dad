import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** `<repo root>/../shared/x12-samples`: the samples live beside the repository, not inside it. */
export const SAMPLES_DIR = fileURLToPath(new URL("../../../../../shared/x12-samples/", import.meta.url));

export type SampleKind = "835" | "837p" | "999" | "277ca";

export function sampleNames(kind: SampleKind): string[] {
  return readdirSync(join(SAMPLES_DIR, kind)).sort();
}

export function sample(kind: SampleKind, name: string): Buffer {
  return readFileSync(join(SAMPLES_DIR, kind, name));
}

export function sampleText(kind: SampleKind, name: string): string {
  return sample(kind, name).toString("utf8");
}

/** Runs `fn` and returns the error it throws (or fails the test when nothing is thrown). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error, but none was thrown");
}

export async function rejected(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection, but the promise resolved");
}

/** Builds a minimal, correctly counted envelope around transaction-set body segments. */
export function envelope(
  body: string[],
  opts: { st?: string; gs?: string; version?: string; control?: string } = {},
): string {
  const st = opts.st ?? "835";
  const gs = opts.gs ?? "HP";
  const version = opts.version ?? "005010X221A1";
  const control = opts.control ?? "0001";
  const segments = [
    "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260101*1200*^*00501*000000001*0*T*:",
    `GS*${gs}*SENDER*RECEIVER*20260101*1200*1*X*${version}`,
    `ST*${st}*${control}`,
    ...body,
    `SE*${body.length + 2}*${control}`,
    "GE*1*1",
    "IEA*1*000000001",
  ];
  return `${segments.join("~")}~`;
}
