import { describe, expect, it } from "vitest";
import { decideRemittanceStatus } from "./remittance-status";

describe("decideRemittanceStatus", () => {
  it("is Posted when nothing waits, Partially Posted when some posted and some wait, else Needs Review", () => {
    expect(decideRemittanceStatus({ posted: 3, waiting: 0 })).toBe("posted");
    expect(decideRemittanceStatus({ posted: 0, waiting: 0 })).toBe("posted");
    expect(decideRemittanceStatus({ posted: 2, waiting: 1 })).toBe("partially_posted");
    expect(decideRemittanceStatus({ posted: 0, waiting: 4 })).toBe("needs_review");
  });
});
