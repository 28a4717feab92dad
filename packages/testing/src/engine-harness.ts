import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultTransportResolver, type EnginePorts, x12ClaimsPipeline } from "@billcycle/app";
import type { ManualClock } from "@billcycle/core";
import type { Database } from "@billcycle/db";
import { drainJobs, tickClock } from "@billcycle/worker";
import { DateTime } from "luxon";

export const filePorts = (): EnginePorts & { dir: string } => {
  const dir = mkdtempSync(join(tmpdir(), "billcycle-drop-"));
  return { claims: x12ClaimsPipeline({ transportFor: defaultTransportResolver({ dropRoot: dir }) }), dir };
};

/** Advances a simulated clock hour by hour (or by `stepMinutes`), ticking the clock and draining jobs at each step. */
export const simulate = async (
  database: Database,
  clock: ManualClock,
  ports: EnginePorts,
  until: Date,
  stepMinutes = 60,
  onStep?: (now: Date) => Promise<void>,
): Promise<void> => {
  while (clock.now().getTime() < until.getTime()) {
    clock.set(new Date(Math.min(clock.now().getTime() + stepMinutes * 60_000, until.getTime())));
    await tickClock(database, clock.now());
    await drainJobs({ database, clock, ports });
    if (onStep) await onStep(clock.now());
  }
};

export const local = (iso: string, zone: string): Date => DateTime.fromISO(iso, { zone }).toJSDate();
export const localDateOf = (at: Date, zone: string): string => DateTime.fromJSDate(at, { zone }).toISODate()!;
