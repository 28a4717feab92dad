import { randomUUID } from "node:crypto";
import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { DomainError } from "@billcycle/core";

/**
 * PGlite is a single-process database with no lock of its own: two processes writing one data directory
 * corrupt it. This lock file makes the second process refuse, naming the holder. A stale lock is taken over:
 * one whose process is gone (dead pid, a pid reused by another process, or an earlier boot), one holding our
 * own pid from an earlier incarnation (containers, where billcycle is always pid 1), and an empty or
 * unreadable one (the lock is written whole before it appears, so such a file is never a live holder's).
 * `tookOverStale` says the previous holder died with the directory open (recovery may act on it at once).
 */
export type DataDirLock = { path: string; tookOverStale: boolean; release(): void };

/** What the lock file holds: enough to tell the holder from a later process that got the same pid. */
export type LockHolder = {
  pid: number;
  host: string;
  since: string;
  /** Random per process: tells this process from an earlier one with the same pid. */
  instance?: string;
  /** /proc/<pid>/stat field 22 (clock ticks after boot), on Linux. */
  startTime?: string | null;
  /** /proc/sys/kernel/random/boot_id, on Linux. */
  bootId?: string | null;
};

const INSTANCE = randomUUID();

const readText = (path: string): string | null => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
};

/** The process's start time in clock ticks after boot (`/proc/<pid>/stat` field 22), or null off Linux. */
export const processStartTime = (pid: number): string | null => {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // Field 2 (the command) is in parentheses and may hold spaces: count from the last ")", which ends field 2.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields[22 - 3] ?? null;
};

const bootId = (): string | null => readText("/proc/sys/kernel/random/boot_id")?.trim() || null;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** The holder recorded in a lock file's text, or null when the text is empty or not a lock. */
export const parseLockHolder = (text: string): LockHolder | null => {
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder> | null;
    if (typeof parsed?.pid !== "number" || typeof parsed.host !== "string") return null;
    return {
      pid: parsed.pid,
      host: parsed.host,
      since: String(parsed.since ?? ""),
      ...(typeof parsed.instance === "string" ? { instance: parsed.instance } : {}),
      ...(typeof parsed.startTime === "string" ? { startTime: parsed.startTime } : {}),
      ...(typeof parsed.bootId === "string" ? { bootId: parsed.bootId } : {}),
    };
  } catch {
    return null;
  }
};

export type LockVerdict =
  | { live: true }
  | { live: false; reason: "unreadable" | "own-pid" | "other-boot" | "dead" | "pid-reused" };

/**
 * Whether a lock's holder may still be running. Another host's lock is always respected: its processes
 * cannot be seen from here.
 */
export const judgeLockHolder = (holder: LockHolder | null): LockVerdict => {
  if (holder === null) return { live: false, reason: "unreadable" };
  if (holder.host !== hostname()) return { live: true };
  const boot = bootId();
  if (holder.bootId && boot && holder.bootId !== boot) return { live: false, reason: "other-boot" };
  if (holder.pid === process.pid)
    return holder.instance === INSTANCE ? { live: true } : { live: false, reason: "own-pid" };
  if (!isAlive(holder.pid)) return { live: false, reason: "dead" };
  const started = holder.startTime ? processStartTime(holder.pid) : null;
  if (started !== null && started !== holder.startTime) return { live: false, reason: "pid-reused" };
  return { live: true };
};

const hasCode = (e: unknown, ...codes: string[]) => codes.includes(String((e as NodeJS.ErrnoException).code));

/**
 * Creates the lock at `path` from the written `draft`, failing with EEXIST if it exists. A file system without hard
 * links (some network and FUSE mounts) gets an exclusive create and a write instead: the lock is then briefly empty.
 */
const createLock = (draft: string, path: string, content: string): void => {
  try {
    linkSync(draft, path);
  } catch (e) {
    if (!hasCode(e, "EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS")) throw e;
    const fd = openSync(path, "wx");
    try {
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
  }
};

export const acquireDataDirLock = (
  dataDir: string,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): DataDirLock => {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, "billcycle.lock");
  const content = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    instance: INSTANCE,
    startTime: processStartTime(process.pid),
    bootId: bootId(),
  } satisfies LockHolder);
  // The lock appears whole: written to a private file, then linked to its name (which fails if the name exists,
  // as O_EXCL would), so no one ever reads a half-written live lock.
  const draft = `${path}.${INSTANCE}.new`;
  writeFileSync(draft, content, { flag: "wx" });
  let tookOverStale = false;
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        createLock(draft, path, content);
      } catch (e) {
        if (!hasCode(e, "EEXIST")) throw e;
        const seen = readText(path);
        if (seen === null) continue; // released meanwhile: try again
        const holder = parseLockHolder(seen);
        const verdict = judgeLockHolder(holder);
        if (verdict.live) throw lockedError(dataDir, path, holder);
        if (removeIfStill(path, seen)) {
          tookOverStale = true;
          log(
            `billcycle: took over the stale lock ${path} (${verdict.reason}${holder ? `, pid ${holder.pid} since ${holder.since}` : ""})`,
          );
        }
        continue;
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        // Only our own lock: never one a later process took over after deciding ours was stale.
        if (readText(path) === content) rmSync(path, { force: true });
      };
      process.on("exit", release);
      return { path, tookOverStale, release };
    }
  } finally {
    rmSync(draft, { force: true });
  }
  throw new DomainError("DATABASE_LOCKED", `Could not take the lock ${path}`, { lockFile: path });
};

/**
 * Removes the lock at `path` only if it still holds `seen` (the stale lock that was judged). Renaming moves it to
 * a private name first, so of two processes that judged the same stale lock only one moves it; one that moved a
 * lock taken meanwhile (not `seen`) puts it back. Either then tries to create its own lock, and one wins.
 */
const removeIfStill = (path: string, seen: string): boolean => {
  const aside = `${path}.${INSTANCE}.stale`;
  try {
    renameSync(path, aside);
  } catch (e) {
    if (hasCode(e, "ENOENT")) return false;
    throw e;
  }
  const moved = readText(aside);
  if (moved !== seen) {
    try {
      linkSync(aside, path);
    } catch (e) {
      if (!hasCode(e, "EEXIST")) throw e;
    }
    rmSync(aside, { force: true });
    return false;
  }
  rmSync(aside, { force: true });
  return true;
};

const lockedError = (dataDir: string, path: string, holder: LockHolder | null) =>
  new DomainError(
    "DATABASE_LOCKED",
    `The data directory ${dataDir} is in use by another billcycle process` +
      (holder ? ` (pid ${holder.pid} on ${holder.host} since ${holder.since})` : "") +
      ". Stop that process first, or point this one at another directory with BILLCYCLE_DATA_DIR. " +
      "For several processes, use PostgreSQL via DATABASE_URL.",
    { lockFile: path },
  );
