import { describe, expect, it } from "vitest";
import { decideCardExpired } from "./decide-card-expired";

describe("decideCardExpired", () => {
  it("is good through the last day of its month, expired on the first of the next", () => {
    expect(decideCardExpired({ expMonth: 5, expYear: 2027 }, "2027-05-31")).toBe(false);
    expect(decideCardExpired({ expMonth: 5, expYear: 2027 }, "2027-06-01")).toBe(true);
  });

  it("compares years before months", () => {
    expect(decideCardExpired({ expMonth: 12, expYear: 2026 }, "2027-01-01")).toBe(true);
    expect(decideCardExpired({ expMonth: 1, expYear: 2028 }, "2027-12-31")).toBe(false);
    expect(decideCardExpired({ expMonth: 1, expYear: 2027 }, "2027-01-15")).toBe(false);
  });
});
