import { describePayloadIssues, type EnginePorts, type JobContract } from "@billcycle/app";
import type { Clock } from "@billcycle/core";
import type { Database } from "@billcycle/db";

/** What a handler is given besides its payload. */
export type JobContext = { database: Database; ports: EnginePorts; clock: Clock };

/** What a handler may answer: `retryAt` puts the job back to wait (not a failure, no attempt used). */
export type JobResult = { retryAt?: Date } | undefined;

/** A job: its contract (name, version, payload schema) and what the worker does with it. */
export type JobDefinition<Name extends string, Payload extends Record<string, unknown>> = JobContract<
  Name,
  Payload
> & {
  handle: (payload: Payload, ctx: JobContext) => Promise<JobResult>;
  /** After the job's last attempt failed: leave its subject in a state a person sees (a run marked failed). */
  onFinalFailure?: (payload: Payload, ctx: JobContext, error: string) => Promise<void>;
};

export const defineJob = <Name extends string, Payload extends Record<string, unknown>>(
  contract: JobContract<Name, Payload>,
  handlers: Pick<JobDefinition<Name, Payload>, "handle" | "onFinalFailure">,
): JobDefinition<Name, Payload> => ({ ...contract, ...handlers });

/** A claimed job's payload checked against its definition, ready to run; or why it cannot run at all. */
export type PreparedJob =
  | {
      ok: true;
      run: (ctx: JobContext) => Promise<JobResult>;
      finallyFailed: (ctx: JobContext, error: string) => Promise<void>;
    }
  | { ok: false; reason: string };

/** A definition as the registry holds it: any payload type, parsed before its handler sees it. */
export type RegisteredJob = {
  name: string;
  version: number;
  prepare: (payload: unknown) => PreparedJob;
};

export const registered = <Name extends string, Payload extends Record<string, unknown>>(
  definition: JobDefinition<Name, Payload>,
): RegisteredJob => ({
  name: definition.name,
  version: definition.version,
  prepare: (raw) => {
    const parsed = definition.payload.safeParse(raw);
    if (!parsed.success)
      return { ok: false, reason: `payload does not parse: ${describePayloadIssues(parsed.error)}` };
    const payload = parsed.data;
    return {
      ok: true,
      run: (ctx) => definition.handle(payload, ctx),
      finallyFailed: async (ctx, error) => {
        await definition.onFinalFailure?.(payload, ctx, error);
      },
    };
  },
});
