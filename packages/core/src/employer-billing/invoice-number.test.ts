import { describe, expect, it } from "vitest";
import { containsPattern, rebatchNumber } from "./invoice-number";

describe("invoice numbers", () => {
  it("numbers a re-batch by times batched", () => {
    expect(rebatchNumber("INV-1042", 2)).toBe("INV-1042-2");
    expect(rebatchNumber("INV-1042", 3)).toBe("INV-1042-3");
  });
  it("escapes LIKE wildcards so they match literally", () => {
    expect(containsPattern("10%_\\")).toBe("%10\\%\\_\\\\%");
  });
});
