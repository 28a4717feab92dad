/**
 * The package as a user installs it: `npm pack` (which builds dist/ through `prepack`), unpacked into a
 * fresh node_modules, imported by plain Node without a TypeScript loader and type-checked by a strict
 * consumer. Inside this repository everything else runs the sources; this is the one test of what ships.
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse835 } from "../src/index.js";

const run = promisify(execFile);
const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));
const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const SAMPLE = fileURLToPath(new URL("./fixtures/billcycle-835-three-claims.edi", import.meta.url));

let work = "";
let files: string[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "x12-package-"));
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", work], {
    cwd: PACKAGE_DIR,
    maxBuffer: 16 << 20,
  });
  const [packed] = JSON.parse(stdout.slice(stdout.indexOf("["))) as {
    filename: string;
    files: { path: string }[];
  }[];
  if (packed === undefined) throw new Error("npm pack reported no package");
  files = packed.files.map((f) => f.path);
  const installed = join(work, "consumer", "node_modules", "@billcycle", "x12");
  mkdirSync(installed, { recursive: true });
  await run("tar", ["-xzf", join(work, packed.filename), "-C", installed, "--strip-components=1"]);
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the packed @billcycle/x12", () => {
  it("ships compiled JavaScript, declarations and the README, and no tests or benchmarks", () => {
    expect(files).toEqual(
      expect.arrayContaining(["dist/index.js", "dist/index.d.ts", "README.md", "LICENSE"]),
    );
    expect(files.filter((f) => f.startsWith("test/") || f.startsWith("bench/"))).toEqual([]);
  });

  it("is imported and used by plain Node, without a TypeScript loader", async () => {
    const script = join(work, "consumer", "read.mjs");
    writeFileSync(
      script,
      [
        'import { readFileSync } from "node:fs";',
        'import { parse835 } from "@billcycle/x12";',
        `const [remittance] = parse835(readFileSync(${JSON.stringify(SAMPLE)}));`,
        "console.log(JSON.stringify({ claims: remittance.claims.length, balanced: remittance.balance.balanced }));",
      ].join("\n"),
    );
    const { stdout } = await run(process.execPath, [script], { cwd: join(work, "consumer") });
    // The built package reads the sample exactly as the sources do.
    const [fromSources] = parse835(readFileSync(SAMPLE));
    expect(JSON.parse(stdout)).toEqual({
      claims: fromSources?.claims.length,
      balanced: fromSources?.balance.balanced,
    });
  });

  it("type-checks in a strict consumer through its declarations", async () => {
    const consumer = join(work, "consumer");
    writeFileSync(
      join(consumer, "use.mts"),
      [
        'import { type Claim835, parse835, X12Error } from "@billcycle/x12";',
        "export const paid = (claims: Claim835[]): number => claims.reduce((s, c) => s + c.paidCents, 0);",
        "export const code = (e: unknown): string | null => (e instanceof X12Error ? e.code : null);",
        "export const first = parse835;",
        "// @ts-expect-error: a claim's paid amount is integer cents, not a string",
        'export const wrong: Claim835["paidCents"] = "12.00";',
      ].join("\n"),
    );
    writeFileSync(
      join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2022",
          noEmit: true,
          types: [],
          skipLibCheck: false,
        },
        files: ["use.mts"],
      }),
    );
    const result = await run(process.execPath, [TSC, "-p", join(consumer, "tsconfig.json")], {
      cwd: consumer,
    }).then(
      () => "",
      (e: { stdout?: string }) => e.stdout ?? String(e),
    );
    expect(result).toBe("");
  });
});
