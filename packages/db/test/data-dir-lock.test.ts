import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openTestDatabase } from "@billcycle/testing";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { acquireDataDirLock } from "../src/data-dir-lock";
import { type Database, openDatabase, pgliteExtensions } from "../src/database";

const script = fileURLToPath(new URL("./fixtures/open-data-dir.ts", import.meta.url));

type ChildResult = {
  code: number | null;
  signal: string | null;
  out: Record<string, unknown>;
  stderr: string;
};

/** Runs the fixture in a second Node process, as a second billcycle would be. */
const inAnotherProcess = (mode: "open" | "crash", dataDir: string): Promise<ChildResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, mode, dataDir], {
      cwd: fileURLToPath(new URL("../../..", import.meta.url)),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const line = stdout.trim().split("\n").at(-1) ?? "";
      let out: Record<string, unknown> = {};
      try {
        out = JSON.parse(line) as Record<string, unknown>;
      } catch {
        out = { unparsed: stdout };
      }
      resolve({ code, signal, out, stderr });
    });
  });

/** A second process that takes the lock and keeps it; `result` is its first line ({ locked } or the refusal). */
const holdInAnotherProcess = (dataDir: string) => {
  const child = spawn(process.execPath, ["--import", "tsx", script, "hold", dataDir], {
    cwd: fileURLToPath(new URL("../../..", import.meta.url)),
    stdio: ["ignore", "pipe", "inherit"],
  });
  const closed = new Promise<void>((resolve) => child.on("close", () => resolve()));
  const result = new Promise<Record<string, unknown>>((resolve, reject) => {
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      const newline = stdout.indexOf("\n");
      if (newline >= 0) resolve(JSON.parse(stdout.slice(0, newline)) as Record<string, unknown>);
    });
    child.on("error", reject);
    child.on("close", (code) => reject(new Error(`hold exited with ${code} before answering: ${stdout}`)));
  });
  return { child, result, closed };
};

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "billcycle-lock-"));
  dirs.push(dir);
  return dir;
};

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * A data directory holding the migrated test database: loading the dump takes ~1 s where an initdb takes ~7.
 * The directory is then used only through openDatabase, as billcycle uses it.
 */
const preparedDataDir = async (): Promise<string> => {
  const dir = tempDir();
  const template = await openTestDatabase("pglite");
  const dump = await template.native.pglite!.dumpDataDir("none");
  await template.dispose();
  const loader = await PGlite.create(join(dir, "pgdata"), {
    loadDataDir: dump,
    extensions: pgliteExtensions,
  });
  await loader.close();
  return dir;
};

describe("the embedded data directory lock", () => {
  /** Shared by the first two tests so the directory is prepared once. */
  let dataDir: string;

  it("a second process cannot open a directory this one has open, and can once it is closed", async () => {
    dataDir = await preparedDataDir();
    const first: Database = await openDatabase({ kind: "pglite", dataDir });
    try {
      expect(first.dataDirLock).toEqual({ tookOverStale: false });
      await first.exec("CREATE TABLE marker (v int); INSERT INTO marker VALUES (42)");
      const refused = await inAnotherProcess("open", dataDir);
      expect(refused.code).toBe(3);
      expect(refused.out).toMatchObject({ ok: false, code: "DATABASE_LOCKED" });
      expect(String(refused.out.message)).toContain("in use");
      expect(String(refused.out.message)).toContain(`pid ${process.pid}`);
      // The refused process must not have removed our lock on its way out.
      const lock = JSON.parse(readFileSync(join(dataDir, "billcycle.lock"), "utf8")) as { pid: number };
      expect(lock.pid).toBe(process.pid);
      // Nor may this process open it twice.
      await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toMatchObject({
        code: "DATABASE_LOCKED",
      });
    } finally {
      await first.close();
    }
    expect(existsSync(join(dataDir, "billcycle.lock"))).toBe(false);
    const second = await inAnotherProcess("open", dataDir);
    expect(second).toMatchObject({ code: 0, out: { ok: true } });

    // The data written by the first process survived both.
    const again = await openDatabase({ kind: "pglite", dataDir });
    try {
      const rows = await again.withSession((exec) => exec("SELECT v FROM marker"));
      expect(rows).toEqual([{ v: 42 }]);
    } finally {
      await again.close();
    }
  });

  it("a lock left by a process that died is taken over", async () => {
    dataDir ??= await preparedDataDir();
    const crashed = await inAnotherProcess("crash", dataDir);
    expect(crashed.signal).toBe("SIGKILL");
    const stale = JSON.parse(readFileSync(join(dataDir, "billcycle.lock"), "utf8")) as {
      pid: number;
      host: string;
    };
    expect(stale.pid).not.toBe(process.pid);
    expect(stale.host).toBe(hostname());

    const database = await openDatabase({ kind: "pglite", dataDir });
    try {
      const lock = JSON.parse(readFileSync(join(dataDir, "billcycle.lock"), "utf8")) as { pid: number };
      expect(lock.pid).toBe(process.pid);
      // What recovery reads: the previous holder died with the directory open.
      expect(database.dataDirLock).toEqual({ tookOverStale: true });
      await database.exec("SELECT 1");
    } finally {
      await database.close();
    }
  });

  it("a lock held by another host is respected", () => {
    const dataDir = tempDir();
    const path = join(dataDir, "billcycle.lock");
    writeFileSync(
      path,
      JSON.stringify({ pid: 999_999_999, host: `not-${hostname()}`, since: "2026-01-01T00:00:00Z" }),
    );
    expect(() => acquireDataDirLock(dataDir)).toThrow(
      /in use by another billcycle process \(pid 999999999 on not-/,
    );
    expect(JSON.parse(readFileSync(path, "utf8"))).toMatchObject({ pid: 999_999_999 });
  });

  /** Takes the lock over `stale` (the lock file's text) and says what it logged. */
  const takeOver = (stale: string) => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, "billcycle.lock"), stale);
    const lines: string[] = [];
    const lock = acquireDataDirLock(dataDir, (line) => lines.push(line));
    const held = JSON.parse(readFileSync(lock.path, "utf8")) as Record<string, unknown>;
    lock.release();
    return { lock, held, lines };
  };

  it("a lock holding this process's own pid, left by an earlier incarnation (pid 1 in a container), is stale", () => {
    const { lock, held, lines } = takeOver(
      JSON.stringify({
        pid: process.pid,
        host: hostname(),
        since: "2026-01-01T00:00:00Z",
        instance: "earlier",
      }),
    );
    expect(lock.tookOverStale).toBe(true);
    expect(held).toMatchObject({ pid: process.pid, host: hostname() });
    expect(held.instance).not.toBe("earlier");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("own-pid");
  });

  it.each([
    ["empty", ""],
    ["corrupt JSON", '{"pid": 12'],
    ["not a lock", "garbage"],
  ])("an %s lock file is stale: taken over with one log line", (_, text) => {
    const { lock, held, lines } = takeOver(text);
    expect(lock.tookOverStale).toBe(true);
    expect(held).toMatchObject({ pid: process.pid });
    expect(lines).toEqual([expect.stringContaining("unreadable")]);
  });

  const linux = existsSync("/proc/sys/kernel/random/boot_id") && existsSync(`/proc/${process.pid}/stat`);

  it.runIf(linux)("a lock from another boot is stale even if its pid is running now", () => {
    const { lock, lines } = takeOver(
      JSON.stringify({ pid: process.ppid, host: hostname(), since: "2026-01-01", bootId: "an-earlier-boot" }),
    );
    expect(lock.tookOverStale).toBe(true);
    expect(lines[0]).toContain("other-boot");
  });

  it.runIf(linux)("a lock whose pid now belongs to a process started at another time is stale", () => {
    const { lock, lines } = takeOver(
      JSON.stringify({ pid: process.ppid, host: hostname(), since: "2026-01-01", startTime: "1" }),
    );
    expect(lock.tookOverStale).toBe(true);
    expect(lines[0]).toContain("pid-reused");
  });

  it("a lock held by another running process is refused, and taken once that process is gone", async () => {
    const dataDir = tempDir();
    const holder = holdInAnotherProcess(dataDir);
    try {
      expect(await holder.result).toMatchObject({ locked: true });
      expect(() => acquireDataDirLock(dataDir)).toThrow(expect.objectContaining({ code: "DATABASE_LOCKED" }));
      expect(() => acquireDataDirLock(dataDir)).toThrow(new RegExp(`pid ${holder.child.pid}`));
    } finally {
      holder.child.kill("SIGKILL");
      await holder.closed;
    }
    const lines: string[] = [];
    const lock = acquireDataDirLock(dataDir, (line) => lines.push(line));
    expect(lock.tookOverStale).toBe(true);
    expect(lines[0]).toContain("dead");
    lock.release();
  });

  it("of several processes that find the same stale lock at once, exactly one takes it", async () => {
    const dataDir = tempDir();
    writeFileSync(
      join(dataDir, "billcycle.lock"),
      JSON.stringify({ pid: 999_999_999, host: hostname(), since: "2026-01-01T00:00:00Z" }),
    );
    const holders = Array.from({ length: 4 }, () => holdInAnotherProcess(dataDir));
    try {
      const results = await Promise.all(holders.map((h) => h.result));
      expect(results.filter((r) => r.locked === true)).toHaveLength(1);
      expect(results.filter((r) => r.locked === false && r.code === "DATABASE_LOCKED")).toHaveLength(3);
      const winner = holders[results.findIndex((r) => r.locked === true)]!;
      expect(JSON.parse(readFileSync(join(dataDir, "billcycle.lock"), "utf8"))).toMatchObject({
        pid: winner.child.pid,
      });
    } finally {
      for (const h of holders) h.child.kill("SIGKILL");
      await Promise.all(holders.map((h) => h.closed));
    }
  });

  it("release removes the lock once, and the lock can be taken again", () => {
    const dataDir = tempDir();
    const lock = acquireDataDirLock(dataDir);
    expect(existsSync(lock.path)).toBe(true);
    lock.release();
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    const again = acquireDataDirLock(dataDir);
    expect(() => acquireDataDirLock(dataDir)).toThrow(expect.objectContaining({ code: "DATABASE_LOCKED" }));
    again.release();
  });
});
