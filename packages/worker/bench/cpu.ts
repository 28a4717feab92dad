import { existsSync, readFileSync } from "node:fs";
import type { Database } from "@billcycle/db";
import { query } from "./common";

/** CPU time is what the 2 cores are shared by; unlike wall time it hardly depends on what else runs. */
export type CpuTime = { nodeMs: number; postgresMs: number };

const TICK_MS = 10; // Linux USER_HZ (sysconf CLK_TCK) is 100

const backendTicks = (pid: number): number | null => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return null;
  }
};

/**
 * CPU used by the PostgreSQL backends serving one database (the server runs on this machine): sampled every
 * 100 ms from /proc so a backend that disconnects mid-phase loses at most one interval. Background processes
 * (WAL writer, checkpointer, autovacuum) are not counted. Null where /proc or the server is out of reach.
 */
export class BackendCpu {
  private readonly last = new Map<number, number>();
  private totalTicks = 0;
  private timer: NodeJS.Timeout | null = null;
  private sampling: Promise<void> = Promise.resolve();
  private usable = true;

  private constructor(
    private readonly database: Database,
    private readonly datname: string,
  ) {}

  static async start(database: Database, datname: string): Promise<BackendCpu> {
    const meter = new BackendCpu(database, datname);
    // Only when the server's backends are processes of this machine.
    const [own] = await query<{ pid: number }>(database, "SELECT pg_backend_pid() AS pid").catch(() => []);
    meter.usable = own !== undefined && existsSync(`/proc/${own.pid}/stat`);
    await meter.sample(true);
    meter.timer = setInterval(() => {
      meter.sampling = meter.sampling.then(() => meter.sample(false));
    }, 100);
    return meter;
  }

  private async sample(baseline: boolean): Promise<void> {
    if (!this.usable) return;
    const rows = await query<{ pid: number }>(
      this.database,
      "SELECT pid FROM pg_stat_activity WHERE datname = $1",
      [this.datname],
    ).catch(() => []);
    for (const { pid } of rows) {
      const ticks = backendTicks(pid);
      if (ticks === null) continue;
      // A backend first seen after the start was born during the phase: all of its CPU counts.
      const before = this.last.get(pid) ?? (baseline ? ticks : 0);
      this.totalTicks += ticks - before;
      this.last.set(pid, ticks);
    }
  }

  async stop(): Promise<number | null> {
    if (this.timer) clearInterval(this.timer);
    await this.sampling;
    await this.sample(false);
    return this.usable ? this.totalTicks * TICK_MS : null;
  }
}

/** This process's CPU since `from` (process.cpuUsage()), in ms. */
export const ownCpuMs = (from: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};
