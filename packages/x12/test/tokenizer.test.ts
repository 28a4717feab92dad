import { describe, expect, it } from "vitest";
import { parseX12, readX12, type Segment, SegmentScanner, X12Error } from "../src/index.js";
import { envelope, thrown } from "./helpers/samples.js";

const ISA =
  "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260101*1200*^*00501*000000001*0*T*:~";

function scanAll(chunks: Array<string | Uint8Array>, options = {}): Segment[] {
  const out: Segment[] = [];
  const scanner = new SegmentScanner(options);
  const sink = { segment: (s: Segment) => out.push(s) };
  for (const c of chunks) scanner.push(c, sink);
  scanner.end(sink);
  return out;
}

describe("delimiters from ISA", () => {
  it("reads element, repetition, component separators and the segment terminator", () => {
    const segs = scanAll([`${ISA}GS*HP*A*B*20260101*1200*1*X*005010X221A1~`]);
    expect(segs[0]?.delimiters).toEqual({ element: "*", component: ":", repetition: "^", segment: "~" });
    expect(segs.map((s) => s.id)).toEqual(["ISA", "GS"]);
  });

  it("supports unusual delimiters (| element, > component, ` repetition, ! terminator)", () => {
    const isa = ISA.replaceAll("*", "|").replace("^", "`").replace(":~", ">!");
    const segs = scanAll([`${isa}SVC|HC>99213>25|100~`.replace("~", "!")]);
    expect(segs[1]?.elements).toEqual(["SVC", "HC>99213>25", "100"]);
    expect(segs[1]?.components(1)).toEqual(["HC", "99213", "25"]);
  });

  it("treats a 4010-style ISA11 'U' as no repetition separator", () => {
    const segs = scanAll([`${ISA.replace("*^*", "*U*")}SV1*HC:99213*40*UN*1~`]);
    expect(segs[0]?.delimiters.repetition).toBeUndefined();
    expect(segs[1]?.repetitions(3)).toEqual(["UN"]);
  });

  it("accepts a newline as segment terminator", () => {
    const isa = ISA.replace(":~", ":\n");
    const segs = scanAll([
      `${isa}GS*HP*A*B*20260101*1200*1*X*005010X221A1\r\nST*835*0001\n\nBPR*I*1*C*CHK\n`,
    ]);
    expect(segs.map((s) => s.id)).toEqual(["ISA", "GS", "ST", "BPR"]);
    expect(segs[0]?.delimiters.segment).toBe("\n");
    expect(segs[1]?.element(8)).toBe("005010X221A1");
  });

  it("refuses an ISA of the wrong width, naming the element", () => {
    const err = thrown(() => scanAll([ISA.replace("SENDER         ", "SENDER")]));
    expect(err).toBeInstanceOf(X12Error);
    expect(err).toMatchObject({ code: "BAD_ISA_LENGTH", segmentId: "ISA", elementPosition: 6 });
  });

  it("accepts a variable-width ISA in lenient mode", () => {
    const segs = scanAll([`${ISA.replace("SENDER         ", "SENDER")}GS*HP~`], { strict: false });
    expect(segs[0]?.element(6)).toBe("SENDER");
    expect(segs[1]?.id).toBe("GS");
  });

  it("refuses a letter in the terminator position", () => {
    const err = thrown(() => scanAll([`${ISA.slice(0, -1)}GS*HP~`]));
    expect(err).toMatchObject({ code: "BAD_DELIMITERS" });
  });
});

describe("what comes before ISA", () => {
  it("skips a UTF-8 byte-order mark", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${ISA}GS*HP~`)]);
    expect(scanAll([bytes]).map((s) => s.id)).toEqual(["ISA", "GS"]);
  });

  it("skips prose and blank lines before ISA", () => {
    const text = `Business Scenario 1\r\n\r\nSome words about ISA and ISABEL.\nISAAC\n  \n${ISA}GS*HP~`;
    const segs = scanAll([text]);
    expect(segs.map((s) => s.id)).toEqual(["ISA", "GS"]);
    expect(segs[0]?.offset).toBe(text.indexOf("ISA*"));
  });

  it("refuses input without ISA", () => {
    expect(thrown(() => scanAll(["hello\nworld\n"]))).toMatchObject({ code: "NO_ISA" });
    expect(thrown(() => scanAll([""]))).toMatchObject({ code: "NO_ISA" });
    expect(thrown(() => scanAll(["   \n"]))).toMatchObject({ code: "NO_ISA" });
  });

  it("points a NO_ISA error at where the prose began, however the input is chunked", () => {
    // ISA inside a line is not a header; the error is the same for every chunk boundary.
    const text = `\r\n  Remittance advice\r\n\r\nSee ISA*00*below~\r\nIEA*1*000000905~\r\n`;
    const whole = thrown(() => scanAll([text]));
    expect(whole).toMatchObject({ code: "NO_ISA", byteOffset: 4 });
    for (let cut = 1; cut < text.length; cut++) {
      expect(thrown(() => scanAll([text.slice(0, cut), text.slice(cut)]))).toMatchObject({
        code: "NO_ISA",
        byteOffset: 4,
      });
    }
  });

  it("refuses an envelope-less file without delimiters, precisely", () => {
    const err = thrown(() => scanAll(["ST*835*1234~BPR*I*1*C*CHK~SE*3*1234~"]));
    expect(err).toMatchObject({ code: "NO_DELIMITERS", segmentId: "ST", segmentNumber: 1 });
    expect((err as Error).message).toContain("options.delimiters");
  });

  it("reads an envelope-less file with supplied delimiters", () => {
    const segs = scanAll(["ST|835|1234!SE|2|1234!"], {
      delimiters: { element: "|", component: ">", segment: "!" },
    });
    expect(segs.map((s) => s.elements)).toEqual([
      ["ST", "835", "1234"],
      ["SE", "2", "1234"],
    ]);
  });
});

describe("streaming", () => {
  it("gives the same segments whatever the chunk boundaries", () => {
    const text = `Prose line\n${ISA}\nGS*HP*A*B*20260101*1200*1*X*005010X221A1~ST*835*0001~BPR*I*1*C*CHK~SE*3*0001~GE*1*1~IEA*1*000000001~\n`;
    const whole = scanAll([text]).map((s) => s.toString());
    const bytes = Buffer.from(text);
    for (const size of [1, 2, 3, 5, 7, 64, 105, 106, 107]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      expect(scanAll(chunks).map((s) => s.toString())).toEqual(whole);
    }
  });

  it("records segment numbers and byte offsets", () => {
    const segs = scanAll([`${ISA}\r\nGS*HP~`]);
    expect(segs[1]).toMatchObject({ number: 2, offset: ISA.length + 2 });
  });

  it("decodes UTF-8 element text", () => {
    const segs = scanAll([`${ISA}NM1*QC*1*MÜLLER*JOSÉ~`]);
    expect(segs[1]?.element(3)).toBe("MÜLLER");
    const latin = scanAll([Buffer.from(`${ISA}NM1*QC*1*M\u00dcLLER~`, "latin1")], { encoding: "latin1" });
    expect(latin[1]?.element(3)).toBe("MÜLLER");
  });

  it("keeps UTF-8 text and byte offsets exact across 64 KiB slices and arbitrary chunks", async () => {
    const names = ["MÜLLER", "JOSÉ", "ŁUKASZ", "渡辺", "PLAIN"];
    const body: string[] = [];
    for (let i = 0; i < 6000; i++) body.push(`NM1*QC*1*${names[i % names.length]}*N${i}`);
    const text = envelope(body);
    const bytes = Buffer.from(text, "utf8");
    const expected = body.map((seg) => {
      const at = bytes.indexOf(Buffer.from(`${seg}~`, "utf8"));
      return { seg, at };
    });
    for (const size of [1 << 20, 65536, 4097, 333]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const got: Array<{ seg: string; at: number }> = [];
      for await (const e of readX12(chunks))
        if (e.type === "segment") got.push({ seg: e.segment.text, at: e.segment.offset });
      expect(got.map((g) => g.seg)).toEqual(body);
      // Offsets are byte offsets: check a few spread over the file (indexOf finds the first copy).
      for (const i of [0, 1, 2, 3, 4]) expect(got[i]?.at).toBe(expected[i]?.at);
      expect(bytes.subarray(got[5999]?.at ?? 0, (got[5999]?.at ?? 0) + 9).toString()).toBe("NM1*QC*1*");
    }
  });

  it("bounds the memory of a segment without terminator", () => {
    const scanner = new SegmentScanner({ maxSegmentBytes: 1000 });
    const sink = { segment: () => {} };
    scanner.push(ISA, sink);
    const err = thrown(() => {
      for (let i = 0; i < 100; i++) scanner.push("A".repeat(100), sink);
    });
    expect(err).toMatchObject({ code: "SEGMENT_TOO_LONG" });
  });

  it("refuses a bad segment id and an unterminated last segment", () => {
    expect(thrown(() => scanAll([`${ISA}gs*HP~`]))).toMatchObject({
      code: "BAD_SEGMENT_ID",
      segmentNumber: 2,
    });
    expect(thrown(() => scanAll([`${ISA}~`]))).toMatchObject({ code: "BAD_SEGMENT_ID" });
    expect(thrown(() => scanAll([`${ISA}GS*HP`]))).toMatchObject({ code: "TRUNCATED", segmentNumber: 2 });
    expect(thrown(() => scanAll([ISA.slice(0, 50)]))).toMatchObject({ code: "TRUNCATED", segmentId: "ISA" });
  });

  it("readX12 streams events from an async iterable", async () => {
    const text = envelope(["BPR*I*1*C*CHK"]);
    async function* chunks() {
      for (let i = 0; i < text.length; i += 10) yield Buffer.from(text.slice(i, i + 10));
    }
    const types: string[] = [];
    for await (const e of readX12(chunks())) types.push(e.type === "segment" ? e.segment.id : e.type);
    expect(types).toEqual([
      "envelope",
      "envelope",
      "transactionStart",
      "BPR",
      "transactionEnd",
      "envelope",
      "envelope",
    ]);
  });

  it("parseX12 groups segments by transaction set", () => {
    const parsed = parseX12(envelope(["BPR*I*1*C*CHK", "TRN*1*2*3"]));
    expect(parsed.transactions).toHaveLength(1);
    expect(parsed.transactions[0]?.segments.map((s) => s.id)).toEqual(["ST", "BPR", "TRN", "SE"]);
    expect(parsed.transactions[0]?.context.interchange?.senderId).toBe("SENDER");
    expect(parsed.transactions[0]?.context.group?.version).toBe("005010X221A1");
  });
});
