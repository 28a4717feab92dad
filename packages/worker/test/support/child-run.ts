// A worker process for the kill -9 test: claims one job with a short lease and runs it in small batches.
// usage: tsx child-run.ts <databaseUrl> <batchSize> <leaseMs> [now, ISO: a simulated night's fixed time]

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultTransportResolver, runAutomation, runAutomationJob, x12ClaimsPipeline } from "@billcycle/app";
import { type Clock, ManualClock, systemClock } from "@billcycle/core";
import { claimJobs, openDatabase } from "@billcycle/db";

const [url, batchSize, leaseMs, at] = process.argv.slice(2);
const clock: Clock = at ? new ManualClock(at) : systemClock;
const database = await openDatabase({ kind: "postgres", url: url!, poolSize: 2 });
const [job] = await database.db.transaction((tx) =>
  // Only an automation run: other jobs the night queued (documents to share) are not what this test kills.
  claimJobs(tx, `child:${process.pid}`, 1, clock.now(), Number(leaseMs), [runAutomationJob.name]),
);
if (!job || job.queue !== runAutomationJob.name) {
  process.stdout.write("no job\n");
  process.exit(2);
}
process.stdout.write(`claimed ${job.id}\n`);
const ports = {
  claims: x12ClaimsPipeline({
    transportFor: defaultTransportResolver({ dropRoot: mkdtempSync(join(tmpdir(), "child-drop-")) }),
  }),
};
await runAutomation(database, runAutomationJob.payload.parse(job.payload).runId, ports, clock, {
  batchSize: Number(batchSize),
});
process.stdout.write("finished\n");
await database.close();
