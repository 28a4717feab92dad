import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { DomainError } from "@billcycle/core";

/**
 * PGlite is a single-process database with no lock of its own: two processes writing one data directory
 * corrupt it. This lock file makes the second process refuse, naming the holder. A lock left by a process
 * that no longer exists on this host is taken over.
 */
export type DataDirLock = { path: string; release(): void };

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

export const acquireDataDirLock = (dataDir: string): DataDirLock => {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, "billcycle.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
        process.off("exit", release);
      };
      process.on("exit", release);
      return { path, release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readHolder(path);
      if (holder && holder.host === hostname() && !isAlive(holder.pid)) {
        rmSync(path, { force: true });
        continue;
      }
      throw new DomainError(
        "DATABASE_LOCKED",
        `The data directory ${dataDir} is in use by another billcycle process` +
          (holder ? ` (pid ${holder.pid} on ${holder.host} since ${holder.since})` : "") +
          ". Stop that process first, or point this one at another directory with BILLCYCLE_DATA_DIR. " +
          "For several processes, use PostgreSQL via DATABASE_URL.",
        { lockFile: path },
      );
    }
  }
  throw new DomainError("DATABASE_LOCKED", `Could not take the lock ${path}`);
};

type Holder = { pid: number; host: string; since: string };

const readHolder = (path: string): Holder | null => {
  if (!existsSync(path)) return null;
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as Partial<Holder>;
    if (typeof parsed.pid === "number" && typeof parsed.host === "string") {
      return { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? "") };
    }
  } catch {
    // An unreadable lock file is treated as held: refusing is safer than corrupting the directory.
  }
  return null;
};
