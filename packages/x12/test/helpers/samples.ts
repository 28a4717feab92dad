import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";

/**
 * `<repo root>/../shared/x12-samples`: public files from other projects, beside the repository (CI has them),
 * not inside it. A plain clone has no such folder: the tests that read it skip, and the rest run on the
 * project's own fixtures (`test/fixtures`). CI sets X12_SAMPLES_REQUIRED when the corpus is there, so a
 * wrong path fails instead of skipping.
 */
export const SAMPLES_DIR = fileURLToPath(new URL("../../../../../shared/x12-samples/", import.meta.url));
export const HAS_SAMPLES = existsSync(SAMPLES_DIR);
if (!HAS_SAMPLES && process.env.X12_SAMPLES_REQUIRED) {
  throw new Error(`X12_SAMPLES_REQUIRED is set but ${SAMPLES_DIR} does not exist`);
}

/** `it` for a test that reads the public corpus: skipped, with its name saying why, when it is absent. */
export const itWithSamples = it.skipIf(!HAS_SAMPLES);
export const describeWithSamples = describe.skipIf(!HAS_SAMPLES);

const FIXTURES_DIR = fileURLToPath(new URL("../fixtures/", import.meta.url));

/** The project's own X12 files, written for these tests (always present). */
export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES_DIR, name), "utf8");
}

export type SampleKind = "835" | "837p" | "999" | "277ca";

/** The corpus's file names of a kind; none when the corpus is absent. */
export function sampleNames(kind: SampleKind): string[] {
  if (!HAS_SAMPLES) return [];
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
