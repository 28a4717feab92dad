import { validate837P } from "@billcycle/testing/x12-validator/index";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Claim837P,
  counterControlNumbers,
  parse277CA,
  parse835,
  parse837P,
  parse999,
  parseX12,
  read835,
  write837P,
  X12Error,
} from "../src/index.js";
import { batch, claim, dependent, line } from "./helpers/claims.js";
import { fixtureText, sample, sampleNames } from "./helpers/samples.js";

type Kind = "835" | "837p" | "999" | "277ca";
const KINDS: Kind[] = ["835", "837p", "999", "277ca"];
const OWN_835 = "billcycle-835-three-claims.edi";
const FILES: Array<{ kind: Kind; name: string; text: string }> = [
  { kind: "835", name: OWN_835, text: fixtureText(OWN_835) },
  ...KINDS.flatMap((kind) =>
    sampleNames(kind).map((name) => ({ kind, name, text: sample(kind, name).toString("latin1") })),
  ),
];
const STAR = { element: "*", component: ":", repetition: "^", segment: "~" };
/** Runs per property; raise X12_FUZZ_RUNS for a deeper search (the suite default stays fast). */
const RUNS = Number(process.env.X12_FUZZ_RUNS ?? 0) || undefined;

function readerFor(kind: Kind, name: string): (input: Buffer, strict: boolean) => unknown {
  if (name.endsWith(".997")) return (input, strict) => parseX12(input, { strict });
  switch (kind) {
    case "835":
      return (input, strict) => parse835(input, { strict, delimiters: STAR });
    case "837p":
      return (input, strict) => parse837P(input, { strict });
    case "999":
      return (input, strict) => parse999(input, { strict });
    case "277ca":
      return (input, strict) => parse277CA(input, { strict });
  }
}

/** Reads and returns "ok" or the X12Error code; any other exception fails the property. */
function outcome(kind: Kind, name: string, text: string, strict: boolean): string {
  const started = performance.now();
  try {
    readerFor(kind, name)(Buffer.from(text, "latin1"), strict);
    return "ok";
  } catch (err) {
    if (err instanceof X12Error) return err.code;
    throw new Error(`${name}: not an X12Error: ${String(err)}\n${(err as Error).stack}`);
  } finally {
    // Linear-time readers: a small sample must never take long (no hang, no blow-up).
    expect(performance.now() - started).toBeLessThan(2000);
  }
}

const terminatorOf = (text: string): string => {
  const i = text.indexOf("ISA");
  return i < 0 ? "~" : text.charAt(i + 105);
};

/** Mutations of a sample: truncate, drop/duplicate a segment, swap delimiters, corrupt numbers, noise. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant("truncate" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant("drop" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.record({
    op: fc.constant("swap" as const),
    from: fc.constantFrom("*", ":", "^", "~", "|", ">", "\n"),
    to: fc.constantFrom("*", ":", "^", "~", "|", ">", "\n", "A", "1", " "),
    all: fc.boolean(),
    at: fc.nat(),
  }),
  fc.record({
    op: fc.constant("digits" as const),
    at: fc.nat(),
    by: fc.constantFrom("X", "-", ".", "", "9999999999999999999", ",", "1e5"),
  }),
  fc.record({ op: fc.constant("noise" as const), at: fc.nat(), bytes: fc.string({ maxLength: 8 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, m: Mutation): string {
  const term = terminatorOf(text);
  switch (m.op) {
    case "truncate":
      return text.slice(0, Math.floor(text.length * m.at));
    case "drop":
    case "duplicate": {
      const parts = text.split(term);
      const i = m.at % parts.length;
      if (m.op === "drop") parts.splice(i, 1);
      else parts.splice(i, 0, parts[i] ?? "");
      return parts.join(term);
    }
    case "swap": {
      if (m.all) return text.split(m.from).join(m.to);
      const positions = [...text].flatMap((c, i) => (c === m.from ? [i] : []));
      if (positions.length === 0) return text;
      const p = positions[m.at % positions.length] as number;
      return text.slice(0, p) + m.to + text.slice(p + 1);
    }
    case "digits": {
      const positions = [...text].flatMap((c, i) => (c >= "0" && c <= "9" ? [i] : []));
      if (positions.length === 0) return text;
      const p = positions[m.at % positions.length] as number;
      return text.slice(0, p) + m.by + text.slice(p + 1);
    }
    case "noise": {
      const p = m.at % (text.length + 1);
      return text.slice(0, p) + m.bytes + text.slice(p);
    }
  }
}

describe("fuzzing the readers with mutated samples", () => {
  it("every sample is read or refused with an X12Error (baseline)", () => {
    for (const f of FILES) {
      for (const strict of [true, false])
        expect(typeof outcome(f.kind, f.name, f.text, strict)).toBe("string");
    }
  });

  it("mutated samples give a clean X12Error or a correct read, never another exception", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FILES),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (f, ms, strict) => {
          const mutated = ms.reduce(apply, f.text);
          outcome(f.kind, f.name, mutated, strict);
        },
      ),
      { numRuns: RUNS ?? 500 },
    );
  });

  it("the generic tokenizer never throws anything but X12Error on arbitrary bytes", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.string({ maxLength: 300 }).map((s) => Buffer.from(s)),
        ),
        fc.boolean(),
        (bytes, strict) => {
          try {
            parseX12(bytes, { strict, delimiters: strict ? undefined : STAR });
          } catch (err) {
            if (!(err instanceof X12Error)) throw err;
          }
        },
      ),
      { numRuns: RUNS ?? 300 },
    );
  });

  it("streamed reading agrees with whole-buffer reading whatever the chunk sizes", async () => {
    const files = FILES.filter((f) => f.kind === "835" && !f.name.endsWith(".997"));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...files),
        fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 8 }),
        fc.option(mutation, { nil: undefined }),
        async (f, sizes, m) => {
          const text = m ? apply(f.text, m) : f.text;
          const bytes = Buffer.from(text, "latin1");
          let whole: string;
          try {
            whole = JSON.stringify(
              parse835(bytes, { strict: false, delimiters: STAR }).map((r) => r.claims.length),
            );
          } catch (err) {
            if (!(err instanceof X12Error)) throw err;
            whole = err.code;
          }
          const chunks: Buffer[] = [];
          for (let at = 0, i = 0; at < bytes.length; i++) {
            const size = sizes[i % sizes.length] as number;
            chunks.push(bytes.subarray(at, at + size));
            at += size;
          }
          let streamed: string;
          try {
            const counts: number[] = [];
            for await (const e of read835(chunks, { strict: false, delimiters: STAR })) {
              if (e.type === "remittance") counts.push(0);
              if (e.type === "claim") counts[counts.length - 1] = (counts[counts.length - 1] ?? 0) + 1;
            }
            streamed = JSON.stringify(counts);
          } catch (err) {
            if (!(err instanceof X12Error)) throw err;
            streamed = err.code;
          }
          expect(streamed).toBe(whole);
        },
      ),
      { numRuns: RUNS ?? 200 },
    );
  });
});

describe("fuzzing the 837P writer", () => {
  const text = fc.string({ minLength: 0, maxLength: 12 });
  /** Mostly valid values, sometimes anything: most claims get written, some are refused. */
  const mostly = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 60, arbitrary: good }, { weight: 1, arbitrary: bad });
  const claimArb: fc.Arbitrary<Claim837P> = fc
    .record({
      pcn: mostly(fc.stringMatching(/^[A-Z0-9][A-Z0-9-]{0,15}$/), text),
      pos: mostly(fc.constantFrom("11", "02", "22"), text),
      frequency: mostly(fc.constantFrom("1", "7", "8"), fc.constant("2")),
      f8: fc.option(fc.stringMatching(/^[A-Z0-9]{1,12}$/), { nil: undefined }),
      diagnoses: mostly(
        fc.array(fc.constantFrom("E119", "I10", "Z0000", "M545", "S72001A"), { minLength: 3, maxLength: 12 }),
        fc.array(text, { maxLength: 13 }),
      ),
      lines: fc.array(
        fc.record({
          cents: mostly(fc.integer({ min: 0, max: 10_000_000 }), fc.integer()),
          quantity: mostly(fc.constantFrom(1, 2, 0.5, 61, 1.25), fc.double()),
          pointers: mostly(
            fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }),
            fc.array(fc.integer({ min: -1, max: 14 }), { maxLength: 5 }),
          ),
          modifiers: mostly(
            fc.array(fc.constantFrom("25", "59", "GT", "XU"), { maxLength: 4 }),
            fc.array(text, { maxLength: 5 }),
          ),
          from: mostly(fc.constantFrom("2026-01-05", "2025-12-31"), text),
        }),
        { minLength: 1, maxLength: 120 },
      ),
      dependent: fc.boolean(),
    })
    .map((r) =>
      claim(r.pcn, {
        placeOfService: r.pos,
        frequencyCode: r.frequency as Claim837P["frequencyCode"],
        payerClaimControlNumber: r.frequency === "1" ? undefined : (r.f8 ?? "ICN1"),
        diagnosisCodes: r.diagnoses,
        patient: r.dependent ? dependent : undefined,
        lines: r.lines.map((l, i) =>
          line(i, {
            chargeCents: l.cents,
            quantity: l.quantity,
            diagnosisPointers: l.pointers,
            procedure: { code: "99213", modifiers: l.modifiers },
            serviceDate: { from: l.from },
          }),
        ),
      }),
    );

  it("writes output the independent validator accepts, or refuses with INVALID_MODEL", () => {
    let written = 0;
    fc.assert(
      fc.property(fc.array(claimArb, { minLength: 1, maxLength: 3 }), (claims) => {
        let out: string;
        try {
          out = write837P(batch(claims), { controlNumbers: counterControlNumbers() });
        } catch (err) {
          if (err instanceof X12Error && err.code === "INVALID_MODEL") return;
          throw err;
        }
        written++;
        expect(validate837P(out)).toEqual([]);
        const [read] = parse837P(out);
        expect(write837P(read?.batch as never, { controlNumbers: counterControlNumbers() })).toBe(out);
      }),
      { numRuns: RUNS ?? 300 },
    );
    expect(written).toBeGreaterThan(60);
  });
});
