import { systemClock } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { jsonLogger, startServer } from "@billcycle/server";
import { startWorker } from "@billcycle/worker";
import { count } from "drizzle-orm";
import { DEMO_PASSWORD, demoUsers, seedDemo } from "../demo/seed-demo";
import { enginePorts } from "../engine-ports";
import { openConfiguredDatabase } from "../open-configured-database";
import { webRoot } from "../web-root";
import { jobLeaseMsFromEnv, takeOverEmbeddedLeases } from "../worker-settings";

export type StartOptions = { port: string; host: string; demo: boolean };

/**
 * API + worker (clock and jobs) in one process. On an empty database the demo practices are created first. The
 * server listens before the worker claims anything, so /healthz answers at once even with a night's jobs queued.
 */
export const startCommand = async (options: StartOptions): Promise<void> => {
  const log = (msg: string) => process.stdout.write(`${msg}\n`);
  const leaseMs = jobLeaseMsFromEnv();
  const database = await openConfiguredDatabase(log);
  const logger = jsonLogger();
  const [practices] = await database.db.select({ n: count() }).from(tables.practices);
  if (options.demo && (practices?.n ?? 0) === 0) {
    log("empty database: creating the demo practices (disable with --no-demo)");
    await seedDemo(database, systemClock.now(), log);
  }
  await takeOverEmbeddedLeases(database, systemClock.now(), log);
  const server = await startServer(
    { database, clock: systemClock, logger, webRoot: webRoot() },
    { port: Number(options.port), host: options.host },
  );
  const worker = await startWorker({
    database,
    clock: systemClock,
    ports: enginePorts(),
    log: logger,
    tickMs: 15_000,
    leaseMs,
  });
  log("");
  log(`billcycle is running at ${server.url}`);
  log(`  API reference: ${server.url}/docs   OpenAPI: ${server.url}/openapi.json`);
  if (options.demo)
    log(`  demo sign-in:  ${demoUsers[0].email} / ${DEMO_PASSWORD}  (also biller@, clinician@, readonly@)`);
  log("  stop with Ctrl+C");
  const stop = async () => {
    log("stopping…");
    await server.close().catch(() => undefined);
    await worker.stop().catch(() => undefined);
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
};
