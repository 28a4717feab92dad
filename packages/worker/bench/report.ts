import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import type { CeilingScope } from "./ceiling";
import { fmtInt, formatMarkdown } from "./common";
import type { ScenarioResult } from "./scenario";

export const SECTION_TITLE = "## Automation engine (`npm run bench:automation`)";
const DOC =
  process.env.BENCH_PERFORMANCE_DOC ??
  fileURLToPath(new URL("../../../docs/PERFORMANCE.md", import.meta.url));

export const TARGETS = { perSecond: 2000, ceilingShare: 0.4, p99Ms: 1000 } as const;

type Meta = { million: boolean; serverVersion: string | null };

/** The faster connection count's ceiling of a scope (the target is judged on every row the run writes). */
const bestCeiling = (r: ScenarioResult, scope: CeilingScope = "every row") =>
  Math.max(0, ...r.ceilings.filter((c) => c.scope === scope).map((c) => c.appointmentsPerSecond));
const sharePct = (r: ScenarioResult, scope: CeilingScope = "every row") =>
  Math.round((100 * r.creation.perSecond) / bestCeiling(r, scope));
const firstCeiling = (r: ScenarioResult) => r.ceilings.find((c) => c.scope === "every row");
/** CPU (Node processes + PostgreSQL backends) per 1,000 sessions; the 2 cores' sharing hardly changes it. */
const cpuPer1000 = (cpu: { nodeMs: number; postgresMs: number }, sessions: number) =>
  (1000 * (cpu.nodeMs + cpu.postgresMs)) / Math.max(1, sessions);
const cpuCell = (cpu: { nodeMs: number; postgresMs: number }, sessions: number) =>
  `${Math.round(cpuPer1000(cpu, sessions))} ms (${Math.round((1000 * cpu.nodeMs) / Math.max(1, sessions))} Node + ${Math.round((1000 * cpu.postgresMs) / Math.max(1, sessions))} PostgreSQL)`;
/** The ceiling's CPU per session over the engine's: the share of the ceiling the engine would reach on idle cores. */
const cpuShare = (r: ScenarioResult) => {
  const c = firstCeiling(r);
  if (!c || r.backend === "PGlite") return null;
  return cpuPer1000(c.cpu, c.appointments) / cpuPer1000(r.creation.cpu, r.creation.items);
};
const ms = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(1) : Math.round(v)} ms` : "n/a");
const sec = (v: number) => `${(v / 1000).toFixed(1)} s`;

const rows = (results: ScenarioResult[]): string[] => {
  const out = [
    "| Backend | Workers | Kept sessions (practices × sessions) | Invoice Creation | Invoice Processing | Raw-insert ceiling: every row the run writes / invoice tables only | Creation ÷ ceiling: every row / invoice tables | CPU per 1,000 sessions: creation / ceiling of every row (1 conn.) | Kept→invoice p50 / p99 / max | Load (1 min) at creation / latency |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of results) {
    const ceilingOf = (scope: CeilingScope) =>
      r.ceilings
        .filter((c) => c.scope === scope)
        .map((c) => `${fmtInt(c.appointmentsPerSecond)}/s (${c.connections} conn.)`)
        .join(", ");
    const ceiling = `${ceilingOf("every row")} / ${ceilingOf("invoice tables")}`;
    const first = firstCeiling(r);
    out.push(
      `| ${r.backend} | ${r.backend === "PGlite" ? "1 (in-process)" : r.workers} | ${fmtInt(r.appointments)} (${r.practices} × ${fmtInt(r.perPractice)}) ` +
        `| **${fmtInt(r.creation.perSecond)} sessions/s** (${sec(r.creation.ms)}) ` +
        `| ${r.processing ? `${fmtInt(r.processing.perSecond)} claims/s (${fmtInt(r.processing.produced)} claims from ${fmtInt(r.processing.items)} invoices, ${sec(r.processing.ms)})` : "not run"} ` +
        `| ${ceiling} (${fmtInt(first?.appointments ?? 0)} sessions' rows) | ${sharePct(r)} % / ${sharePct(r, "invoice tables")} % ` +
        `| ${r.backend === "PGlite" ? "n/a (one process)" : `${cpuCell(r.creation.cpu, r.creation.items)} / ${first ? cpuCell(first.cpu, first.appointments) : "n/a"}`} ` +
        `| ${r.latency ? `${ms(r.latency.p50)} / ${ms(r.latency.p99)} / ${ms(r.latency.max)} (${r.latency.seen} of ${r.latency.count}, ${r.latency.ratePerSecond.toFixed(0)}/s)` : "not run"} ` +
        `| ${r.load.creation.toFixed(1)} / ${r.latency ? r.load.latency.toFixed(1) : "–"} |`,
    );
  }
  return out;
};

const verdicts = (results: ScenarioResult[]): string[] => {
  const pgResults = results.filter((r) => r.backend === "PostgreSQL");
  if (pgResults.length === 0)
    return ["No PostgreSQL figures in this run; the targets are PostgreSQL targets."];
  return pgResults.map((r) => {
    const rate = r.creation.perSecond >= TARGETS.perSecond;
    const share = r.creation.perSecond / bestCeiling(r) >= TARGETS.ceilingShare;
    const lat = r.latency;
    const p99 = lat !== null && lat.p99 < TARGETS.p99Ms && lat.seen === lat.count;
    const mark = (ok: boolean) => (ok ? "met" : "**not met**");
    return (
      `- PostgreSQL, ${r.workers} worker${r.workers === 1 ? "" : "s"}: ≥ ${fmtInt(TARGETS.perSecond)} sessions/s ${mark(rate)} ` +
      `(${fmtInt(r.creation.perSecond)}; a million in ${(1_000_000 / r.creation.perSecond / 60).toFixed(1)} min); ` +
      `≥ 40 % of the ceiling ${mark(share)} (${sharePct(r)} % by wall time; ` +
      `${(() => {
        const c = cpuShare(r);
        return c === null ? "CPU time not measured" : `${Math.round(100 * c)} % by CPU time`;
      })()}; of the invoice tables' ceiling alone ${sharePct(r, "invoice tables")} %); ` +
      (lat
        ? `Kept→invoice p99 < 1 s ${mark(p99)} (${ms(lat.p99)}).`
        : "Kept→invoice not measured in this run.")
    );
  });
};

const machine = (meta: Meta): string => {
  const cpu = cpus();
  return (
    `${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"}), ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.version}${meta.serverVersion ? `, ${meta.serverVersion}` : ""}, PGlite 0.5.16 (in memory)`
  );
};

export const printTable = (results: ScenarioResult[], meta: Meta): string =>
  [
    "",
    `Machine: ${machine(meta)}`,
    "",
    ...rows(results),
    "",
    ...verdicts(results),
    "",
    `Checks: ${results.flatMap((r) => r.checks).filter((c) => c.ok).length} passed, ${results.flatMap((r) => r.checks).filter((c) => !c.ok).length} failed`,
    "",
  ].join("\n");

const MILLION_HEADING = "### One million sessions (`npm run bench:automation -- --million`)";

const millionPart = (results: ScenarioResult[], meta: Meta & { date: Date }): string[] => [
  MILLION_HEADING,
  "",
  `Measured ${meta.date.toISOString().slice(0, 10)} on ${machine(meta)}; method as above.`,
  "",
  ...rows(results),
  "",
  ...verdicts(results),
  "",
];

const mainPart = (results: ScenarioResult[], meta: Meta & { date: Date }): string[] => {
  const command = "npm run bench:automation";
  return [
    SECTION_TITLE,
    "",
    `Measured ${meta.date.toISOString().slice(0, 10)} with \`${command}\` on ${machine(meta)}.`,
    "",
    ...rows(results),
    "",
    "Targets (PostgreSQL on this 2-core machine: ≥ 2,000 sessions/s invoiced, ≥ 40 % of the raw-insert ceiling of the same rows, Kept→invoice p99 < 1 s):",
    "",
    ...verdicts(results),
    "",
    "How it is measured:",
    "",
    "- Data: per practice 5 providers, 2 locations, 3 payers, 4 services; one client per 20 sessions (one in five " +
      "self-pay, the others with a primary policy; every client with a diagnosis); every session Kept in the 60 days " +
      "before the run, with a signed note and 1–3 services (one in four with an add-on, one in seven with a " +
      "non-billable service). Generated with INSERT … SELECT generate_series into a freshly migrated database; on " +
      "PostgreSQL each worker count gets its own copy (CREATE DATABASE … TEMPLATE). Generation is not timed.",
    "- Invoice Creation and Invoice Processing: `tickClock` schedules one run and one job per practice (the " +
      "same-night cadence: creation at 20:00, processing at 21:00 practice time); on PostgreSQL W worker processes " +
      "(`node --max-semi-space-size=64 --import tsx`, as `billcycle worker` runs; `drainJobs`) drain the queue; on " +
      "PGlite one in-process worker does, because PGlite is a " +
      "single session and its data-directory lock forbids a second process. Time: from the tick until the last run " +
      "is done. After each run the bench checks invoices = Kept sessions, no session on two invoices, an outcome " +
      "per session, claims = insurance invoices, no invoice claimed twice.",
    "- Raw-insert ceiling: the rows the creation run wrote are read out, deleted, vacuumed and inserted again, as " +
      "fast as the database takes them: one transaction per 1,000 invoices, one prepared INSERT … SELECT FROM " +
      "unnest($1::text[], …) per table, over 1 or 2 connections; the percentage compares creation with the faster " +
      'of the two. "Every row" is every row the run writes — invoices, invoice_lines, appointment_invoices, ' +
      "invoice_status_history, audit_log, automation_outcomes, the client ledger's charges (a bill with a client " +
      "share) and the bills' shares (7.45 rows per session in the bench's data; 6.25 before 2026-12-07, without " +
      "the last two) — and is " +
      'what the target is judged on; "invoice tables" is the first three alone, shown beside it. The engine ' +
      "also reads and decides every session and claims it (ON CONFLICT) and numbers the invoices, which the " +
      "ceiling does not.",
    "- Load: the machine's 1-minute load average as the phase started. The 2 cores are shared with whatever else " +
      "runs on the machine; a load well above 2 means the figures were taken on a busy machine.",
    "- CPU per 1,000 sessions: user + system time of the worker processes and the bench process (Node), and of " +
      "the PostgreSQL backends serving the bench database (sampled from /proc every 100 ms), during the phase. " +
      "Unlike wall time it hardly depends on what else shares the cores, so the ceiling share by CPU time is the " +
      "steadier comparison on a busy machine.",
    "- Kept→invoice: practices in on_kept mode; W worker processes run `startWorker` (LISTEN/NOTIFY wake-ups, " +
      "concurrency 1, as `billcycle worker`). The bench marks sessions Kept through `changeAppointmentStatus` at a " +
      "steady rate; latency runs from the moment the status change has committed (the call returned) to the start " +
      "of the first query that sees the session's appointment_invoices row. That query is prompted by a NOTIFY " +
      "from a statement-level trigger the bench adds to appointment_invoices for this phase (delivered when the " +
      "invoice commits; one function call per INSERT statement), with a 100 ms fallback poll.",
    "",
  ];
};

/**
 * Replaces (or appends) this benchmark's section of docs/PERFORMANCE.md; every other section is left as it is.
 * A default run replaces the section's main part and keeps its one-million subsection; a --million run replaces
 * only that subsection.
 */
export const writePerformanceDoc = (results: ScenarioResult[], meta: Meta & { date: Date }): string => {
  const lines = readFileSync(DOC, "utf8").replace(/\n+$/, "").split("\n");
  let start = lines.findIndex((l) => l.trim() === SECTION_TITLE);
  let end = start < 0 ? -1 : lines.findIndex((l, i) => i > start && /^## /.test(l));
  if (start < 0) start = end = lines.length;
  if (end < 0) end = lines.length;
  const current = lines.slice(start, end);
  const split = current.findIndex((l) => l.trim() === MILLION_HEADING);
  const oldMain = split < 0 ? current : current.slice(0, split);
  const oldMillion = split < 0 ? [] : current.slice(split);
  const main = meta.million ? (oldMain.length ? oldMain : [SECTION_TITLE, ""]) : mainPart(results, meta);
  const million = meta.million ? millionPart(results, meta) : oldMillion;
  const trim = (part: string[]) => {
    const copy = [...part];
    while (copy.length && copy.at(-1)!.trim() === "") copy.pop();
    return copy;
  };
  const section = [...trim(main), ...(million.length ? ["", ...trim(million)] : [])];
  const before = trim(lines.slice(0, start));
  const after = lines.slice(end);
  const next = [...before, "", ...section, ...(after.length ? ["", ...after] : [])];
  writeFileSync(DOC, `${next.join("\n")}\n`);
  formatMarkdown(DOC);
  return DOC;
};
