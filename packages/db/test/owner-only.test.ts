import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/database";
import { type Tightened, tightenOwnerOnlyFile } from "../src/owner-only";

const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe("the embedded database's data directory is owner-only", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "billcycle-modes-"));
    dirs.push(dir);
    return dir;
  };

  it("a new data directory and its pgdata are created 0700", async () => {
    const dataDir = join(tempDir(), "data");
    const changes: Tightened[] = [];
    const database = await openDatabase({ kind: "pglite", dataDir, onTightened: (c) => changes.push(...c) });
    await database.exec("CREATE TABLE t (x int)");
    await database.close();
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, "pgdata"))).toBe(0o700);
    expect(changes).toEqual([]);
  });

  it("an existing world-readable data directory and pgdata are tightened, and the caller is told", async () => {
    const dataDir = join(tempDir(), "data");
    mkdirSync(join(dataDir, "pgdata"), { recursive: true });
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, "pgdata"), 0o755);
    const changes: Tightened[] = [];
    const database = await openDatabase({ kind: "pglite", dataDir, onTightened: (c) => changes.push(...c) });
    await database.close();
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, "pgdata"))).toBe(0o700);
    expect(changes).toEqual([
      { path: dataDir, was: 0o755, now: 0o700 },
      { path: join(dataDir, "pgdata"), was: 0o755, now: 0o700 },
    ]);
  });

  it("a file readable by others is tightened to 0600; an owner-only or missing one is left alone", () => {
    const dir = tempDir();
    const file = join(dir, "secret.key");
    writeFileSync(file, "x");
    chmodSync(file, 0o644);
    expect(tightenOwnerOnlyFile(file)).toEqual({ path: file, was: 0o644, now: 0o600 });
    expect(modeOf(file)).toBe(0o600);
    expect(tightenOwnerOnlyFile(file)).toBeNull();
    expect(tightenOwnerOnlyFile(join(dir, "absent"))).toBeNull();
  });
});
