import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashTransactionSets, TransactionSetHasher } from "./hash-transaction-sets";

const isa =
  "ISA*00*          *00*          *ZZ*CLEARINGHOUSE  *ZZ*SUBMITTER      *260305*1200*^*00501*000000101*0*P*:~";
const set = (n: number, body: string[]) => [`ST*835*000${n}`, ...body, `SE*${body.length + 2}*000${n}`];
const bodyA = ["BPR*I*140*C*ACH", "TRN*1*TRACE1*1512345678", "CLP*BC1*1*175*140*0*12*P1*11*1", "A"];
const bodyB = ["BPR*I*90*C*ACH", "TRN*1*TRACE2*1512345678", "CLP*BC2*1*100*90*0*12*P2*11*1"];
const file = (breakAfter: string) =>
  [
    isa,
    "GS*HP*CH*SUB*20260305*1200*101*X*005010X221A1",
    ...set(1, bodyA),
    ...set(2, bodyB),
    "GE*2*101",
    "IEA*1*1",
  ]
    .map((s) => `${s}~${breakAfter}`)
    .join("");
/** What a set's hash covers: its segments after ST up to SE, each with its terminator, no line breaks. */
const expected = (body: string[]) =>
  createHash("sha256")
    .update(body.map((s) => `${s}~`).join(""))
    .digest("hex");

const chunked = (bytes: Uint8Array, size: number) => {
  const hasher = new TransactionSetHasher();
  for (let at = 0; at < bytes.length; at += size) hasher.update(bytes.subarray(at, at + size));
  return hasher.finish();
};

describe("hashTransactionSets", () => {
  it("hashes each set's segments between ST and SE, whatever the line breaks", () => {
    for (const br of ["", "\n", "\r\n"]) {
      expect(hashTransactionSets(Buffer.from(file(br)))).toEqual([expected(bodyA), expected(bodyB)]);
    }
  });

  it("gives the same hashes however the bytes are split into chunks", () => {
    const bytes = Buffer.from(`\uFEFF${file("\r\n")}`);
    const whole = hashTransactionSets(bytes);
    expect(whole).toEqual([expected(bodyA), expected(bodyB)]);
    for (const size of [1, 2, 3, 5, 7, 64, 105, 106, 107, 1000]) expect(chunked(bytes, size)).toEqual(whole);
  });

  it("keeps other whitespace before SE in the content, and drops a set with no SE", () => {
    const text = `${isa}\nGS*HP*A*B*1*1*1*X*005010X221A1~ST*835*1~BPR*X~  SE*3*1~ST*835*2~BPR*Y~GE*1*1~`;
    expect(hashTransactionSets(Buffer.from(text))).toEqual([
      createHash("sha256").update("BPR*X~  ").digest("hex"),
    ]);
  });

  it("uses the file's own delimiters and a line feed as terminator", () => {
    const text = file("").replaceAll("*", "|").replaceAll("~", "\n").replace("|:\n", "|:\n");
    const hashes = hashTransactionSets(Buffer.from(text));
    expect(hashes).toEqual([
      createHash("sha256")
        .update(bodyA.map((s) => s.replaceAll("*", "|")).join(""))
        .digest("hex"),
      createHash("sha256")
        .update(bodyB.map((s) => s.replaceAll("*", "|")).join(""))
        .digest("hex"),
    ]);
  });

  it("has no sets without an ISA", () => {
    expect(hashTransactionSets(Buffer.from("ST*835*1~BPR~SE*3*1~"))).toEqual([]);
  });
});
