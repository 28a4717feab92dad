import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import type { ClaimsCeiling } from "./claims-ceiling";
import { fmtInt, replaceSection } from "./common";

export const CLAIMS_SECTION_TITLE = "## Claims pipeline (`npm run bench:claims`)";
const DOC = fileURLToPath(new URL("../../../docs/PERFORMANCE.md", import.meta.url));

export const CLAIMS_TARGETS = { postedPerSecond: 5000, scrubbedPerSecond: 5000 } as const;

/** One timed phase: claims handled, wall time, rate, and the machine's 1-minute load average as it started. */
export type Timed = { claims: number; ms: number; perSecond: number; load: number };

export type ClaimsBenchResult = {
  date: Date;
  server: string;
  practices: number;
  perPractice: number;
  concurrency: number;
  claims: number;
  blocked: number;
  lines: number;
  postings: number;
  dryRun: Timed;
  persist: Timed | null;
  scrubCeiling: ClaimsCeiling[];
  posting: Timed;
  postingCeiling: ClaimsCeiling[];
  bytes: number;
  remittances: number;
};

const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const best = (c: readonly ClaimsCeiling[]) => Math.max(0, ...c.map((x) => x.unitsPerSecond));
const share = (rate: number, c: readonly ClaimsCeiling[]) =>
  best(c) > 0 ? `${Math.round((100 * rate) / best(c))} %` : "n/a";
const ceilingText = (c: readonly ClaimsCeiling[]) =>
  c.length ? c.map((x) => `${fmtInt(x.unitsPerSecond)}/s (${x.connections} conn.)`).join(", ") : "n/a";
const machine = () =>
  `${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}), ${Math.round(totalmem() / 2 ** 30)} GiB`;

const HEADER = [
  "| Path | Practices at a time | Claims | Time | Claims/s | Raw-insert ceiling (same rows) | ÷ ceiling | Load (1 min) |",
  "|---|---|---|---|---|---|---|---|",
];

const rows = (r: ClaimsBenchResult): string[] => {
  const c = r.concurrency;
  const out = [
    `| (a) Claims Submission, dry run (scrub + 837P in memory) | ${c} | ${fmtInt(r.dryRun.claims)} | ${sec(r.dryRun.ms)} | **${fmtInt(r.dryRun.perSecond)}** | ${ceilingText(r.scrubCeiling)} (claim_scrubs) | ${share(r.dryRun.perSecond, r.scrubCeiling)} | ${r.dryRun.load.toFixed(1)} |`,
  ];
  if (r.persist)
    out.push(
      `| (a) Claims Submission, persisting (scrubs stored, 837P stored and delivered, claims Submitted) | ${c} | ${fmtInt(r.persist.claims)} | ${sec(r.persist.ms)} | **${fmtInt(r.persist.perSecond)}** | ${ceilingText(r.scrubCeiling)} (claim_scrubs) | ${share(r.persist.perSecond, r.scrubCeiling)} | ${r.persist.load.toFixed(1)} |`,
    );
  out.push(
    `| (b) ERA posting (\`importInboundFile\`, ${r.practices} files, ${r.remittances} remittances, ${(r.bytes / 1e6).toFixed(1)} MB) | ${c} | ${fmtInt(r.posting.claims)} | ${sec(r.posting.ms)} | **${fmtInt(r.posting.perSecond)}** | ${ceilingText(r.postingCeiling)} (remittance_claims + postings) | ${share(r.posting.perSecond, r.postingCeiling)} | ${r.posting.load.toFixed(1)} |`,
  );
  return out;
};

const table = (results: readonly ClaimsBenchResult[]): string[] => [...HEADER, ...results.flatMap(rows)];

/** A target judged on the best run, each run's figure shown with how many practices it handled at a time. */
const verdict = (
  label: string,
  results: readonly ClaimsBenchResult[],
  rate: (r: ClaimsBenchResult) => number,
  target: number,
) => {
  const figures = results.map((r) => `${fmtInt(rate(r))} (${r.concurrency} at a time)`).join(", ");
  const best = results.reduce((a, r) => (rate(r) > rate(a) ? r : a), results[0]!);
  const met = rate(best) >= target;
  return (
    `- ${label}: ${figures} claims/s — target ≥ ${fmtInt(target)}: **${met ? "met" : "not met"}**` +
    (met && results.length > 1
      ? ` (${best.concurrency} practice${best.concurrency === 1 ? "" : "s"} at a time)`
      : "")
  );
};

const verdicts = (results: readonly ClaimsBenchResult[]): string[] => [
  verdict(
    "scrubbed and written (persisting path)",
    results,
    (r) => r.persist?.perSecond ?? r.dryRun.perSecond,
    CLAIMS_TARGETS.scrubbedPerSecond,
  ),
  verdict(
    "scrubbed and written (dry run)",
    results,
    (r) => r.dryRun.perSecond,
    CLAIMS_TARGETS.scrubbedPerSecond,
  ),
  verdict("posted", results, (r) => r.posting.perSecond, CLAIMS_TARGETS.postedPerSecond),
];

export const printClaimsTable = (results: readonly ClaimsBenchResult[]): string => {
  const r = results[0];
  if (!r) return "no result\n";
  return `\n${[
    `${fmtInt(r.claims)} claims (${r.practices} practices × ${fmtInt(r.perPractice)}, ${fmtInt(r.lines)} lines), ${r.server}`,
    "",
    ...table(results),
    "",
    ...verdicts(results),
  ].join("\n")}\n`;
};

/** Extra lines for the section (e.g. the figures before an optimization), kept with the code that printed them. */
export const HISTORY: readonly string[] = [];

const section = (results: readonly ClaimsBenchResult[]): string => {
  const r = results[0]!;
  return [
    CLAIMS_SECTION_TITLE,
    "",
    `Measured ${r.date.toISOString().slice(0, 10)} with \`npm run bench:claims\` on ${machine()}, ${r.server}, ` +
      "one bench process (Node 20); one full run (its own database) per number of practices handled at a time.",
    "",
    `${fmtInt(r.claims)} claims: ${r.practices} practices × ${fmtInt(r.perPractice)}, ${fmtInt(r.lines)} claim lines; ` +
      `${fmtInt(r.blocked)} claims blocked by the scrubber; ${fmtInt(r.postings)} postings.`,
    "",
    ...table(results),
    "",
    `Targets (PostgreSQL on this 2-core machine: ≥ ${fmtInt(CLAIMS_TARGETS.scrubbedPerSecond)} claims/s scrubbed and written, ≥ ${fmtInt(CLAIMS_TARGETS.postedPerSecond)} claims/s posted):`,
    "",
    ...verdicts(results),
    ...(HISTORY.length ? ["", ...HISTORY] : []),
    "",
    "How it is measured:",
    "",
    "- Data (generated with INSERT … SELECT generate_series into a freshly created and migrated database " +
      "`bench_claims_*`, dropped at the end; not timed): per practice 5 providers, 2 locations (office, telehealth), " +
      "3 payers, the default posting rules; one insured client per 10 claims (every third with two diagnoses); per claim " +
      "a Kept session, its invoice and the claim in Awaiting Submission with 1 line (2 for one claim in four: add-on " +
      "90785). One client in 200 has a policy without member id (its claims are blocked); one client in 10 has two " +
      "sessions on the same day with the same provider (DUPLICATE_CLAIM warnings).",
    "- (a) `submitClaims(database, input, now, deps, options)` per practice: candidates, scrub (duplicate query, " +
      "claim details, `scrubClaim`), claim details again and the 837P (`write837P`). Dry run: `{ dryRun: true }`, " +
      "nothing stored. Persisting: claim_scrubs rows and rejected claims' transitions in one transaction, control " +
      "numbers, the 837P file row and claim_submissions, delivery to a directory drop (`defaultTransportResolver`), " +
      "claims moved to Submitted with history, outcomes. Checked: one scrub row per claim, blocked and duplicate " +
      "counts as generated, statuses and history, the CLM segments in the dry-run content and in the delivered files.",
    "- (b) Before posting every claim is set Submitted (SQL, not timed) and one 835 per practice is built with a " +
      "string builder (one transaction set per payer: BPR/TRN/N1*PR/PER/N1*PE/LX, per claim CLP/CAS/NM1*QC/SVC/" +
      "DTM*472/CAS/REF*6R): lines paid 80 % of charge with CO-45 for the rest, one claim in 10 with PR-2 " +
      "coinsurance, one in 10 with a claim-level PR-3 copay. Timed: `importInboundFile` per file. Checked: every " +
      "claim has exactly the postings its CLP calls for, from one remittance claim, no duplicated posting; claim " +
      "and invoice amounts and statuses; history and audit rows; an empty work queue; importing the same files " +
      "again (other names) is a duplicate and posts nothing.",
    "- Raw-insert ceiling: the rows a path wrote — claim_scrubs for (a), remittance_claims and postings for (b) — " +
      "are read out, deleted, vacuumed and inserted again as fast as the database takes them: one transaction per " +
      "1,000 claims, one prepared INSERT … SELECT FROM unnest($1::text[], …) per table, over 1 and 2 connections; " +
      "the percentage compares with the faster. The paths also read, decide, update claims and invoices and write " +
      "history, audit and outcome rows and files, which the ceiling does not.",
    "- Practices at a time: 1 handles the practices one after another; 2 runs two practices' jobs at once in the " +
      "one bench process (as two workers would, each on its own practice, with a pool of 2 + 2 × C connections), " +
      "so one practice's database work overlaps the other's JavaScript. Production runs one job per practice per " +
      "occurrence on the worker processes, so several practices at once is the deployed shape.",
    "- Load: the machine's 1-minute load average as the phase started; the 2 cores are shared with whatever else " +
      "runs on the machine, so a load well above 2 means the figures were taken on a busy machine.",
    "",
  ].join("\n");
};

/** Replaces (or appends) this benchmark's section of docs/PERFORMANCE.md; every other section is left as it is. */
export const writeClaimsSection = (results: readonly ClaimsBenchResult[]): string => {
  replaceSection(DOC, CLAIMS_SECTION_TITLE, section(results).split("\n"));
  return DOC;
};
