import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The public X12 corpus lives beside the repository (CI has it); a plain clone runs without it.
if (!existsSync(new URL("../shared/x12-samples/", import.meta.url))) {
  console.log("x12: ../shared/x12-samples is absent; the tests that read that public corpus are skipped.");
}

export default defineConfig({
  resolve: {
    // @billcycle/x12 is published: its package.json points at the compiled dist/. Inside this repository the
    // tests use its sources, as tsx does through tsconfig.json's paths.
    alias: { "@billcycle/x12": fileURLToPath(new URL("./packages/x12/src/index.ts", import.meta.url)) },
  },
  test: {
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: process.env.CI ? ["default", ["json", { outputFile: ".vitest-report.json" }]] : ["default"],
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          include: ["packages/*/src/**/*.test.ts", "packages/*/test/**/*.test.ts"],
          exclude: ["**/node_modules/**", "packages/web/**"],
        },
      },
      {
        // Component tests of the web app (Testing Library in jsdom) and the API-types drift check.
        extends: true,
        plugins: [react()],
        test: {
          name: "web",
          environment: "jsdom",
          include: ["packages/web/src/**/*.test.tsx", "packages/web/scripts/**/*.test.ts"],
          setupFiles: ["packages/web/src/test/setup.ts"],
          // One jsdom per worker instead of per file: each test renders a fresh app and cache, and the setup
          // file cleans the DOM, stubs and storage after each.
          isolate: false,
        },
      },
      {
        // The built app in Debian's Chromium against the real server, worker and embedded database.
        extends: true,
        test: {
          name: "e2e",
          environment: "node",
          include: ["packages/web/e2e/**/*.e2e.test.ts"],
          globalSetup: ["packages/web/e2e/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
