/**
 * Every TypeScript example in the package README type-checks against the package's API under the strictest
 * settings a user may have (strict, noUncheckedIndexedAccess): a renamed export or a changed shape breaks here,
 * not in a user's editor. Placeholders the examples leave to the reader (`buffer`, `text`, …) are declared.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const README = fileURLToPath(new URL("../README.md", import.meta.url));
const SOURCE = fileURLToPath(new URL("../src/index.ts", import.meta.url));
const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const TYPES = fileURLToPath(new URL("../../../node_modules/@types", import.meta.url));

const PLACEHOLDERS = [
  "declare const text: string;",
  "declare const buffer: Uint8Array;",
  "declare const stream: AsyncIterable<Uint8Array>;",
  "declare const firstReservedNumber: number;",
  "declare function use(value: unknown): void;",
];

const blocks = [...readFileSync(README, "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
const work = mkdtempSync(join(tmpdir(), "x12-readme-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("README examples", () => {
  it("has examples to check", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

  it("type-check against the package's API", async () => {
    const files = blocks.map((code, i) => {
      const name = `example-${i + 1}.ts`;
      // A fragment without imports uses names the surrounding text imported.
      const imports = /^import /m.test(code) ? "" : 'import { parse835 } from "@billcycle/x12";\n';
      // Placeholders the example does not define itself.
      const declared = PLACEHOLDERS.filter((d) => {
        const id = /(?:const|function) (\w+)/.exec(d)?.[1] ?? "";
        return !new RegExp(`(?:const|let|function) ${id}\\b`).test(code);
      });
      writeFileSync(join(work, name), `${imports}${declared.join("\n")}\n${code}\nexport {};\n`);
      return name;
    });
    writeFileSync(
      join(work, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noUncheckedIndexedAccess: true,
          target: "es2022",
          module: "esnext",
          moduleResolution: "bundler",
          noEmit: true,
          skipLibCheck: true,
          typeRoots: [TYPES],
          types: ["node"],
          paths: { "@billcycle/x12": [SOURCE] },
        },
        files,
      }),
    );
    const errors = await run(process.execPath, [TSC, "-p", join(work, "tsconfig.json")], { cwd: work }).then(
      () => "",
      (e: { stdout?: string }) => e.stdout ?? String(e),
    );
    // Unused example values are fine; anything else is a broken example.
    expect(errors.split("\n").filter((l) => l.includes("error TS") && !l.includes("TS6133"))).toEqual([]);
  });
});
