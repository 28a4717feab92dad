import { request } from "node:http";
import { loginThrottlePolicy } from "@billcycle/core";
import { type RunningServer, startServer } from "@billcycle/server";
import { testBackends } from "@billcycle/testing";
import {
  type ApiResponse,
  errorCode,
  type Harness,
  openHarness,
  PASSWORD,
} from "@billcycle/testing/api-harness";
import { sqlRows } from "@billcycle/testing/db-state";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const deviceCookie = (res: ApiResponse): string => {
  const value = (res.headers.get("set-cookie") ?? "").match(/bc_device=([^;]+)/)?.[1];
  if (!value) throw new Error("no device cookie");
  return `bc_device=${value}`;
};

const retryAfter = (res: ApiResponse): number => Number(res.headers.get("retry-after"));

describe.each(testBackends())("sign-in throttling on %s", (backend) => {
  let h: Harness;

  beforeAll(async () => {
    h = await openHarness(backend);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const login = (email: string, password: string, remoteAddress: string, cookie?: string) =>
    h.call("POST", "/api/v1/auth/login", { body: { email, password }, remoteAddress, cookie });

  const throttleAudit = (where: string) =>
    sqlRows(
      h.database,
      `SELECT user_id, details FROM audit_log WHERE action = 'login_throttled' AND ${where} ORDER BY id`,
    );

  it("one address trying 40 different emails is slowed after 10 failures, audited; other addresses are not", async () => {
    h.clock.set("2026-05-01T09:00:00Z");
    const p = await h.newPractice("Spray");
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await login(`sprayed-${i}@example.com`, "Winter2026!spray", "198.51.100.7");
      statuses.push(res.status);
      if (res.status === 429) {
        expect(errorCode(res)).toBe("RATE_LIMITED");
        expect(retryAfter(res)).toBeGreaterThan(0);
      }
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(30).fill(429));
    // The right password from that address is refused too while its backoff runs: no password is checked.
    expect((await login(p.users.owner.email, PASSWORD, "198.51.100.7")).status).toBe(429);
    // Another client is not slowed by it.
    expect((await login(p.users.biller.email, PASSWORD, "198.51.100.8")).status).toBe(200);
    // Without a trusted proxy, X-Forwarded-For is the client's own claim: rotating it does not escape.
    const spoofed = await h.call("POST", "/api/v1/auth/login", {
      body: { email: "sprayed-41@example.com", password: "Winter2026!spray" },
      remoteAddress: "198.51.100.7",
      headers: { "x-forwarded-for": "203.0.113.200" },
    });
    expect(spoofed.status).toBe(429);

    const audited = await throttleAudit(`at = '2026-05-01T09:00:00Z'`);
    expect(audited).toHaveLength(32);
    expect(audited.every((r) => (r.details as { reason: string }).reason === "address")).toBe(true);
    expect(JSON.stringify(audited)).not.toContain("sprayed");
  });

  it("an address's backoff doubles with each failure after the free ones", async () => {
    h.clock.set("2026-05-02T09:00:00Z");
    const address = "198.51.100.20";
    for (let i = 0; i < loginThrottlePolicy.address.freeFailures; i++) {
      expect((await login(`grow-${i}@example.com`, "not the password", address)).status).toBe(401);
    }
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const refused = await login(`grow-x${i}@example.com`, "not the password", address);
      expect(refused.status).toBe(429);
      waits.push(retryAfter(refused));
      h.clock.advance(retryAfter(refused) * 1000);
      expect((await login(`grow-y${i}@example.com`, "not the password", address)).status).toBe(401);
    }
    expect(waits).toEqual([2, 4, 8, 16]);
  });

  it("an attacker failing 100 times on an account cannot lock its user out", async () => {
    h.clock.set("2026-05-03T09:00:00Z");
    const p = await h.newPractice("Victim");
    const alice = p.users.biller;
    // Alice signed in at home once: her browser is now a known device of her account.
    const home = await login(alice.email, PASSWORD, "203.0.113.5");
    expect(home.status).toBe(200);
    const device = deviceCookie(home);

    // 100 guesses from 100 addresses (so no address counter helps), one a second.
    let failed = 0;
    for (let i = 1; i <= 100; i++) {
      h.clock.advance(1000);
      const res = await login(alice.email, `guess ${i} for alice`, `192.0.2.${i}`);
      expect([401, 429]).toContain(res.status);
      if (res.status === 401) failed++;
    }
    expect(failed).toBeGreaterThanOrEqual(loginThrottlePolicy.account.freeFailures);
    expect(failed).toBeLessThan(15);

    // From her known device the right password works at once.
    const fromHome = await login(alice.email, PASSWORD, "203.0.113.5", device);
    expect(fromHome.status).toBe(200);

    // From a new laptop she waits a short backoff (never more than the cap), then gets in.
    const laptop = await login(alice.email, PASSWORD, "203.0.113.9");
    expect([laptop.status, errorCode(laptop)]).toEqual([429, "RATE_LIMITED"]);
    expect(retryAfter(laptop)).toBeLessThanOrEqual(loginThrottlePolicy.account.maxDelaySeconds);
    h.clock.advance(retryAfter(laptop) * 1000);
    expect((await login(alice.email, PASSWORD, "203.0.113.9")).status).toBe(200);

    const audited = await throttleAudit(`user_id = '${alice.id}'`);
    expect(audited.length).toBe(100 - failed + 1);
    expect(new Set(audited.map((r) => (r.details as { reason: string }).reason))).toEqual(
      new Set(["account"]),
    );
  });

  it("a device cookie of another account, or a made-up one, does not skip the account's backoff", async () => {
    h.clock.set("2026-05-04T09:00:00Z");
    const p = await h.newPractice("Borrowed");
    const other = deviceCookie(await login(p.users.owner.email, PASSWORD, "203.0.113.30"));
    const victim = p.users.clinician.email;
    for (let i = 0; i < loginThrottlePolicy.account.freeFailures; i++) {
      expect((await login(victim, `guess ${i}`, `192.0.2.${200 + i}`)).status).toBe(401);
    }
    expect((await login(victim, PASSWORD, "203.0.113.30", other)).status).toBe(429);
    expect((await login(victim, PASSWORD, "203.0.113.31", "bc_device=bcd_madeup")).status).toBe(429);
  });
});

describe("the client address is the socket's unless a proxy is trusted", () => {
  const servers: RunningServer[] = [];
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness("pglite");
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    await h?.dispose();
  });

  /** A real HTTP request whose socket comes from `localAddress` (any 127.x address is the loopback on Linux). */
  const post = (url: string, localAddress: string, forwardedFor: string) =>
    new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({
        email: `nobody-${forwardedFor}@example.com`,
        password: "not the password",
      });
      const req = request(
        `${url}/api/v1/auth/login`,
        {
          method: "POST",
          localAddress,
          headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.end(body);
    });

  const serve = async (trustProxy: boolean) => {
    const server = await startServer(
      { database: h.database, clock: h.clock, logger: { info: () => {}, error: () => {} }, trustProxy },
      { port: 0, host: "127.0.0.1" },
    );
    servers.push(server);
    return server.url;
  };

  it("untrusted: a client rotating X-Forwarded-For is still one address; another socket address is not slowed", async () => {
    h.clock.set("2026-06-01T09:00:00Z");
    const url = await serve(false);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push(await post(url, "127.0.0.2", `203.0.113.${i}`));
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    expect(await post(url, "127.0.0.3", "203.0.113.99")).toBe(401);
  });

  it("trusted: the proxy's X-Forwarded-For names the client", async () => {
    h.clock.set("2026-06-02T09:00:00Z");
    const url = await serve(true);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push(await post(url, "127.0.0.4", `198.51.100.${i}`));
    expect(statuses).toEqual(Array(12).fill(401));
  });
});
