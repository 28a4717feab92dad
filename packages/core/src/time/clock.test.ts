import { describe, expect, it } from "vitest";
import { ManualClock } from "./clock";

describe("ManualClock", () => {
  it("stands still until moved, and hands out copies", () => {
    const clock = new ManualClock("2026-03-01T12:00:00Z");
    const first = clock.now();
    first.setTime(0);
    expect(clock.now().toISOString()).toBe("2026-03-01T12:00:00.000Z");
    clock.advance(15 * 60 * 1000);
    expect(clock.now().toISOString()).toBe("2026-03-01T12:15:00.000Z");
    clock.set("2026-11-01T07:00:00Z");
    expect(clock.now().toISOString()).toBe("2026-11-01T07:00:00.000Z");
  });
});
