import { describe, expect, it } from "vitest";
import { decideAgingBucket } from "./decide-aging-bucket";

describe("decideAgingBucket", () => {
  it("puts each boundary in its bucket", () => {
    expect([0, 30, 31, 60, 61, 90, 91, 400].map(decideAgingBucket)).toEqual([
      "current",
      "current",
      "31_60",
      "31_60",
      "61_90",
      "61_90",
      "over_90",
      "over_90",
    ]);
  });
});
