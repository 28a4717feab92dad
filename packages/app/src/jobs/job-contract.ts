import { DomainError } from "@billcycle/core";
import { type Executor, enqueueJob } from "@billcycle/db";
import type { z } from "zod";

/**
 * What an enqueuer must know of a job: its name (the queue), the version of its payload and the payload's schema.
 * Enqueuers are use cases that add the job in their own transaction, and app sits below the worker, so the
 * contract lives here; the worker's `jobs/<name>.ts` pairs it with the handler.
 */
export type JobContract<
  Name extends string = string,
  Payload extends Record<string, unknown> = Record<string, unknown>,
> = {
  readonly name: Name;
  readonly version: number;
  readonly payload: z.ZodType<Payload>;
};

export type JobPayload<C extends JobContract> = z.infer<C["payload"]>;

/** Declares a job's contract; the payload type is inferred from the schema. */
export const jobContract = <Name extends string, Payload extends Record<string, unknown>>(
  contract: JobContract<Name, Payload>,
): JobContract<Name, Payload> => contract;

/** One line per problem (path: message), without the values, which may be patient data. */
export const describePayloadIssues = (error: z.ZodError): string =>
  error.issues.map((i) => `${i.path.join(".") || "payload"}: ${i.message}`).join("; ");

/** The payload checked against the job's schema: INVALID_JOB_PAYLOAD, nothing enqueued, when it does not parse. */
export const parseJobPayload = <P extends Record<string, unknown>>(
  contract: JobContract<string, P>,
  payload: P,
): P => {
  const parsed = contract.payload.safeParse(payload);
  if (!parsed.success)
    throw new DomainError(
      "INVALID_JOB_PAYLOAD",
      `job ${contract.name} v${contract.version}: ${describePayloadIssues(parsed.error)}`,
      { job: contract.name, version: contract.version },
    );
  return parsed.data;
};

/**
 * Enqueues a job on the caller's transaction (it exists exactly when the change that caused it commits), its
 * payload typed and checked by the job's contract. A second enqueue with the same singleton key is a no-op.
 */
export const enqueue = async <P extends Record<string, unknown>>(
  tx: Executor,
  contract: JobContract<string, P>,
  payload: P,
  options: { runAt: Date; singletonKey?: string; maxAttempts?: number },
  now: Date,
): Promise<boolean> =>
  enqueueJob(
    tx,
    {
      queue: contract.name,
      version: contract.version,
      payload: parseJobPayload(contract, payload),
      runAt: options.runAt,
      ...(options.singletonKey === undefined ? {} : { singletonKey: options.singletonKey }),
      ...(options.maxAttempts === undefined ? {} : { maxAttempts: options.maxAttempts }),
    },
    now,
  );
