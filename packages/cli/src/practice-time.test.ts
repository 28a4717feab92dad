import { describe, expect, it } from "vitest";
import { cliInstant } from "./practice-time";

describe("cliInstant", () => {
  it("prints an instant in the practice's zone with the zone's name, across DST", () => {
    expect(cliInstant("2025-03-04T21:30:00Z", "America/Chicago")).toBe("2025-03-04 15:30 CST");
    expect(cliInstant(new Date("2025-07-04T21:30:00Z"), "America/Chicago")).toBe("2025-07-04 16:30 CDT");
    expect(cliInstant("2025-03-04T05:30:00Z", "America/Chicago")).toBe("2025-03-03 23:30 CST");
  });

  it("labels UTC output as UTC, and says a missing instant as a dash", () => {
    expect(cliInstant("2025-03-04T21:30:00Z", "UTC")).toBe("2025-03-04 21:30 UTC");
    expect(cliInstant(null, "UTC")).toBe("—");
  });
});
