import { describe, expect, it } from "vitest";
import { isUuid, newId } from "../src/ids";

describe("newId", () => {
  it("makes UUIDv7s that carry their millisecond and sort in creation order, across pool refills", () => {
    const at = Date.UTC(2026, 10, 23, 19, 30);
    // 3,000 ids span two refills of the 1,024-id pool, in one millisecond and the next.
    const ids = [
      ...Array.from({ length: 1500 }, () => newId(at)),
      ...Array.from({ length: 1500 }, () => newId(at + 1)),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) {
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe("7"); // version
      expect("89ab").toContain(id[19]); // RFC 9562 variant
    }
    const ms = (id: string) => Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16);
    expect(ms(ids[0]!)).toBe(at);
    expect(ms(ids.at(-1)!)).toBeGreaterThanOrEqual(at + 1);
  });

  it("keeps order when the clock steps back", () => {
    const a = newId(Date.UTC(2030, 0, 1));
    const b = newId(Date.UTC(2029, 0, 1));
    expect(b > a).toBe(true);
  });
});
