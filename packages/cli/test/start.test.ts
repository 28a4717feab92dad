import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createUser } from "@billcycle/app";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { isProduction, prepareStart, secureDataDir } from "../src/commands/start";
import { DEMO_PASSWORD, demoUsers } from "../src/demo/seed-demo";

const now = new Date("2026-05-01T09:00:00Z");
const countOf = async (database: TestDatabase, sqlText: string) =>
  Number((await database.withSession((exec) => exec(sqlText)))[0]?.n);

const root = fileURLToPath(new URL("../../..", import.meta.url));

describe("production mode", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const tempDataDir = () => {
    const parent = mkdtempSync(join(tmpdir(), "billcycle-prod-"));
    dirs.push(parent);
    return join(parent, "data");
  };

  it("is the --production flag or NODE_ENV=production", () => {
    expect(isProduction(true, {})).toBe(true);
    expect(isProduction(undefined, { NODE_ENV: "production" })).toBe(true);
    expect(isProduction(undefined, { NODE_ENV: "development" })).toBe(false);
    expect(isProduction(false, {})).toBe(false);
  });

  it("`billcycle seed --demo` refuses in production before touching any database", () => {
    const dataDir = tempDataDir();
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "packages/cli/src/main.ts", "seed", "--demo"],
      {
        cwd: root,
        env: { ...process.env, NODE_ENV: "production", BILLCYCLE_DATA_DIR: dataDir, DATABASE_URL: "" },
        encoding: "utf8",
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("refusing to load demo data in production mode");
    expect(run.stdout).not.toContain(DEMO_PASSWORD);
    expect(existsSync(dataDir)).toBe(false);
  });

  it("`billcycle start --production` on an empty data directory serves without demo data or credentials", async () => {
    const dataDir = tempDataDir();
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "packages/cli/src/main.ts", "start", "--production", "--port", "0"],
      { cwd: root, env: { ...process.env, BILLCYCLE_DATA_DIR: dataDir, DATABASE_URL: "" } },
    );
    let out = "";
    child.stderr.on("data", (d: Buffer) => {
      out += d.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        const found = out.match(/billcycle is running at (\S+)/)?.[1];
        if (found) resolve(found);
      });
      child.on("exit", (code) => reject(new Error(`start exited with ${code}: ${out}`)));
    });
    const res = await fetch(`${url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: demoUsers[0].email, password: DEMO_PASSWORD }),
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    await exited;
    expect(res.status).toBe(401);
    expect(out).toContain("production mode: no demo data");
    expect(out).not.toContain(DEMO_PASSWORD);
    expect(out).not.toContain("demo sign-in");
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, "pgdata")).mode & 0o777).toBe(0o700);
  });
});

describe.each(testBackends())("what start does to the database on %s", (backend) => {
  let database: TestDatabase;
  let lines: string[];
  const log = (msg: string) => lines.push(msg);
  beforeEach(async () => {
    database = await openTestDatabase(backend);
    lines = [];
  });
  afterEach(async () => {
    await database?.dispose();
  });

  it("in production an empty database is never seeded", async () => {
    const result = await prepareStart(
      database,
      { production: true, demo: true, allowDemoUsers: false },
      now,
      log,
    );
    expect(result).toEqual({ seeded: false });
    expect(await countOf(database, "SELECT count(*) AS n FROM practices")).toBe(0);
    expect(await countOf(database, "SELECT count(*) AS n FROM users")).toBe(0);
    expect(lines.join("\n")).not.toContain(DEMO_PASSWORD);
  });

  it("in production a demo user makes start refuse, unless --allow-demo-users", async () => {
    await createUser(database, {
      input: { email: demoUsers[1].email, name: demoUsers[1].name, password: DEMO_PASSWORD },
      memberships: [],
      now: now,
      isDemo: true,
    });
    await expect(
      prepareStart(database, { production: true, demo: false, allowDemoUsers: false }, now, log),
    ).rejects.toThrow(/refusing to start in production: the database has 1 demo user .*--allow-demo-users/);
    const allowed = await prepareStart(
      database,
      { production: true, demo: true, allowDemoUsers: true },
      now,
      log,
    );
    expect(allowed).toEqual({ seeded: false });
    expect(lines).toContain("warning: 1 demo user(s) present; started anyway (--allow-demo-users)");
  });

  it("in development an empty database gets the demo, whose users are marked as demo users", async () => {
    const result = await prepareStart(
      database,
      { production: false, demo: true, allowDemoUsers: false },
      now,
      log,
    );
    expect(result).toEqual({ seeded: true });
    const demo = await database.withSession((exec) =>
      exec("SELECT email, is_demo, platform_role FROM users ORDER BY email"),
    );
    expect(demo.map((u) => [u.email, u.is_demo, u.platform_role])).toEqual(
      [...demoUsers]
        .map((u) => [u.email, true, null])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    // Started again, the same database is left alone; in production it would now be refused.
    expect(
      await prepareStart(database, { production: false, demo: true, allowDemoUsers: false }, now, log),
    ).toEqual({ seeded: false });
    await expect(
      prepareStart(database, { production: true, demo: false, allowDemoUsers: false }, now, log),
    ).rejects.toThrow(/4 demo users/);
  });
});

describe("the data directory at start", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("a world-readable data directory, pgdata and key file are made owner-only, said in one line", () => {
    const parent = mkdtempSync(join(tmpdir(), "billcycle-start-"));
    dirs.push(parent);
    const dataDir = join(parent, "data");
    mkdirSync(join(dataDir, "pgdata"), { recursive: true });
    writeFileSync(join(dataDir, "secret.key"), "key\n");
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, "pgdata"), 0o755);
    chmodSync(join(dataDir, "secret.key"), 0o644);
    const lines: string[] = [];
    const changes = secureDataDir({ BILLCYCLE_DATA_DIR: dataDir }, (m) => lines.push(m));
    expect(changes).toHaveLength(3);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, "pgdata")).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, "secret.key")).mode & 0o777).toBe(0o600);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${dataDir} (was 0755, now 0700)`);
    expect(lines[0]).toContain(`${join(dataDir, "secret.key")} (was 0644, now 0600)`);
    // Already owner-only: nothing to say.
    expect(secureDataDir({ BILLCYCLE_DATA_DIR: dataDir }, (m) => lines.push(m))).toEqual([]);
    expect(lines).toHaveLength(1);
  });

  it("a data directory that does not exist is not created by it (PostgreSQL may not need one)", () => {
    const parent = mkdtempSync(join(tmpdir(), "billcycle-start-"));
    dirs.push(parent);
    expect(secureDataDir({ BILLCYCLE_DATA_DIR: join(parent, "absent") }, () => undefined)).toEqual([]);
    expect(() => statSync(join(parent, "absent"))).toThrow();
  });
});
