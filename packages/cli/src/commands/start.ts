import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { systemClock } from "@billcycle/core";
import {
  type Database,
  describeTightened,
  ensureOwnerOnlyDir,
  type Tightened,
  tables,
  tightenOwnerOnlyFile,
} from "@billcycle/db";
import { jsonLogger, securitySettingsFromEnv, startServer } from "@billcycle/server";
import { startWorker } from "@billcycle/worker";
import { count, eq } from "drizzle-orm";
import { DEMO_PASSWORD, demoUsers, seedDemo } from "../demo/seed-demo";
import { enginePorts, invoiceMailer } from "../engine-ports";
import { openConfiguredDatabase } from "../open-configured-database";
import { webRoot } from "../web-root";
import { jobLeaseMsFromEnv, takeOverEmbeddedLeases } from "../worker-settings";

export type StartOptions = {
  port: string;
  host: string;
  demo: boolean;
  production?: boolean;
  allowDemoUsers?: boolean;
};

/** Production mode: the `--production` flag or NODE_ENV=production. */
export const isProduction = (flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean =>
  flag === true || env.NODE_ENV?.trim() === "production";

/**
 * The data directory, its pgdata and the secret key file are owner-only: tightened at start when found wider,
 * with one line saying so (a new data directory is created owner-only by openDatabase and loadSecretKey).
 */
export const secureDataDir = (env: NodeJS.ProcessEnv, log: (msg: string) => void): Tightened[] => {
  const dataDir = resolve(env.BILLCYCLE_DATA_DIR?.trim() || "./data");
  // Only an existing one: with PostgreSQL the directory may hold nothing but the key file, or not exist.
  const changes = [
    existsSync(dataDir) ? ensureOwnerOnlyDir(dataDir) : null,
    existsSync(resolve(dataDir, "pgdata")) ? ensureOwnerOnlyDir(resolve(dataDir, "pgdata")) : null,
    tightenOwnerOnlyFile(resolve(dataDir, "secret.key")),
  ].filter((c): c is Tightened => c !== null);
  if (changes.length) log(describeTightened(changes));
  return changes;
};

/**
 * What `start` does to the database before serving. In production it never seeds, and refuses to run while a
 * demo user exists (their password is public) unless `allowDemoUsers`. In development an empty database gets
 * the demo practices unless `demo` is false.
 */
export const prepareStart = async (
  database: Database,
  options: { production: boolean; demo: boolean; allowDemoUsers: boolean },
  now: Date,
  log: (msg: string) => void,
): Promise<{ seeded: boolean }> => {
  if (options.production) {
    const [demo] = await database.db
      .select({ n: count() })
      .from(tables.users)
      .where(eq(tables.users.isDemo, true));
    const n = demo?.n ?? 0;
    if (n > 0 && !options.allowDemoUsers) {
      throw new Error(
        `refusing to start in production: the database has ${n} demo user${n === 1 ? "" : "s"} ` +
          "(whose password is published). Delete them, or start with --allow-demo-users to run anyway.",
      );
    }
    if (n > 0) log(`warning: ${n} demo user(s) present; started anyway (--allow-demo-users)`);
    return { seeded: false };
  }
  const [practices] = await database.db.select({ n: count() }).from(tables.practices);
  if (options.demo && (practices?.n ?? 0) === 0) {
    log("empty database: creating the demo practices (disable with --no-demo)");
    return { seeded: (await seedDemo(database, now, log)) !== null };
  }
  return { seeded: false };
};

/**
 * API + worker (clock and jobs) in one process. On an empty database the demo practices are created first. The
 * server listens before the worker claims anything, so /healthz answers at once even with a night's jobs queued.
 */
export const startCommand = async (options: StartOptions): Promise<void> => {
  const log = (msg: string) => process.stdout.write(`${msg}\n`);
  // Read first: a misspelt security setting stops the start before anything is opened.
  const security = securitySettingsFromEnv(process.env);
  const production = isProduction(options.production);
  if (production) log("production mode: no demo data");
  secureDataDir(process.env, log);
  const leaseMs = jobLeaseMsFromEnv();
  const database = await openConfiguredDatabase(log);
  const logger = jsonLogger();
  try {
    await prepareStart(
      database,
      { production, demo: options.demo, allowDemoUsers: options.allowDemoUsers === true },
      systemClock.now(),
      log,
    );
  } catch (e) {
    await database.close();
    throw e;
  }
  await takeOverEmbeddedLeases(database, systemClock.now(), log);
  const ports = enginePorts();
  const server = await startServer(
    {
      database,
      clock: systemClock,
      logger,
      webRoot: webRoot(),
      employerInvoiceMailer: invoiceMailer(),
      // Twilio's callbacks are verified with the same provider the worker sends with; pay links with the same key.
      outreach: ports.outreach
        ? { sms: ports.outreach.sms, payLinkKey: ports.outreach.payLinkKey }
        : undefined,
      ...security,
      production: production || security.production,
    },
    { port: Number(options.port), host: options.host },
  );
  const worker = await startWorker({
    database,
    clock: systemClock,
    ports,
    log: logger,
    tickMs: 15_000,
    leaseMs,
  });
  log("");
  log(`billcycle is running at ${server.url}`);
  log(`  API reference: ${server.url}/docs   OpenAPI: ${server.url}/openapi.json`);
  if (options.demo && !production)
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
