import { loadavg } from "node:os";
import { changeAppointmentStatus, type TenantActor } from "@billcycle/app";
import { occurrenceInstant } from "@billcycle/core";
import type { Database } from "@billcycle/db";
import pg from "pg";
import { tickClock } from "../src/clock/tick-clock";
import { type CeilingResult, measureCeiling } from "./ceiling";
import { type Check, check, percentile, progress, query, scalar, sleep } from "./common";
import { BackendCpu, type CpuTime, ownCpuMs } from "./cpu";
import { BENCH_ZONE, type Generated } from "./generate";
import type { BenchWorkers } from "./workers";

export type ScenarioOptions = {
  /** The practice-local date of the nightly runs (creation 20:00, processing 21:00). */
  runDate: string;
  ceilingConnections: number[];
  processing: boolean;
  latency: boolean;
  /** At most this many invoices are deleted and re-inserted for the ceiling (memory bound on big runs). */
  ceilingMaxInvoices: number;
  latencyCount: number;
  latencyRate: number;
  /** PostgreSQL: a URL the latency watcher connects to (its own session, LISTEN); PGlite: in-process. */
  pollUrl: string | null;
  /** PostgreSQL: the bench database's name, whose backends' CPU is counted; PGlite: null. */
  datname: string | null;
};

export type NightlyResult = {
  ms: number;
  /** CPU used by the worker processes and the bench process, and by the database's backends. */
  cpu: CpuTime;
  items: number;
  produced: number;
  perSecond: number;
  runs: number;
};

export type LatencyResult = {
  count: number;
  seen: number;
  ratePerSecond: number;
  p50: number;
  p99: number;
  max: number;
  statusChangeP50: number;
};

export type ScenarioResult = {
  backend: "PGlite" | "PostgreSQL";
  workers: number;
  workersNote: string;
  practices: number;
  perPractice: number;
  appointments: number;
  invoiceLines: number;
  creation: NightlyResult;
  /** Null when the phase was skipped. */
  processing: NightlyResult | null;
  ceilings: CeilingResult[];
  latency: LatencyResult | null;
  /** The machine's 1-minute load average as each phase started (other processes share these 2 cores). */
  load: { creation: number; ceiling: number; processing: number; latency: number };
  checks: Check[];
};

const LATENCY_CHANNEL = "bench_invoiced";

type RunRow = { status: string; counts: Record<string, number> | null };

const runNightly = async (
  database: Database,
  workers: BenchWorkers,
  practiceIds: string[],
  kind: "invoice_creation" | "invoice_processing",
  runTime: string,
  runDate: string,
  datname: string | null,
): Promise<{ ms: number; cpu: CpuTime; runs: RunRow[] }> => {
  const at = occurrenceInstant(runDate, runTime, BENCH_ZONE);
  // The clock last looked an hour before the run time: the next tick finds exactly one occurrence per practice.
  await query(
    database,
    `INSERT INTO automation_clock (practice_id, automation, checked_through)
     SELECT unnest($1::uuid[]), $2, $3::timestamptz
     ON CONFLICT (practice_id, automation) DO UPDATE SET checked_through = excluded.checked_through`,
    [practiceIds, kind, new Date(at.getTime() - 3_600_000).toISOString()],
  );
  if (database.kind === "postgres") await database.exec("CHECKPOINT");
  const now = new Date(at.getTime() + 60_000);
  const backends = datname ? await BackendCpu.start(database, datname) : null;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { scheduled } = await tickClock(database, now);
  if (scheduled !== practiceIds.length)
    throw new Error(`tickClock scheduled ${scheduled} runs, expected ${practiceIds.length}`);
  const { workerCpuMs } = await workers.drain(now);
  const ms = performance.now() - t0;
  const cpu = { nodeMs: workerCpuMs + ownCpuMs(cpu0), postgresMs: (await backends?.stop()) ?? 0 };
  const runs = await query<RunRow>(
    database,
    "SELECT status, counts FROM automation_runs WHERE automation = $1",
    [kind],
  );
  return { ms, cpu, runs };
};

const sumCounts = (runs: RunRow[], key: string) => runs.reduce((a, r) => a + (r.counts?.[key] ?? 0), 0);

export const runScenario = async (
  database: Database,
  workers: BenchWorkers,
  generated: Generated,
  sizes: { practices: number; perPractice: number },
  o: ScenarioOptions,
): Promise<ScenarioResult> => {
  const checks: Check[] = [];
  const backend = database.kind === "postgres" ? "PostgreSQL" : "PGlite";
  const label = `${backend}, ${workers.description}`;
  const ids = generated.nightlyPracticeIds;
  const appointments = generated.appointments;
  const expectedLines = await scalar(
    database,
    `SELECT count(*) AS n FROM appointment_services s JOIN services v ON v.id = s.service_id
     JOIN appointments a ON a.id = s.appointment_id WHERE v.billable AND a.status = 'kept'`,
  );

  const load = { creation: 0, ceiling: 0, processing: 0, latency: 0 };
  // 1. Nightly Invoice Creation.
  load.creation = loadavg()[0]!;
  progress(
    `${label}: invoice creation for ${ids.length} practices × ${sizes.perPractice} kept sessions (load ${load.creation.toFixed(1)})…`,
  );
  const c = await runNightly(database, workers, ids, "invoice_creation", "20:00", o.runDate, o.datname);
  const invoiced = sumCounts(c.runs, "invoiced");
  const creation: NightlyResult = {
    ms: c.ms,
    cpu: c.cpu,
    items: invoiced,
    produced: sumCounts(c.runs, "invoices"),
    perSecond: invoiced / (c.ms / 1000),
    runs: c.runs.length,
  };
  progress(
    `${label}: invoiced ${invoiced} sessions in ${(c.ms / 1000).toFixed(1)} s = ${Math.round(creation.perSecond)}/s`,
  );
  const verifyCreation = async (when: string) => {
    const [v] = await query<Record<string, string>>(
      database,
      `SELECT
        (SELECT count(*) FROM invoices WHERE source = 'nightly') AS invoices,
        (SELECT count(*) FROM appointment_invoices) AS links,
        (SELECT count(*) FROM invoice_lines) AS lines,
        (SELECT count(*) FROM (SELECT appointment_id FROM invoice_lines WHERE appointment_id IS NOT NULL
           GROUP BY appointment_id HAVING count(DISTINCT invoice_id) > 1) d) AS on_two,
        (SELECT count(*) FROM (SELECT i.id FROM invoices i JOIN appointment_invoices ai ON ai.invoice_id = i.id
           GROUP BY i.id HAVING count(*) <> 1) d) AS not_one`,
    );
    const n = (k: string) => Number(v?.[k]);
    check(
      checks,
      `${when}: invoices == kept appointments`,
      n("invoices") === appointments,
      `${n("invoices")} == ${appointments}`,
    );
    check(
      checks,
      `${when}: appointment_invoices == appointments`,
      n("links") === appointments,
      `${n("links")}`,
    );
    check(
      checks,
      `${when}: invoice lines == billable services`,
      n("lines") === expectedLines,
      `${n("lines")} == ${expectedLines}`,
    );
    check(
      checks,
      `${when}: appointments on two invoices`,
      n("on_two") === 0 && n("not_one") === 0,
      `${n("on_two")} appointments on >1 invoice, ${n("not_one")} invoices without exactly one session`,
    );
  };
  check(
    checks,
    "creation runs done",
    c.runs.length === ids.length && c.runs.every((r) => r.status === "done"),
    `${c.runs.filter((r) => r.status === "done").length}/${ids.length}; invoiced ${invoiced}, skipped ${sumCounts(c.runs, "skipped")}`,
  );
  await verifyCreation("after creation");
  const outcomes = await scalar(
    database,
    "SELECT count(*) AS n FROM automation_outcomes WHERE automation = 'invoice_creation' AND outcome = 'done'",
  );
  check(checks, "an outcome per appointment", outcomes === appointments, `${outcomes} done outcomes`);

  // 2. The raw-insert ceiling, on the rows the run just produced.
  load.ceiling = loadavg()[0]!;
  const ceilings: CeilingResult[] = [];
  for (const scope of ["every row", "invoice tables"] as const) {
    for (const connections of o.ceilingConnections) {
      progress(`${label}: raw-insert ceiling (${scope}) with ${connections} connection(s)…`);
      if (database.kind === "postgres") await database.exec("CHECKPOINT");
      const r = await measureCeiling(database, {
        scope,
        connections,
        maxInvoices: o.ceilingMaxInvoices,
        datname: o.datname,
      });
      ceilings.push(r);
      progress(
        `${label}: ceiling (${scope}) ${r.appointments} sessions (${r.invoices} invoices, ${r.lines} lines, ${r.rows} rows) in ${(r.ms / 1000).toFixed(1)} s = ${Math.round(r.appointmentsPerSecond)} sessions/s`,
      );
    }
  }
  await verifyCreation("after ceiling re-insert");

  const measureProcessing = async (): Promise<NightlyResult> => {
    load.processing = loadavg()[0]!;
    progress(`${label}: invoice processing (load ${load.processing.toFixed(1)})…`);
    const p = await runNightly(database, workers, ids, "invoice_processing", "21:00", o.runDate, o.datname);
    const claims = sumCounts(p.runs, "claimed");
    const processing: NightlyResult = {
      ms: p.ms,
      cpu: p.cpu,
      items: sumCounts(p.runs, "considered"),
      produced: claims,
      perSecond: claims / (p.ms / 1000),
      runs: p.runs.length,
    };
    progress(
      `${label}: ${claims} claims from ${processing.items} invoices in ${(p.ms / 1000).toFixed(1)} s = ${Math.round(processing.perSecond)} claims/s`,
    );
    const [pv] = await query<Record<string, string>>(
      database,
      `SELECT
        (SELECT count(*) FROM invoices WHERE pays_by = 'insurance' AND insurance_cents > 0) AS claimable,
        (SELECT count(*) FROM claims) AS claims,
        (SELECT count(*) FROM invoices WHERE status = 'processed') AS processed,
        (SELECT count(*) FROM (SELECT invoice_id FROM claims GROUP BY invoice_id, payer_rank HAVING count(*) > 1) d) AS twice,
        (SELECT count(*) FROM claim_lines) AS claim_lines,
        (SELECT count(*) FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
           WHERE i.status = 'processed' AND l.insurance_eligible AND l.kind = 'service') AS claimable_lines`,
    );
    const pn = (k: string) => Number(pv?.[k]);
    check(
      checks,
      "processing runs done",
      p.runs.length === ids.length && p.runs.every((r) => r.status === "done"),
      `${p.runs.filter((r) => r.status === "done").length}/${ids.length}`,
    );
    check(
      checks,
      "claims == insurance invoices",
      pn("claims") === pn("claimable") && pn("claims") === claims && pn("processed") === claims,
      `${pn("claims")} claims, ${pn("claimable")} insurance invoices, ${pn("processed")} processed`,
    );
    check(checks, "invoices claimed twice", pn("twice") === 0, `${pn("twice")}`);
    check(
      checks,
      "claim lines == eligible invoice lines",
      pn("claim_lines") === pn("claimable_lines"),
      `${pn("claim_lines")} == ${pn("claimable_lines")}`,
    );
    return processing;
  };
  // 3. Nightly Invoice Processing.
  const processing = o.processing ? await measureProcessing() : null;

  // 4. Kept → invoice latency, with the real worker loop.
  load.latency = loadavg()[0]!;
  const latency = o.latency ? await measureLatency(database, workers, generated, o, checks, label) : null;

  return {
    backend,
    workers: workers.count,
    workersNote: workers.description,
    practices: sizes.practices,
    perPractice: sizes.perPractice,
    appointments,
    invoiceLines: expectedLines,
    creation,
    processing,
    ceilings,
    latency,
    load,
    checks,
  };
};

const measureLatency = async (
  database: Database,
  workers: BenchWorkers,
  generated: Generated,
  o: ScenarioOptions,
  checks: Check[],
  label: string,
): Promise<LatencyResult> => {
  // No scheduled runs while measuring: the worker's own clock ticks must find nothing due.
  await query(database, "DELETE FROM automation_clock");
  const order: Array<{ actor: TenantActor; appointmentId: string }> = [];
  const longest = Math.max(...generated.latency.map((l) => l.appointmentIds.length));
  for (let i = 0; i < longest && order.length < o.latencyCount; i++) {
    for (const l of generated.latency) {
      const id = l.appointmentIds[i];
      if (id && order.length < o.latencyCount)
        order.push({
          actor: { userId: null, practiceId: l.practiceId, role: "owner", label: "bench:front-desk" },
          appointmentId: id,
        });
    }
  }
  progress(
    `${label}: Kept→invoice latency, ${order.length} sessions marked Kept at ${o.latencyRate}/s (load ${loadavg()[0]!.toFixed(1)})…`,
  );
  // The instrument: a statement-level trigger NOTIFYs when appointment_invoices rows are inserted; the NOTIFY is
  // delivered when that transaction commits, and the bench then looks (one query) for the sessions it waits on.
  // One function call per statement is all it adds to the engine's transaction. Dropped afterwards.
  await database.exec(`
    CREATE FUNCTION bench_invoiced_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_notify('${LATENCY_CHANNEL}', ''); RETURN NULL; END $$;
    CREATE TRIGGER bench_invoiced AFTER INSERT ON appointment_invoices
      FOR EACH STATEMENT EXECUTE FUNCTION bench_invoiced_notify();`);
  const committedAt = new Map<string, number>();
  const seenAt = new Map<string, number>();
  const pending = new Set<string>();
  const statusMs: number[] = [];
  const poller = o.pollUrl ? new pg.Client({ connectionString: o.pollUrl }) : null;
  const look = async (ids: string[]): Promise<string[]> => {
    const text =
      "SELECT appointment_id::text AS id FROM appointment_invoices WHERE appointment_id = ANY($1::uuid[])";
    const rows = poller
      ? (await poller.query<{ id: string }>(text, [ids])).rows
      : (await database.native.pglite!.query<{ id: string }>(text, [ids])).rows;
    return rows.map((r) => r.id);
  };
  let looking = false;
  let again = false;
  const lookNow = async () => {
    if (looking) {
      again = true;
      return;
    }
    looking = true;
    try {
      do {
        again = false;
        if (pending.size === 0) break;
        // The snapshot is taken when the query starts: an invoice seen then had committed before that instant.
        const snapshot = performance.now();
        for (const id of await look([...pending])) {
          seenAt.set(id, snapshot);
          pending.delete(id);
        }
      } while (again);
    } finally {
      looking = false;
    }
  };
  let unlisten: () => Promise<void>;
  if (poller) {
    await poller.connect();
    poller.on("notification", () => void lookNow());
    await poller.query(`LISTEN ${LATENCY_CHANNEL}`);
    unlisten = async () => {
      await poller.end();
    };
  } else {
    unlisten = await database.native.pglite!.listen(LATENCY_CHANNEL, () => void lookNow());
  }
  // A slow fallback look, should a notification ever be missed.
  const fallback = setInterval(() => void lookNow(), 100);
  await workers.serve();
  const t0 = performance.now();
  for (const [i, item] of order.entries()) {
    const due = t0 + (i * 1000) / o.latencyRate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const start = performance.now();
    await changeAppointmentStatus(database, {
      actor: item.actor,
      appointmentId: item.appointmentId,
      to: "kept",
      now: new Date(),
    });
    const committed = performance.now();
    statusMs.push(committed - start);
    committedAt.set(item.appointmentId, committed);
    pending.add(item.appointmentId);
  }
  const markedIn = performance.now() - t0;
  const deadline = performance.now() + 30_000;
  while (pending.size > 0 && performance.now() < deadline) await sleep(20);
  clearInterval(fallback);
  await workers.stop();
  await unlisten();
  await database.exec(
    "DROP TRIGGER bench_invoiced ON appointment_invoices; DROP FUNCTION bench_invoiced_notify();",
  );

  const latencies = [...seenAt.entries()].map(([id, t]) => t - committedAt.get(id)!).sort((a, b) => a - b);
  statusMs.sort((a, b) => a - b);
  const result: LatencyResult = {
    count: order.length,
    seen: latencies.length,
    ratePerSecond: order.length / (markedIn / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    statusChangeP50: percentile(statusMs, 50),
  };
  progress(
    `${label}: Kept→invoice p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(1)} ms (${result.seen}/${result.count} seen)`,
  );
  const onKept = await scalar(
    database,
    "SELECT count(*) AS n FROM automation_outcomes WHERE trigger = 'on_kept' AND outcome = 'done'",
  );
  check(
    checks,
    "every Kept session invoiced on Kept",
    result.seen === result.count && onKept === result.count,
    `${result.seen} seen, ${onKept} done outcomes of ${result.count}`,
  );
  return result;
};
