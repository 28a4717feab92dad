import { describe, expect, it } from "vitest";
import { jsonTooComplex } from "./json-complexity";

const limits = { maxDepth: 3, maxKeys: 4 };

describe("jsonTooComplex", () => {
  it("counts nesting of objects and arrays", () => {
    expect(jsonTooComplex('{"a":[{"b":1}]}', limits)).toBeNull();
    expect(jsonTooComplex('{"a":[{"b":[1]}]}', limits)).toBe("depth");
    expect(jsonTooComplex("[[[[]]]]", limits)).toBe("depth");
    // Depth is the deepest point, not the number of containers.
    expect(jsonTooComplex("[[[]],[[]],[[]],[[]]]", limits)).toBeNull();
  });

  it("counts object keys across the whole document", () => {
    expect(jsonTooComplex('{"a":1,"b":{"c":2,"d":3}}', limits)).toBeNull();
    expect(jsonTooComplex('{"a":1,"b":{"c":2,"d":3},"e":4}', limits)).toBe("keys");
    expect(jsonTooComplex('[{"a":1},{"b":1},{"c":1},{"d":1},{"e":1}]', limits)).toBe("keys");
  });

  it("ignores brackets, colons and escaped quotes inside strings", () => {
    expect(jsonTooComplex('{"a":"[[[[{{{{:::::"}', limits)).toBeNull();
    expect(jsonTooComplex('{"a\\":[[[[":"\\\\","b":"\\"{{{{"}', limits)).toBeNull();
    expect(jsonTooComplex('["\\\\",[[[]]]]', limits)).toBe("depth");
  });

  it("leaves text that is not JSON to the parser", () => {
    expect(jsonTooComplex("", limits)).toBeNull();
    expect(jsonTooComplex('{"a":', limits)).toBeNull();
    expect(jsonTooComplex('"unterminated', limits)).toBeNull();
  });
});
