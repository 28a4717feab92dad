#!/usr/bin/env node
// Runs every `bench:*` script of package.json at a smoke size (seconds, no figures judged, docs untouched),
// so that a benchmark that no longer runs fails CI. A bench:* script without a smoke entry here fails too:
// a new benchmark must say how it is smoke-tested.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const root = new URL("..", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
// As package.json's bench scripts run them (the processes' young generation included).
const tsx = [process.execPath, "--max-semi-space-size=64", "--import", "tsx"];

/** The command each benchmark runs for the smoke test: its own entry point with small sizes and --no-doc. */
const SMOKE = {
  "bench:x12": [...tsx, "packages/x12/bench/run.ts", "--smoke"],
  "bench:automation": [
    ...tsx,
    "packages/worker/bench/automation.ts",
    ...["--practices", "2", "--per-practice", "150", "--workers", "1"],
    ...["--pglite-practices", "1", "--pglite-per-practice", "100", "--latency", "5", "--pglite-latency", "5"],
    ...["--ceiling-max", "200", "--no-doc"],
  ],
  "bench:claims": [
    ...tsx,
    "packages/worker/bench/claims.ts",
    ...["--practices", "2", "--per-practice", "150", "--concurrency", "1", "--no-doc"],
  ],
  "bench:responsiveness": [
    ...tsx,
    "packages/worker/bench/responsiveness.ts",
    ...[
      "--practices",
      "1",
      "--per-practice",
      "200",
      "--pglite-practices",
      "1",
      "--pglite-per-practice",
      "100",
    ],
    "--no-doc",
  ],
  "bench:billing": [
    ...tsx,
    "packages/worker/bench/billing.ts",
    ...["--clients", "300", "--concurrency", "8", "--latency", "5", "--no-doc"],
  ],
  "bench:era": [...tsx, "packages/worker/bench/era.ts", "--claims", "500"],
  "bench:sharing": [...tsx, "packages/worker/bench/sharing.ts", "--documents", "300", "--no-doc"],
  "bench:documents": [...tsx, "packages/worker/bench/documents.ts", "--clients", "100", "--no-doc"],
  "bench:employer": [
    ...tsx,
    "packages/worker/bench/employer.ts",
    ...["--employers", "10", "--encounters", "500", "--invoices", "2000", "--queries", "20", "--no-doc"],
  ],
  "bench:outreach": [
    ...tsx,
    "packages/worker/bench/outreach.ts",
    ...["--sets", "2000", "--others", "400", "--due", "300", "--queries", "3", "--no-doc"],
  ],
  "bench:lists": [
    ...tsx,
    "packages/worker/bench/lists.ts",
    "--per-practice",
    "300",
    "--repeat",
    "2",
    "--no-doc",
  ],
};

const SMOKE_TIMEOUT_MS = Number(process.env.BENCH_SMOKE_TIMEOUT_S ?? 300) * 1000;

const benches = Object.keys(pkg.scripts).filter((name) => name.startsWith("bench:"));
const only = process.argv.slice(2);
let failed = 0;
for (const name of benches) {
  if (only.length > 0 && !only.includes(name)) continue;
  const command = SMOKE[name];
  if (!command) {
    console.log(`bench smoke: ${name} has no smoke command in scripts/bench-smoke.mjs`);
    failed++;
    continue;
  }
  const started = Date.now();
  const [bin, ...args] = command;
  const run = spawnSync(bin, args, {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    // A smoke run takes seconds; one that hangs fails here instead of holding CI until its time limit.
    timeout: SMOKE_TIMEOUT_MS,
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024,
    // Its own process group, so that a bench timed out is killed with what it started (a server, a fake).
    detached: true,
  });
  if (run.error?.code === "ETIMEDOUT" && run.pid) {
    try {
      process.kill(-run.pid, "SIGKILL");
    } catch {
      // the group is already gone
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status === 0) console.log(`bench smoke: ${name} ran (${seconds} s)`);
  else {
    failed++;
    const why =
      run.error?.code === "ETIMEDOUT" ? `timed out after ${SMOKE_TIMEOUT_MS / 1000} s` : `exit ${run.status}`;
    console.log(`bench smoke: ${name} FAILED (${why}, ${seconds} s); its last output:`);
    console.log(`${run.stdout}\n${run.stderr}`.trim().split("\n").slice(-25).join("\n"));
  }
}
process.exit(failed === 0 ? 0 : 1);
