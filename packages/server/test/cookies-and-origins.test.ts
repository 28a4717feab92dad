import { createHash } from "node:crypto";
import { SESSION_IDLE_MS } from "@billcycle/app";
import { type AppDeps, createApp, jsonLogger } from "@billcycle/server";
import { testBackends } from "@billcycle/testing";
import {
  type ApiResponse,
  errorCode,
  type Harness,
  openHarness,
  PASSWORD,
  type PracticeFixture,
} from "@billcycle/testing/api-harness";
import { sqlRows } from "@billcycle/testing/db-state";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const EVIL = "http://evil.example";
const MINUTE = 60_000;

const sessionCookie = (res: { headers: Headers }): string => {
  const value = res.headers.get("set-cookie")?.match(/bc_session=([^;]+)/)?.[1];
  if (!value) throw new Error("no session cookie");
  return `bc_session=${value}`;
};

describe.each(testBackends())("session cookies, proxies and cross-site requests on %s", (backend) => {
  let h: Harness;
  let p: PracticeFixture;

  beforeAll(async () => {
    h = await openHarness(backend);
    p = await h.newPractice("Cookies");
    await h.seedRecords(p, { engine: true });
  });
  afterAll(async () => {
    await h?.dispose();
  });

  /** An app on the harness's database and clock with other settings. */
  const appWith = (settings: Partial<AppDeps>) =>
    createApp({ database: h.database, clock: h.clock, logger: jsonLogger(() => undefined), ...settings });

  const loginRequest = (headers: Record<string, string> = {}) => ({
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ email: p.users.biller.email, password: PASSWORD }),
  });

  const asJson = async (res: Response): Promise<ApiResponse> => {
    const text = await res.text();
    return { status: res.status, text, headers: res.headers, json: text ? JSON.parse(text) : {} };
  };

  describe("the Secure flag", () => {
    it("X-Forwarded-Proto is ignored unless the proxy is trusted (off by default)", async () => {
      const res = await h.app.request("/api/v1/auth/login", loginRequest({ "x-forwarded-proto": "https" }));
      expect(res.status).toBe(200);
      expect(res.headers.get("set-cookie")).not.toMatch(/;\s*Secure/i);
    });

    it("behind a trusted proxy, X-Forwarded-Proto: https makes the cookie Secure", async () => {
      const app = appWith({ trustProxy: true });
      const https = await app.request("/api/v1/auth/login", loginRequest({ "x-forwarded-proto": "https" }));
      expect(https.status).toBe(200);
      expect(https.headers.get("set-cookie")).toMatch(/;\s*Secure/i);
      const http = await app.request("/api/v1/auth/login", loginRequest({ "x-forwarded-proto": "http" }));
      expect(http.headers.get("set-cookie")).not.toMatch(/;\s*Secure/i);
    });

    it("in production the cookie is always Secure, over plain HTTP too", async () => {
      const res = await appWith({ production: true }).request("/api/v1/auth/login", loginRequest());
      expect(res.status).toBe(200);
      expect(res.headers.get("set-cookie")).toMatch(/;\s*Secure/i);
    });
  });

  describe("the idle timeout", () => {
    /** The session's last-seen time, found by the hash the database holds of the cookie's secret. */
    const lastSeen = async (cookie: string) => {
      const hash = createHash("sha256").update(cookie.split("=")[1]!).digest("hex");
      const rows = await sqlRows(
        h.database,
        `SELECT last_seen_at FROM auth_sessions WHERE token_hash = '${hash}'`,
      );
      return new Date(String(rows[0]?.last_seen_at)).toISOString();
    };

    it("a session used within 30 minutes lives on and its last use moves; 31 idle minutes end it", async () => {
      expect(SESSION_IDLE_MS).toBe(30 * MINUTE);
      h.clock.set("2026-05-04T08:00:00Z");
      const cookie = sessionCookie(
        await h.call("POST", "/api/v1/auth/login", {
          body: { email: p.users.clinician.email, password: PASSWORD },
        }),
      );
      expect(await lastSeen(cookie)).toBe("2026-05-04T08:00:00.000Z");

      h.clock.advance(29 * MINUTE);
      expect((await h.call("GET", "/api/v1/me", { cookie })).status).toBe(200);
      expect(await lastSeen(cookie)).toBe("2026-05-04T08:29:00.000Z");
      // Written at most once a minute.
      h.clock.advance(30_000);
      expect((await h.call("GET", "/api/v1/me", { cookie })).status).toBe(200);
      expect(await lastSeen(cookie)).toBe("2026-05-04T08:29:00.000Z");

      // 58 minutes after sign-in, but only 29 since the last request.
      h.clock.advance(29 * MINUTE - 30_000);
      expect((await h.call("GET", "/api/v1/me", { cookie })).status).toBe(200);

      h.clock.advance(31 * MINUTE);
      const idle = await h.call("GET", `/api/v1/practices/${p.id}/clients`, { cookie });
      expect([idle.status, errorCode(idle)]).toEqual([401, "UNAUTHENTICATED"]);
    });

    it("the idle timeout is a setting", async () => {
      h.clock.set("2026-05-05T08:00:00Z");
      const app = appWith({ sessionIdleMs: 5 * MINUTE });
      const cookie = sessionCookie(await app.request("/api/v1/auth/login", loginRequest()));
      h.clock.advance(4 * MINUTE);
      expect((await app.request("/api/v1/me", { headers: { cookie } })).status).toBe(200);
      h.clock.advance(6 * MINUTE);
      expect((await app.request("/api/v1/me", { headers: { cookie } })).status).toBe(401);
    });
  });

  describe("cross-site requests", () => {
    const locations = () => `/api/v1/practices/${p.id}/locations`;
    const newLocation = JSON.stringify({
      name: "Cross-site office",
      placeOfServiceCode: "11",
      address: { line1: "1 Evil Way", city: "Springfield", state: "IL", zip: "62701" },
    });
    let cookie: string;

    beforeAll(async () => {
      h.clock.set("2026-05-06T08:00:00Z");
      cookie = sessionCookie(
        await h.call("POST", "/api/v1/auth/login", {
          body: { email: p.users.owner.email, password: PASSWORD },
        }),
      );
    });

    const post = async (path: string, headers: Record<string, string>, body?: string, app = h.app) =>
      asJson(
        await app.request(path, {
          method: "POST",
          headers: { ...(body ? { "content-type": "application/json" } : {}), ...headers },
          body,
        }),
      );

    const countNamed = async (name: string) =>
      (
        await sqlRows(
          h.database,
          `SELECT id FROM locations WHERE practice_id = '${p.id}' AND name = '${name}'`,
        )
      ).length;

    it("a JSON POST with the session cookie from another origin is refused, and nothing is written", async () => {
      const evil = await post(locations(), { cookie, origin: EVIL }, newLocation);
      expect([evil.status, errorCode(evil)]).toEqual([403, "CROSS_SITE_REQUEST"]);
      const crossSite = await post(locations(), { cookie, "sec-fetch-site": "cross-site" }, newLocation);
      expect([crossSite.status, errorCode(crossSite)]).toEqual([403, "CROSS_SITE_REQUEST"]);
      // Neither header: browsers always send one on a POST, so this is not billcycle's page.
      const bare = await post(locations(), { cookie }, newLocation);
      expect([bare.status, errorCode(bare)]).toEqual([403, "CROSS_SITE_REQUEST"]);
      expect(await countNamed("Cross-site office")).toBe(0);
    });

    it("a body-less POST to rescrub a claim from another site is refused; from the app's page it works", async () => {
      const rescrub = `/api/v1/practices/${p.id}/claims/${p.records.claims!.id}/rescrub`;
      const evil = await post(rescrub, { cookie, origin: EVIL, "sec-fetch-site": "cross-site" });
      expect([evil.status, errorCode(evil)]).toEqual([403, "CROSS_SITE_REQUEST"]);
      const own = await post(rescrub, {
        cookie,
        origin: "http://localhost",
        "sec-fetch-site": "same-origin",
      });
      expect(own.status).toBe(200);
    });

    it("a Bearer token is not judged by origin", async () => {
      const rescrub = `/api/v1/practices/${p.id}/claims/${p.records.claims!.id}/rescrub`;
      const res = await post(rescrub, { authorization: `Bearer ${p.users.owner.token}`, origin: EVIL });
      expect(res.status).toBe(200);
    });

    it("the app's own origin is accepted: the request's, a trusted proxy's, or the configured public URL", async () => {
      const own = await post(locations(), { cookie, origin: "http://localhost" }, newLocation);
      expect(own.status).toBe(201);
      const publicUrl = "https://billing.example.org";
      const proxied = await post(
        locations(),
        {
          cookie,
          origin: publicUrl,
          "x-forwarded-proto": "https",
          "x-forwarded-host": "billing.example.org",
        },
        newLocation.replace("Cross-site office", "Proxied office"),
        appWith({ trustProxy: true }),
      );
      expect(proxied.status).toBe(201);
      // Without trusting the proxy, the forwarded host is no proof.
      const untrusted = await post(
        locations(),
        {
          cookie,
          origin: publicUrl,
          "x-forwarded-proto": "https",
          "x-forwarded-host": "billing.example.org",
        },
        newLocation,
      );
      expect([untrusted.status, errorCode(untrusted)]).toEqual([403, "CROSS_SITE_REQUEST"]);
      const configured = await post(
        locations(),
        { cookie, origin: publicUrl },
        newLocation.replace("Cross-site office", "Public URL office"),
        appWith({ publicUrl }),
      );
      expect(configured.status).toBe(201);
    });

    it("reads are not refused: a cross-site GET cannot change anything", async () => {
      const res = await h.app.request(locations(), { headers: { cookie, origin: EVIL } });
      expect(res.status).toBe(200);
    });

    it("signing in from another site is refused (login CSRF); a program without those headers may sign in", async () => {
      const evil = await asJson(await h.app.request("/api/v1/auth/login", loginRequest({ origin: EVIL })));
      expect([evil.status, errorCode(evil)]).toEqual([403, "CROSS_SITE_REQUEST"]);
      expect(evil.headers.get("set-cookie")).toBeNull();
      const crossSite = await h.app.request(
        "/api/v1/auth/login",
        loginRequest({ "sec-fetch-site": "cross-site" }),
      );
      expect(crossSite.status).toBe(403);
      const page = await h.app.request(
        "/api/v1/auth/login",
        loginRequest({ "sec-fetch-site": "same-origin" }),
      );
      expect(page.status).toBe(200);
      const program = await h.app.request("/api/v1/auth/login", loginRequest());
      expect(program.status).toBe(200);
    });
  });
});
