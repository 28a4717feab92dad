import { describe, expect, it } from "vitest";
import { type DuplicateLine, duplicateCandidates, findDuplicateClaims } from "./find-duplicate-claims";

const line = (claim: string, o: Partial<DuplicateLine> = {}): DuplicateLine => ({
  claimId: claim,
  patientControlNumber: `PCN-${claim}`,
  clientId: "client-1",
  invoiceId: `inv-${claim}`,
  claimCreatedAt: 1_000,
  invoiceLineId: `il-${claim}`,
  code: "90837",
  dateOfService: "2026-03-02",
  ...o,
});

describe("duplicateCandidates", () => {
  it("pairs a line with live lines of other claims and invoices for the same client, code and date, created no later", () => {
    const mine = line("b", { claimCreatedAt: 2_000 });
    const live = [
      line("a"),
      line("b", { claimCreatedAt: 2_000 }),
      line("c", { claimCreatedAt: 3_000 }),
      line("d", { invoiceId: "inv-b" }),
      line("e", { clientId: "client-2" }),
      line("f", { code: "90834" }),
      line("g", { dateOfService: "2026-03-03" }),
      line("h", { claimCreatedAt: 2_000 }),
    ];
    expect(duplicateCandidates([mine], live).map((p) => p.other.claimId)).toEqual(["a", "h"]);
  });
});

describe("findDuplicateClaims", () => {
  it("keeps pairs whose sessions share a provider, each duplicate once, ordered by control number", () => {
    const mine = line("m");
    const second = line("m", { invoiceLineId: "il-m2" });
    const candidates = [
      { mine, other: line("z") },
      { mine, other: line("a") },
      { mine: second, other: line("a") },
      { mine, other: line("p") },
      { mine, other: line("q") },
    ];
    const providers = new Map([
      ["il-m", "dr-1"],
      ["il-m2", "dr-1"],
      ["il-z", "dr-1"],
      ["il-a", "dr-1"],
      ["il-p", "dr-2"],
    ]);
    expect(findDuplicateClaims(candidates, providers)).toEqual(
      new Map([
        [
          "m",
          [
            { patientControlNumber: "PCN-a", dateOfService: "2026-03-02", code: "90837" },
            { patientControlNumber: "PCN-z", dateOfService: "2026-03-02", code: "90837" },
          ],
        ],
      ]),
    );
  });

  it("a line without a session duplicates nothing", () => {
    expect(findDuplicateClaims([{ mine: line("m"), other: line("a") }], new Map([["il-a", "dr-1"]]))).toEqual(
      new Map(),
    );
  });
});
