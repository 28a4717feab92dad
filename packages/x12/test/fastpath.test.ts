import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Event835, type Read835Options, read835, X12Error } from "../src/index.js";
import { Reader835 } from "../src/readers/835/reader.js";
import { FieldReader } from "../src/readers/fields.js";
import { runSync } from "../src/stream/run.js";
import { fixtureText, sampleNames, sampleText } from "./helpers/samples.js";

/**
 * The 835 reader gets its segments as transient views (SegmentScanner.scanViews, one byte pass
 * for terminator and separators). These tests read the same inputs through the original path
 * (a handler without `view`, so the scanner builds a Segment per segment) and require the same
 * events, warnings and errors, whatever the chunking, encoding and terminators.
 */

type Outcome = { events: unknown[] } | { error: Record<string, unknown> };

function errorOf(err: unknown): Record<string, unknown> {
  if (!(err instanceof X12Error)) throw err;
  return { ...err, message: err.message };
}

/** Through Segment objects: the reader without its `view` method. */
function viaSegments(input: string | Uint8Array, options: Read835Options): Outcome {
  const events: unknown[] = [];
  try {
    const fields = new FieldReader(
      options.strict ?? true,
      (w) => events.push({ type: "warning", warning: errorOf(w) }),
      options.moneyRounding ?? "reject",
    );
    const reader = new Reader835(fields, (e) => events.push(e));
    runSync(
      input,
      options,
      {
        begin: (context, st) => reader.begin(context, st),
        segment: (seg) => reader.segment(seg),
        end: (se) => reader.end(se),
      },
      (w) => events.push({ type: "warning", warning: errorOf(w) }),
    );
    return { events };
  } catch (err) {
    return { error: errorOf(err) };
  }
}

/** Through read835 (views), fed in the given chunks. */
async function viaViews(chunks: Uint8Array[], options: Read835Options): Promise<Outcome> {
  const events: unknown[] = [];
  try {
    for await (const e of read835(chunks, options)) {
      events.push(e.type === "warning" ? { type: "warning", warning: errorOf(e.warning) } : (e as Event835));
    }
    return { events };
  } catch (err) {
    return { error: errorOf(err) };
  }
}

function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    if (c > from) chunks.push(bytes.subarray(from, c));
    from = c;
  }
  return chunks;
}

// The project's own file first (always there), then the public corpus when it is beside the repository.
const FILES = [
  fixtureText("billcycle-835-three-claims.edi"),
  ...sampleNames("835")
    .filter((n) => !n.endsWith(".997"))
    .map((name) => sampleText("835", name)),
];

/** Variants that exercise the view path's special cases. */
const variant = fc.constantFrom(
  "as-is",
  "newline-terminated",
  "crlf-after-terminator",
  "multibyte-names",
  "bom-and-prose",
  "many-elements",
);

function terminatorOf(text: string): string {
  const isa = text.indexOf("ISA");
  return text.charAt(isa + 105);
}

function apply(text: string, v: string): string {
  const term = terminatorOf(text);
  switch (v) {
    case "newline-terminated":
      // Only when the file has no newlines inside its segments already.
      return term === "\n" ? text : text.replaceAll("\r", "").replaceAll("\n", "").split(term).join("\n");
    case "crlf-after-terminator":
      return text.replaceAll("\r", "").replaceAll("\n", "").split(term).join(`${term}\r\n`);
    case "multibyte-names":
      return text.replace(/(NM1\*QC\*1\*)([A-Z]+)/g, "$1MÜLLER–ŽÁČEK").replace(/N1\*PR\*/, "N1*PR*Café ");
    case "bom-and-prose":
      return `\uFEFFRemittance advice — page 1\r\n\r\n${text}`;
    case "many-elements": {
      // A REF with hundreds of empty trailing elements grows the separator buffer.
      const sep = text.charAt(text.indexOf("ISA") + 3);
      return text.replace(`${term}REF${sep}`, `${term}REF${sep}ZZ${sep}X${sep.repeat(700)}${term}REF${sep}`);
    }
    default:
      return text;
  }
}

describe("835 fast path (segment views) agrees with the Segment path", () => {
  it("on every sample, strict and lenient, utf8 and latin1", async () => {
    for (const text of FILES) {
      for (const strict of [true, false]) {
        for (const encoding of ["utf8", "latin1"] as const) {
          const bytes = Buffer.from(text, encoding);
          const options = { strict, encoding };
          expect(await viaViews([bytes], options)).toEqual(viaSegments(bytes, options));
        }
      }
    }
  });

  it("on variants and mutations, whatever the chunk boundaries", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FILES),
        variant,
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.boolean(),
        fc.option(fc.record({ at: fc.nat(), by: fc.constantFrom("*", "~", "X", "", "12.345", "é", "\n") })),
        async (text, v, cuts, strict, edit) => {
          let input = apply(text, v);
          if (edit) {
            const p = edit.at % (input.length + 1);
            input = input.slice(0, p) + edit.by + input.slice(p + 1);
          }
          const bytes = Buffer.from(input, "utf8");
          const options = { strict };
          expect(await viaViews(split(bytes, cuts), options)).toEqual(viaSegments(bytes, options));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps byte offsets exact after multi-byte characters", async () => {
    const text = apply(FILES[0] as string, "multibyte-names");
    const bytes = Buffer.from(`${text.slice(0, -30)}*BAD~`, "utf8");
    const fast = await viaViews([bytes], {});
    expect(fast).toEqual(viaSegments(bytes, {}));
    expect("error" in fast).toBe(true);
  });
});

describe("streaming event iterator (runAsync)", () => {
  const text = FILES.find((t) => t.includes("CLP") && t.split("CLP").length > 3) as string;
  const bytes = Buffer.from(text, "utf8");
  const chunked = () => Readable.from(split(bytes, [10, 200, 400, 600, 800, 1000]));

  it("hands out the same events as a plain loop, also to overlapping next() calls", async () => {
    const sequential: Event835[] = [];
    for await (const e of read835(chunked())) sequential.push(e as Event835);
    expect(sequential.length).toBeGreaterThan(3);
    const it = read835(chunked());
    const all = await Promise.all(sequential.map(() => it.next()));
    expect(all.map((r) => r.value)).toEqual(sequential);
    expect(await it.next()).toEqual({ done: true, value: undefined });
  });

  it("closes the source when the consumer stops early", async () => {
    const source = chunked();
    for await (const e of read835(source)) if (e.type === "claim") break;
    await new Promise((r) => setImmediate(r));
    expect(source.destroyed).toBe(true);
  });

  it("rejects once on an error, closes the source, then is done", async () => {
    const broken = Buffer.from(text.replace(/CLP\*([^*~]*)\*([^*~]*)\*/, "CLP*$1*$2*12.345*"), "utf8");
    const source = Readable.from(split(broken, [50, 150]));
    const it = read835(source);
    let error: unknown;
    try {
      for (;;) if ((await it.next()).done) break;
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(X12Error);
    expect((error as X12Error).code).toBe("BAD_ELEMENT");
    expect(await it.next()).toEqual({ done: true, value: undefined });
    await new Promise((r) => setImmediate(r));
    expect(source.destroyed).toBe(true);
  });

  it("return() and throw() end the stream", async () => {
    const it = read835(chunked());
    expect((await it.next()).done).toBe(false);
    expect(await it.return(undefined)).toEqual({ done: true, value: undefined });
    expect((await it.next()).done).toBe(true);
    const other = read835(chunked());
    await other.next();
    await expect(other.throw(new Error("stop"))).rejects.toThrow("stop");
    expect((await other.next()).done).toBe(true);
  });
});
