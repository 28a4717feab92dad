import { openTestDatabase, type TestDatabase } from "@billcycle/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../src/database";
import { JOBS_CHANNEL } from "../src/queue/job-queue";
import { subscribeToJobs } from "../src/queue/job-wakeups";

/**
 * PostgreSQL ends connections on its own: a restart, a failover, an administrator ending sessions. Neither
 * the pool's idle connections nor the worker's LISTEN connection may take the process down when it does.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)("connections the server ends (PostgreSQL)", () => {
  let admin: TestDatabase;
  const opened: Database[] = [];

  beforeAll(async () => {
    admin = await openTestDatabase("postgres");
  });
  afterAll(async () => {
    for (const d of opened) await d.close().catch(() => undefined);
    await admin?.dispose();
  });

  /** A second pool on the test database whose sessions carry `name`, so the test can end exactly those. */
  const open = async (name: string, onConnectionError: (err: Error) => void) => {
    const url = new URL(admin.url as string);
    url.searchParams.set("application_name", name);
    const database = await openDatabase({ kind: "postgres", url: url.toString(), onConnectionError });
    opened.push(database);
    return database;
  };
  const rows = (sqlText: string) => admin.withSession((exec) => exec(sqlText));
  const terminate = async (name: string) =>
    Number(
      (
        await rows(
          `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = '${name}'`,
        )
      )[0]?.n,
    );

  it("drops an idle connection the server ended, reports it, and serves the next query on a new one", async () => {
    const errors: Error[] = [];
    const database = await open("bc_idle_loss", (e) => errors.push(e));
    await database.exec("SELECT 1");
    expect(await terminate("bc_idle_loss")).toBe(1);
    await expect.poll(() => errors.length, { timeout: 5_000 }).toBe(1);
    expect((errors[0] as Error & { code?: string }).code).toBe("57P01");
    const [row] = await database.withSession((exec) => exec("SELECT 41 + 1 AS answer"));
    expect(row?.answer).toBe(42);
  });

  it("listens again for job wakeups after the server ended the LISTEN connection", async () => {
    const errors: Error[] = [];
    const database = await open("bc_listen_loss", (e) => errors.push(e));
    let wakeups = 0;
    const unsubscribe = await subscribeToJobs(database, () => wakeups++, 50);
    await rows(`NOTIFY ${JOBS_CHANNEL}`);
    await expect.poll(() => wakeups, { timeout: 5_000 }).toBe(1);

    expect(await terminate("bc_listen_loss")).toBe(1);
    const listening = async () =>
      Number(
        (
          await rows(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'bc_listen_loss' AND query LIKE 'LISTEN%'",
          )
        )[0]?.n,
      );
    await expect.poll(listening, { timeout: 5_000 }).toBe(1);
    await rows(`NOTIFY ${JOBS_CHANNEL}`);
    await expect.poll(() => wakeups, { timeout: 5_000 }).toBe(2);
    // The checked-out connection's error was handled by the subscription, not reported as an idle one.
    expect(errors).toEqual([]);

    await unsubscribe();
    await rows(`NOTIFY ${JOBS_CHANNEL}`);
    await new Promise((r) => setTimeout(r, 200));
    expect(wakeups).toBe(2);
    await expect.poll(listening, { timeout: 5_000 }).toBe(0);
  });
});
