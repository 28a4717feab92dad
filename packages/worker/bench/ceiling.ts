import type { Database } from "@billcycle/db";
import type pg from "pg";
import { query, scalar } from "./common";
import { BackendCpu, type CpuTime, ownCpuMs } from "./cpu";

/**
 * The raw-insert ceiling: the rows a creation run produced (same values, widths and counts) are read out,
 * deleted, and inserted again as fast as the database takes them: one transaction per `batchInvoices` invoices,
 * each table in one INSERT … SELECT FROM unnest($1::text[], …) with prepared statements, over `connections`
 * sessions. Nothing is decided or read. Scope "every row": every row the run wrote (invoices, invoice_lines,
 * appointment_invoices, invoice_status_history, the audit_log rows, the automation_outcomes rows, the client
 * ledger's charges and the bills' shares); "invoice tables": only the first three.
 */
export type CeilingScope = "every row" | "invoice tables";

export type CeilingResult = {
  scope: CeilingScope;
  connections: number;
  appointments: number;
  invoices: number;
  lines: number;
  ms: number;
  appointmentsPerSecond: number;
  rows: number;
  rowsPerSecond: number;
  cpu: CpuTime;
};

type TableSpec = { name: string; key: string; order: string; where?: string };

const INVOICE_TABLES: readonly TableSpec[] = [
  { name: "invoices", key: "id", order: "id" },
  { name: "invoice_lines", key: "invoice_id", order: "invoice_id, position" },
  { name: "appointment_invoices", key: "invoice_id", order: "invoice_id" },
];

const RUN_TABLES: readonly TableSpec[] = [
  ...INVOICE_TABLES,
  {
    name: "invoice_status_history",
    key: "invoice_id",
    order: "invoice_id, id",
    where: "from_status IS NULL",
  },
  { name: "audit_log", key: "entity_id", order: "id", where: "entity = 'invoice' AND action = 'create'" },
  { name: "automation_outcomes", key: "related_id", order: "id", where: "automation = 'invoice_creation'" },
  // Client billing: the client's share of an Open bill enters the ledger, and the bill's share is scheduled.
  { name: "ledger_entries", key: "invoice_id", order: "id", where: "kind = 'charge'" },
  { name: "document_shares", key: "invoice_id", order: "id", where: "subject_type = 'invoice'" },
];

/** Append-only by trigger: the (untimed) delete of the bench's rows switches their user triggers off. */
const APPEND_ONLY = new Set(["audit_log", "ledger_entries"]);

const deleteRows = async (database: Database, table: TableSpec, bound: string): Promise<void> => {
  if (table.name === "invoices") {
    // The client ledger's charges name these invoices; the same rows come back with the same ids, so the
    // foreign-key check is skipped for this (untimed) delete (replica role, this transaction only).
    const where = rowsOf(table).replace("$1", `'${bound.replace(/'/g, "''")}'`);
    await database.exec(
      `BEGIN; SET LOCAL session_replication_role = replica; DELETE FROM invoices WHERE ${where}; COMMIT;`,
    );
    return;
  }
  const appendOnly = APPEND_ONLY.has(table.name);
  if (appendOnly) await database.exec(`ALTER TABLE ${table.name} DISABLE TRIGGER USER`);
  try {
    await query(database, `DELETE FROM ${table.name} WHERE ${rowsOf(table)}`, [bound]);
  } finally {
    if (appendOnly) await database.exec(`ALTER TABLE ${table.name} ENABLE TRIGGER USER`);
  }
};

const rowsOf = (table: TableSpec): string =>
  `${table.key}::uuid <= $1::uuid${table.where ? ` AND ${table.where}` : ""}`;

type Column = { name: string; type: string };
type Batch = { columns: string[][][]; appointments: number; rows: number };

/** A table's columns with their SQL types, in order (the ceilings re-insert rows as text cast to these). */
export const columnsOf = (database: Database, table: string): Promise<Column[]> =>
  query<Column>(
    database,
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY a.attnum`,
    [table],
  );

/** A prepared INSERT … SELECT FROM unnest($1::text[], …) of every column. */
export const insertText = (table: string, columns: Column[]): string => {
  const names = columns.map((c) => `"${c.name}"`).join(", ");
  const casts = columns.map((c) => `u."${c.name}"::${c.type}`).join(", ");
  const arrays = columns.map((_, i) => `$${i + 1}::text[]`).join(", ");
  return `INSERT INTO ${table} (${names}) SELECT ${casts} FROM unnest(${arrays}) AS u(${names})`;
};

export const measureCeiling = async (
  database: Database,
  options: {
    scope: CeilingScope;
    connections: number;
    batchInvoices?: number;
    maxInvoices?: number;
    datname?: string | null;
  },
): Promise<CeilingResult> => {
  const tables = options.scope === "every row" ? RUN_TABLES : INVOICE_TABLES;
  const batchInvoices = options.batchInvoices ?? 1000;
  const total = await scalar(database, "SELECT count(*) AS n FROM invoices");
  const take = Math.min(total, options.maxInvoices ?? Number.POSITIVE_INFINITY);
  const [bound] = await query<{ id: string }>(
    database,
    "SELECT id::text AS id FROM invoices ORDER BY id OFFSET $1 LIMIT 1",
    [take - 1],
  );
  if (!bound) throw new Error("no invoices to measure the ceiling with");
  const columns = await Promise.all(tables.map((t) => columnsOf(database, t.name)));

  // Read the rows as text, grouped into batches by invoice (the order the engine wrote them in).
  const batchOfInvoice = new Map<string, number>();
  const batches: Batch[] = [];
  for (const [t, table] of tables.entries()) {
    const cols = columns[t]!;
    const rows = await query<Record<string, string | null>>(
      database,
      `SELECT ${cols.map((c) => `"${c.name}"::text AS "${c.name}"`).join(", ")} FROM ${table.name}
       WHERE ${rowsOf(table)} ORDER BY ${table.order}`,
      [bound.id],
    );
    for (const row of rows) {
      const invoiceId = row[table.key]!;
      let b = batchOfInvoice.get(invoiceId);
      if (b === undefined) {
        if (t !== 0) throw new Error(`${table.name} row for an unknown invoice ${invoiceId}`);
        b = Math.floor(batchOfInvoice.size / batchInvoices);
        batchOfInvoice.set(invoiceId, b);
        batches[b] ??= { columns: tables.map((_, i) => columns[i]!.map(() => [])), appointments: 0, rows: 0 };
      }
      const batch = batches[b]!;
      cols.forEach((c, i) => {
        batch.columns[t]![i]!.push(row[c.name] as string);
      });
      batch.rows++;
      if (table.name === "appointment_invoices") batch.appointments++;
    }
  }
  const appointments = batches.reduce((a, b) => a + b.appointments, 0);
  const rows = batches.reduce((a, b) => a + b.rows, 0);
  const lines = batches.reduce((a, b) => a + (b.columns[1]![0]?.length ?? 0), 0);

  // Remove them (not timed), and vacuum, so the timed inserts find the tables as the engine found them.
  for (const table of [...tables].reverse()) await deleteRows(database, table, bound.id);
  for (const table of tables) await database.exec(`VACUUM ANALYZE ${table.name}`);

  const texts = tables.map((t, i) => insertText(t.name, columns[i]!));
  let next = 0;
  const backends = options.datname ? await BackendCpu.start(database, options.datname) : null;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (database.native.pool) {
    const pool = database.native.pool;
    const clients: pg.PoolClient[] = [];
    for (let c = 0; c < options.connections; c++) clients.push(await pool.connect());
    try {
      const t1 = performance.now();
      await Promise.all(
        clients.map(async (client) => {
          for (let b = next++; b < batches.length; b = next++) {
            await client.query("BEGIN");
            for (const [t, text] of texts.entries())
              await client.query({
                name: `ceiling_${tables[t]!.name}`,
                text,
                values: batches[b]!.columns[t]!,
              });
            await client.query("COMMIT");
          }
        }),
      );
      const ms = performance.now() - t1;
      return finish(options.connections, ms, {
        nodeMs: ownCpuMs(cpu0),
        postgresMs: (await backends?.stop()) ?? 0,
      });
    } finally {
      for (const c of clients) c.release();
    }
  }
  const pglite = database.native.pglite!;
  for (const batch of batches) {
    await pglite.transaction(async (tx) => {
      for (const [t, text] of texts.entries()) await tx.query(text, batch.columns[t]!);
    });
  }
  const ms = performance.now() - t0;
  return finish(1, ms, { nodeMs: ownCpuMs(cpu0), postgresMs: 0 });

  function finish(connections: number, ms: number, cpu: CpuTime): CeilingResult {
    return {
      scope: options.scope,
      connections,
      appointments,
      invoices: batchOfInvoice.size,
      lines,
      ms,
      appointmentsPerSecond: appointments / (ms / 1000),
      rows,
      rowsPerSecond: rows / (ms / 1000),
      cpu,
    };
  }
};
