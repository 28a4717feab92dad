import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { acquireDataDirLock } from "../src/data-dir-lock";
import { type Database, openDatabase } from "../src/database";
import { openTestDatabase } from "../src/testing/test-database";

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
  const loader = await PGlite.create(join(dir, "pgdata"), { loadDataDir: dump });
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
      await database.exec("SELECT 1");
    } finally {
      await database.close();
    }
  });

  it("a lock held by another host, or one that cannot be read, is respected", () => {
    const dataDir = tempDir();
    const path = join(dataDir, "billcycle.lock");
    writeFileSync(
      path,
      JSON.stringify({ pid: 999_999_999, host: `not-${hostname()}`, since: "2026-01-01T00:00:00Z" }),
    );
    expect(() => acquireDataDirLock(dataDir)).toThrow(
      /in use by another billcycle process \(pid 999999999 on not-/,
    );
    writeFileSync(path, "garbage");
    expect(() => acquireDataDirLock(dataDir)).toThrow(expect.objectContaining({ code: "DATABASE_LOCKED" }));
    expect(readFileSync(path, "utf8")).toBe("garbage");
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
