import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { constructClaim } from "../bench/construct.js";
import { generate835 } from "../bench/generate.js";
import { type Claim835, parse835 } from "../src/index.js";
import { sample, sampleNames } from "./helpers/samples.js";

/** Every object (arrays included) reachable from `value`, by identity. */
function objectsOf(value: unknown, into = new Set<object>()): Set<object> {
  if (typeof value !== "object" || value === null || into.has(value)) return into;
  into.add(value);
  for (const v of Object.values(value)) objectsOf(v, into);
  return into;
}

/** What the construction benchmark builds must be what read835 builds: the same values, new objects. */
function expectRebuilt(claim: Claim835): void {
  const built = constructClaim(claim);
  expect(built).toEqual(claim);
  const before = objectsOf(claim);
  // Shared on purpose: frozen empty lists, interned code texts, the LX group and the balance's list.
  const shared = [...objectsOf(built)].filter((o) => before.has(o));
  for (const o of shared) {
    const frozenEmpty = Array.isArray(o) && o.length === 0 && Object.isFrozen(o);
    const allowed = frozenEmpty || o === claim.status || o === claim.group || o === claim.balance.imbalances;
    expect(allowed, `shared object ${JSON.stringify(o)}`).toBe(true);
  }
}

describe("bench: object construction floor", () => {
  // The .997 file is an acknowledgment; the Blue Cross sample has no envelope (delimiters given).
  const names = sampleNames("835").filter((n) => !n.endsWith(".997"));
  const delimiters = { element: "*", component: ":", repetition: "^", segment: "~" };

  it.each(names)("rebuilds every claim of %s", (name) => {
    const remittances = parse835(sample("835", name), { strict: false, delimiters });
    let claims = 0;
    for (const r of remittances)
      for (const c of r.claims) {
        expectRebuilt(c);
        claims++;
      }
    expect(claims).toBeGreaterThan(0);
  });

  it("rebuilds every claim of a generated benchmark file, with its lines and adjustments", async () => {
    const dir = mkdtempSync(join(tmpdir(), "x12-construct-"));
    try {
      const file = join(dir, "era.835");
      const g = await generate835(file, 60_000);
      const [remittance] = parse835(readFileSync(file));
      expect(remittance?.claims.length).toBe(g.claims);
      let lines = 0;
      for (const c of remittance?.claims ?? []) {
        expectRebuilt(c);
        lines += c.services.length;
      }
      expect(lines).toBeGreaterThan(g.claims);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
