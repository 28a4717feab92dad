import type { Database } from "@billcycle/db";
import { describe, expect, it } from "vitest";
import { beginRequest, letRequestsIn } from "./batching";

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
