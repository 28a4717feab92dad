import type { Database } from "@billcycle/db";
import { REJECTED_FOLDER } from "../clearinghouse/transport";
import type { ClaimsPipelinePort } from "./claims-pipeline-port";
import { loadClearinghouse } from "./clearinghouse-context";
import { deliverFile } from "./deliver-file";
import { importInboundFile } from "./import-inbound-file";
import { MAX_INBOUND_FILE_BYTES } from "./import-remittance";
import { reconcileDelivery } from "./reconcile-delivery";
import { type SubmitResult, submitClaims } from "./submit-claims";
import type { TransportResolverDeps } from "./transport-deps";

/**
 * Picks up everything waiting in the practice's inbound folder: each new file is downloaded, stored and processed
 * (999, 277CA, 835), then archived remotely so it is not picked up again. Files are known by their content, not
 * their name (importInboundFile): a file still there because archiving failed is a duplicate at the next poll and
 * is archived then; a name the clearinghouse uses again for a new file is a new file. A rejected file (not text,
 * not readable X12) is stored with its reason and moved to `<inbound>/rejected` for a person.
 *
 * One file never stops the others: a file that fails unexpectedly (a database error) is left in place and the rest
 * of the folder is processed; the run then fails with that error, so the job is retried and the file with it.
 */
export const pickUpInboundFiles = async (
  database: Database,
  practiceId: string,
  now: Date,
  deps: TransportResolverDeps,
) => {
  const { connection } = await loadClearinghouse(database.db, practiceId);
  const transport = deps.transportFor(practiceId, connection);
  const counts = { files: 0, acknowledgments: 0, remittances: 0, duplicates: 0, rejected: 0 };
  let failure: unknown;
  try {
    for (const remote of await transport.list("inbound")) {
      // A file above the limit is refused unread: it is not downloaded.
      const tooLarge = remote.size > MAX_INBOUND_FILE_BYTES;
      const bytes = tooLarge ? Buffer.alloc(0) : await transport.download("inbound", remote.name);
      let result: Awaited<ReturnType<typeof importInboundFile>>;
      try {
        result = await importInboundFile(
          database,
          practiceId,
          {
            name: remote.name,
            content: bytes,
            connectionId: connection?.id ?? null,
            ...(tooLarge ? { listedBytes: remote.size } : {}),
          },
          now,
          "system:era_processing",
        );
      } catch (e) {
        failure ??= e;
        continue;
      }
      counts.files++;
      if (result.status === "duplicate") counts.duplicates++;
      else if (result.status === "rejected") counts.rejected++;
      else if (result.kind === "835") counts.remittances += result.remittances?.length ?? 0;
      else counts.acknowledgments++;
      await transport.archive(remote.name, result.status === "rejected" ? REJECTED_FOLDER : undefined);
    }
  } finally {
    await transport.close().catch(() => undefined);
  }
  if (failure !== undefined) throw failure;
  return counts;
};

/** The claims pipeline behind the engine's port: scrub + 837P + delivery, and inbound acknowledgments and remittances. */
export const x12ClaimsPipeline = (deps: TransportResolverDeps): ClaimsPipelinePort => ({
  submitClaims: async (database, input, now) => {
    const { fileContent: _, ...counts } = await submitClaims(database, input, now, deps);
    return submitCounts(counts);
  },
  processRemittances: (database, input, now) => pickUpInboundFiles(database, input.practiceId, now, deps),
  deliverFile: (database, fileId, now) => deliverFile(database, fileId, now, deps),
  reconcileDelivery: (database, fileId, now) => reconcileDelivery(database, fileId, now, deps),
});

/** A submission's counts as an automation run records them. */
export const submitCounts = (r: SubmitResult): Record<string, number> => ({
  considered: r.considered,
  scrubberRejected: r.scrubberRejected,
  excluded: r.excluded,
  submitted: r.submitted,
  files: r.files,
  resting: r.held.resting,
});
