import { describe, expect, it } from "vitest";
import { isSuperbillDay, superbillCoversThrough, superbillDateInMonth } from "./decide-superbill-day";

describe("the superbill day", () => {
  it("is the chosen day when the month has it", () => {
    expect(superbillDateInMonth(2026, 3, 1)).toBe("2026-03-01");
    expect(superbillDateInMonth(2026, 3, 31)).toBe("2026-03-31");
    expect(superbillDateInMonth(2026, 4, 15)).toBe("2026-04-15");
  });

  it("is the month's last day when the month is shorter: April 30, February 28, or 29 in a leap year", () => {
    expect(superbillDateInMonth(2026, 4, 31)).toBe("2026-04-30");
    expect(superbillDateInMonth(2026, 2, 31)).toBe("2026-02-28");
    expect(superbillDateInMonth(2026, 2, 29)).toBe("2026-02-28");
    expect(superbillDateInMonth(2028, 2, 31)).toBe("2028-02-29");
    expect(superbillDateInMonth(2028, 2, 29)).toBe("2028-02-29");
    expect(superbillDateInMonth(2026, 2, 30)).toBe("2026-02-28");
  });

  it("fires on exactly one day a month", () => {
    for (const day of [1, 15, 28, 29, 30, 31]) {
      for (const [year, month] of [
        [2026, 2],
        [2028, 2],
        [2026, 4],
        [2026, 12],
      ] as const) {
        let fired = 0;
        const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
        for (let d = 1; d <= days; d++) {
          const date = `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
          if (isSuperbillDay(date, day)) fired++;
        }
        expect(fired, `day ${day} in ${year}-${month}`).toBe(1);
      }
    }
    expect(isSuperbillDay("2026-02-28", 31)).toBe(true);
    expect(isSuperbillDay("2026-02-27", 31)).toBe(false);
    expect(isSuperbillDay("2028-02-28", 31)).toBe(false);
    expect(isSuperbillDay("2028-02-29", 31)).toBe(true);
    expect(isSuperbillDay("2026-04-30", 31)).toBe(true);
    expect(isSuperbillDay("2026-05-30", 31)).toBe(false);
    expect(isSuperbillDay("2026-05-31", 31)).toBe(true);
  });

  it("covers services through the end of the previous month", () => {
    expect(superbillCoversThrough("2026-03-01")).toBe("2026-02-28");
    expect(superbillCoversThrough("2026-04-30")).toBe("2026-03-31");
    expect(superbillCoversThrough("2027-01-15")).toBe("2026-12-31");
  });
});
