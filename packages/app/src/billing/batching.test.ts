import type { Database } from "@billcycle/db";
import { describe, expect, it } from "vitest";
import {
  adaptiveBatchSizer,
  batchSizer,
  beginRequest,
  letRequestsIn,
  nextBatchSize,
  PGLITE_MIN_BATCH,
  PGLITE_NIGHTLY_BATCH,
} from "./batching";

const pglite = { kind: "pglite" } as Database;
const postgres = { kind: "postgres" } as Database;

/** Whether `promise` settles within `ms`. */
const settlesWithin = (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe("letRequestsIn", () => {
  it("on PGlite waits, after its pause, until no API request is in flight", async () => {
    const end = beginRequest();
    const next = letRequestsIn(pglite, 1);
    expect(await settlesWithin(next, 100)).toBe(false);
    end();
    expect(await settlesWithin(next, 50)).toBe(true);
  });

  it("counts every request in flight, and ending one twice counts once", async () => {
    const first = beginRequest();
    const second = beginRequest();
    const next = letRequestsIn(pglite, 1);
    first();
    first();
    expect(await settlesWithin(next, 60)).toBe(false);
    second();
    expect(await settlesWithin(next, 50)).toBe(true);
  });

  it("stops waiting after 2 s, so a stream of requests cannot stop a run", async () => {
    const end = beginRequest();
    const t = performance.now();
    await letRequestsIn(pglite, 1);
    end();
    expect(performance.now() - t).toBeGreaterThanOrEqual(1900);
  });

  it("on PostgreSQL only yields (the API has its own connections)", async () => {
    const end = beginRequest();
    expect(await settlesWithin(letRequestsIn(postgres, 1000), 50)).toBe(true);
    end();
  });
});

describe("nextBatchSize", () => {
  it("shrinks in proportion when a batch held the session longer than the target", () => {
    expect(nextBatchSize(50, 160, 50, 120)).toBe(37);
    expect(nextBatchSize(40, 130, 50, 120)).toBe(36);
    expect(nextBatchSize(50, 600, 50, 120, 10)).toBe(10);
  });

  it("always shrinks by at least one, and never below the smallest batch", () => {
    expect(nextBatchSize(50, 121, 50, 120)).toBe(49);
    expect(nextBatchSize(50, 600, 50, 120)).toBe(PGLITE_MIN_BATCH);
    expect(nextBatchSize(PGLITE_MIN_BATCH, 5000, 50, 120)).toBe(PGLITE_MIN_BATCH);
  });

  it("grows back by a quarter when a batch took under half the target, up to the largest", () => {
    expect(nextBatchSize(10, 20, 50, 120)).toBe(13);
    expect(nextBatchSize(45, 20, 50, 120)).toBe(50);
    expect(nextBatchSize(50, 1, 50, 120)).toBe(50);
  });

  it("keeps the size between half the target and the target", () => {
    expect(nextBatchSize(30, 60, 50, 120)).toBe(30);
    expect(nextBatchSize(30, 120, 50, 120)).toBe(30);
  });
});

describe("batchSizer", () => {
  it("on PGlite adapts from the usual batch to each transaction's time", () => {
    const sizer = batchSizer(pglite);
    expect(sizer.size).toBe(PGLITE_NIGHTLY_BATCH);
    sizer.record(150);
    expect(sizer.size).toBe(40);
    sizer.record(480);
    expect(sizer.size).toBe(PGLITE_MIN_BATCH);
    sizer.record(10);
    expect(sizer.size).toBe(32);
  });

  it("keeps a chosen size, and PostgreSQL's, whatever the time", () => {
    const chosen = batchSizer(pglite, 7);
    chosen.record(5000);
    expect(chosen.size).toBe(7);
    const postgresSizer = batchSizer(postgres);
    postgresSizer.record(5000);
    expect(postgresSizer.size).toBe(1000);
  });

  it("uses a sizer it is given", () => {
    const given = adaptiveBatchSizer(20, 40, 100);
    expect(batchSizer(postgres, given)).toBe(given);
  });
});
