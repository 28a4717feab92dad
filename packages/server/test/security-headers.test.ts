import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type AppDeps,
  createApp,
  jsonLogger,
  REACT_ARIA_PRESSABLE_STYLE,
  STRIPE_JS_URL,
  stripeJsUrlFromEnv,
} from "@billcycle/server";
import { testBackends } from "@billcycle/testing";
import { type Harness, openHarness, type PracticeFixture } from "@billcycle/testing/api-harness";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** The CSP as directive → sources. */
const csp = (res: Response): Record<string, string[]> =>
  Object.fromEntries(
    (res.headers.get("content-security-policy") ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources]),
  );

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

describe.each(testBackends())("security headers on %s", (backend) => {
  let h: Harness;
  let p: PracticeFixture;
  let webRoot: string;

  beforeAll(async () => {
    h = await openHarness(backend);
    p = await h.newPractice("Headers");
    await h.seedRecords(p);
    // A built web app as Vite lays it out: index.html that loads /assets/*.js and *.css.
    webRoot = mkdtempSync(join(tmpdir(), "billcycle-web-"));
    mkdirSync(join(webRoot, "assets"));
    writeFileSync(
      join(webRoot, "index.html"),
      '<!doctype html><html><head><script type="module" src="/assets/index.js"></script></head><body><div id="root"></div></body></html>',
    );
    writeFileSync(join(webRoot, "assets", "index.js"), "console.log('app')");
  });
  afterAll(async () => {
    await h?.dispose();
    rmSync(webRoot, { recursive: true, force: true });
  });

  const appWith = (settings: Partial<AppDeps>) =>
    createApp({ database: h.database, clock: h.clock, logger: jsonLogger(() => undefined), ...settings });

  const expectCommon = (res: Response) => {
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(csp(res)["frame-ancestors"]).toEqual(["'none'"]);
  };

  it("API answers: nosniff, no framing, no referrer, a policy that runs nothing, and no-store", async () => {
    const base = `/api/v1/practices/${p.id}`;
    const token = p.users.owner.token;
    const answers = [
      await h.app.request(`${base}/clients`, { headers: { authorization: `Bearer ${token}` } }),
      await h.app.request(`${base}/clients/${p.records.clients!.id}`, {
        headers: { authorization: `Bearer ${token}` },
      }),
      await h.app.request(`${base}/clients`), // 401
      await h.app.request(`${base}/no-such-thing`, { headers: { authorization: `Bearer ${token}` } }), // 404
      await h.app.request("/api/v1/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "x".repeat(100_000) }),
      }), // 413
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 401, 404, 413]);
    for (const res of answers) {
      expectCommon(res);
      expect(csp(res)["default-src"]).toEqual(["'none'"]);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("strict-transport-security")).toBeNull();
    }
    const openapi = await h.app.request("/openapi.json");
    expectCommon(openapi);
    expect(csp(openapi)["default-src"]).toEqual(["'none'"]);
  });

  it("HSTS only when the request came over HTTPS, which a proxy may say only when trusted", async () => {
    const https = { headers: { "x-forwarded-proto": "https" } };
    const untrusted = await h.app.request("/healthz", https);
    expect(untrusted.headers.get("strict-transport-security")).toBeNull();
    const trusted = await appWith({ trustProxy: true }).request("/healthz", https);
    expect(trusted.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expectCommon(trusted);
    const direct = await h.app.request("https://billing.example.org/healthz");
    expect(direct.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("the web app: scripts, styles and fetches from its own origin and Stripe.js's, nothing inline", async () => {
    const app = appWith({ webRoot });
    for (const path of ["/", "/p/some-practice/invoices", "/assets/index.js"]) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expectCommon(res);
      const policy = csp(res);
      expect(policy["default-src"]).toEqual(["'self'"]);
      expect(policy["script-src"]).toEqual(["'self'", "https://js.stripe.com"]);
      expect(policy["style-src"]).toEqual(["'self'", sha256(REACT_ARIA_PRESSABLE_STYLE)]);
      expect(policy["connect-src"]).toEqual(["'self'", "https://api.stripe.com"]);
      expect(policy["frame-src"]).toEqual(["https://js.stripe.com", "https://hooks.stripe.com"]);
      expect(policy["object-src"]).toEqual(["'none'"]);
      expect(policy["base-uri"]).toEqual(["'none'"]);
    }
  });

  it("the web app with the Stripe fake's Stripe.js: its origin, and nothing of Stripe's", async () => {
    const policy = csp(await appWith({ webRoot, stripeJsUrl: "http://127.0.0.1:12111/v3" }).request("/"));
    expect(policy["script-src"]).toEqual(["'self'", "http://127.0.0.1:12111"]);
    expect(policy["connect-src"]).toEqual(["'self'", "http://127.0.0.1:12111"]);
    expect(policy["frame-src"]).toEqual(["http://127.0.0.1:12111"]);
  });

  it("BILLCYCLE_STRIPE_JS_URL: Stripe's by default, another only outside production", () => {
    expect(stripeJsUrlFromEnv(undefined, false)).toBe(STRIPE_JS_URL);
    expect(stripeJsUrlFromEnv("http://127.0.0.1:12111/v3", false)).toBe("http://127.0.0.1:12111/v3");
    expect(() => stripeJsUrlFromEnv("http://127.0.0.1:12111/v3", true)).toThrow(/Stripe's own/);
    expect(() => stripeJsUrlFromEnv("javascript:alert(1)", false)).toThrow(/http\(s\) address/);
    expect(stripeJsUrlFromEnv(STRIPE_JS_URL, true)).toBe(STRIPE_JS_URL);
  });

  it("the one inline style the web app adds (React Aria's) is the one the policy allows", () => {
    // Read from the installed react-aria: an upgrade that changes the style fails here, not in a browser.
    const source = readFileSync(
      fileURLToPath(
        new URL("../../../node_modules/react-aria/dist/private/interactions/usePress.mjs", import.meta.url),
      ),
      "utf8",
    );
    const attribute = source.match(/PRESSABLE_ATTRIBUTE = '([^']+)'/)?.[1];
    const template = source.match(/style\.textContent = `([\s\S]*?)`\.trim\(\)/)?.[1];
    expect(attribute).toBeDefined();
    expect(template?.replace(/\$\{[^}]*PRESSABLE_ATTRIBUTE\}/, attribute ?? "").trim()).toBe(
      REACT_ARIA_PRESSABLE_STYLE,
    );
  });

  it("the /docs page: its own inline script and style by hash, nothing else inline", async () => {
    const res = await h.app.request("/docs");
    const html = await res.text();
    expectCommon(res);
    const policy = csp(res);
    const script = html.match(/<script>([\s\S]*?)<\/script>/)?.[1] ?? "";
    const style = html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? "";
    expect(policy["script-src"]).toEqual([sha256(script)]);
    expect(policy["style-src"]).toEqual([sha256(style)]);
    expect(policy["connect-src"]).toEqual(["'self'"]);
    expect(policy["default-src"]).toEqual(["'none'"]);
  });
});
