import { systemClock } from "@billcycle/core";
import { jsonLogger } from "@billcycle/server";
import { startWorker } from "@billcycle/worker";
import { enginePorts } from "../engine-ports";
import { openConfiguredDatabase } from "../open-configured-database";
import { jobLeaseMsFromEnv, takeOverEmbeddedLeases } from "../worker-settings";

/** A worker process without the HTTP server: the clock and the job queue. */
export const workerCommand = async (options: { concurrency: string }): Promise<void> => {
  const log = (msg: string) => process.stdout.write(`${msg}\n`);
  const leaseMs = jobLeaseMsFromEnv();
  const database = await openConfiguredDatabase(log);
  await takeOverEmbeddedLeases(database, systemClock.now(), log);
  const worker = await startWorker({
    database,
    clock: systemClock,
    ports: enginePorts(),
    log: jsonLogger(),
    concurrency: Number(options.concurrency),
    leaseMs,
  });
  log(`worker ${process.pid} running (${database.kind}); stop with Ctrl+C`);
  const stop = async () => {
    await worker.stop();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
};
