// Counts what bench:claims' timed phases ask of PostgreSQL, independent of the machine's load: statements sent
// (by shape), transactions, and rows inserted/updated/deleted per table (pg_stat_user_tables, triggers included).
// Preloaded, so the same counter runs against any version of the bench:
//   NODE_OPTIONS="--require $PWD/packages/worker/bench/count-statements.cjs" npm run bench:claims -- …
// Phases are read from the bench's progress lines; at a phase's start and end the next statement waits until the
// table statistics have been read: 11 s after, as an idle backend sends its pending counts within 10 s (PG 15).
const { createRequire } = require("node:module");
const pg = createRequire(`${process.cwd()}/package.json`)("pg");

const phases = []; // { name, statements: Map, total, claims, before, after }
let current = null;
let pending = null; // a snapshot to take before the next statement
let gate = null;
let params = null;
const origQuery = pg.Client.prototype.query;

const shape = (text) =>
  text
    .replace(/\s+/g, " ")
    .replace(/'[^']*'/g, "?")
    .replace(/\$\d+/g, "$")
    .replace(/\b\d+\b/g, "N")
    .slice(0, 90);

const snapshot = async () => {
  await new Promise((r) => setTimeout(r, 11_000));
  const c = new pg.Client(params);
  await c.connect();
  try {
    const r = await origQuery.call(
      c,
      `SELECT relname, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_del AS del, n_tup_hot_upd AS hot
       FROM pg_stat_user_tables`,
    );
    const x = await origQuery.call(
      c,
      "SELECT xact_commit AS commits FROM pg_stat_database WHERE datname = current_database()",
    );
    const idx = await origQuery.call(
      c,
      "SELECT tablename, count(*)::int AS n FROM pg_indexes WHERE schemaname = 'public' GROUP BY 1",
    );
    const trg = await origQuery.call(
      c,
      `SELECT c.relname, count(*)::int AS n FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       WHERE NOT t.tgisinternal GROUP BY 1`,
    );
    return {
      tables: new Map(r.rows.map((t) => [t.relname, t])),
      commits: Number(x.rows[0].commits),
      indexes: new Map(idx.rows.map((t) => [t.tablename, t.n])),
      triggers: new Map(trg.rows.map((t) => [t.relname, t.n])),
    };
  } finally {
    await c.end();
  }
};

pg.Client.prototype.query = function (...args) {
  if (!params && this.connectionParameters) {
    const p = this.connectionParameters;
    if (p.database?.startsWith("bench_"))
      params = { user: p.user, host: p.host, port: p.port, database: p.database, password: p.password };
  }
  if (pending && params) {
    const { phase, at } = pending;
    pending = null;
    gate = snapshot().then(
      (s) => {
        phase[at] = s;
      },
      (e) => process.stderr.write(`count-statements: snapshot failed: ${e.message}\n`),
    );
  }
  if (current) {
    const first = args[0];
    const text =
      typeof first === "string" ? first : first && typeof first.text === "string" ? first.text : "?";
    const k = shape(text);
    // BENCH_EXPLAIN=<prefix>: the first statements of that shape run as EXPLAIN ANALYZE (executed, plan printed).
    if (
      process.env.BENCH_EXPLAIN &&
      k.startsWith(process.env.BENCH_EXPLAIN) &&
      (current.explained ?? 0) < 2
    ) {
      current.explained = (current.explained ?? 0) + 1;
      const name = current.name;
      const q =
        typeof first === "string"
          ? { text: first, values: Array.isArray(args[1]) ? args[1] : undefined }
          : first;
      const values = Array.isArray(args[1]) ? args[1] : q.values;
      const ex = { text: `EXPLAIN (ANALYZE, BUFFERS, VERBOSE false) ${q.text}`, values };
      const run = (gate ?? Promise.resolve()).then(() => origQuery.call(this, ex));
      return run.then((r) => {
        origWrite(`\n-- ${name}: EXPLAIN ANALYZE\n${r.rows.map((x) => x["QUERY PLAN"]).join("\n")}\n`);
        return { ...r, rows: [], rowCount: 0 };
      });
    }
    current.statements.set(k, (current.statements.get(k) ?? 0) + 1);
    current.total++;
    const phase = current;
    const t0 = performance.now();
    const done = () => phase.ms.set(k, (phase.ms.get(k) ?? 0) + performance.now() - t0);
    const last = args[args.length - 1];
    if (typeof last === "function")
      args[args.length - 1] = (...r) => {
        done();
        return last(...r);
      };
    else if (!(first && typeof first.submit === "function")) {
      const r = gate ? gate.then(() => origQuery.apply(this, args)) : origQuery.apply(this, args);
      r.then(done, done);
      return r;
    }
  }
  if (!gate || (args[0] && typeof args[0].submit === "function")) return origQuery.apply(this, args);
  const g = gate;
  const last = args[args.length - 1];
  if (typeof last === "function") {
    g.then(() => origQuery.apply(this, args));
    return undefined;
  }
  return g.then(() => origQuery.apply(this, args));
};

const origWrite = process.stderr.write.bind(process.stderr);
process.stderr.write = (chunk, ...rest) => {
  const line = String(chunk);
  const start = line.match(
    /\] (\(a\) dry run|\(a\) persisting|\(b\) posting): (submitClaims|importInboundFile)/,
  );
  if (start) {
    current = { name: start[1], statements: new Map(), ms: new Map(), total: 0, claims: 0 };
    phases.push(current);
    pending = { phase: current, at: "before" };
  }
  const step = line.match(
    /\] (\(a\) dry run|\(a\) persisting|\(b\) posting): (\d+)\/(\d+) practices, ([\d,]+) claims/,
  );
  if (step && current && current.name === step[1]) {
    current.claims = Number(step[4].replace(/,/g, ""));
    if (step[2] === step[3]) {
      pending = { phase: current, at: "after" };
      current = null;
    }
  }
  return origWrite(chunk, ...rest);
};

process.on("exit", () => {
  const out = [];
  for (const p of phases) {
    if (!p.claims) continue;
    const per = (n) => (n / p.claims).toFixed(3);
    out.push(`\n== ${p.name}: ${p.claims} claims, ${p.total} statements (${per(p.total)} per claim)`);
    if (p.before && p.after) {
      out.push(`   transactions committed: ${p.after.commits - p.before.commits}`);
      out.push("   rows per claim (ins / upd / del; hot upd) × indexes on the table, triggers:");
      for (const [name, a] of [...p.after.tables].sort()) {
        const b = p.before.tables.get(name) ?? { ins: 0, upd: 0, del: 0, hot: 0 };
        const d = ["ins", "upd", "del", "hot"].map((k) => Number(a[k]) - Number(b[k]));
        if (d[0] + d[1] + d[2] === 0) continue;
        out.push(
          `   ${name.padEnd(32)} ${per(d[0])} / ${per(d[1])} / ${per(d[2])}; ${per(d[3])}  × ${p.after.indexes.get(name) ?? 0} idx, ${p.after.triggers.get(name) ?? 0} trg`,
        );
      }
    }
    out.push("   statements by shape (count, per claim, ms waited in all):");
    for (const [k, n] of [...p.statements]
      .sort((x, y) => (p.ms.get(y[0]) ?? 0) - (p.ms.get(x[0]) ?? 0))
      .slice(0, 40))
      out.push(
        `   ${String(n).padStart(7)} ${per(n).padStart(7)} ${String(Math.round(p.ms.get(k) ?? 0)).padStart(7)}  ${k}`,
      );
  }
  origWrite(`${out.join("\n")}\n`);
});
