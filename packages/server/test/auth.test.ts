import { LOGIN_WINDOW_MS, SESSION_TTL_MS } from "@billcycle/app";
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

const sessionCookie = (res: ApiResponse): string => {
  const header = res.headers.get("set-cookie") ?? "";
  const value = header.match(/bc_session=([^;]+)/)?.[1];
  if (!value) throw new Error(`no session cookie in "${header}"`);
  return `bc_session=${value}`;
};

describe.each(testBackends())("sign-in and API tokens on %s", (backend) => {
  let h: Harness;

  beforeAll(async () => {
    h = await openHarness(backend);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  /** Each test signs in as users of its own practice, so failure counts never leak between tests. */
  const fresh = (label: string): Promise<PracticeFixture> => h.newPractice(label);
  const login = (email: string, password: string) =>
    h.call("POST", "/api/v1/auth/login", { body: { email, password } });

  it("the right password signs in with an HttpOnly session cookie that then works", async () => {
    const p = await fresh("Login");
    const user = p.users.biller;
    const res = await login(user.email, PASSWORD);
    expect(res.status).toBe(200);
    expect(res.json.user).toMatchObject({ id: user.id, email: user.email });
    expect(res.json.memberships).toEqual([{ practiceId: p.id, practiceName: p.name, role: "biller" }]);
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = sessionCookie(res);

    const me = await h.call("GET", "/api/v1/me", { cookie });
    expect(me.status).toBe(200);
    expect((me.json.user as { id: string }).id).toBe(user.id);
    const clients = await h.call("GET", `/api/v1/practices/${p.id}/clients`, { cookie });
    expect(clients.status).toBe(200);

    // The database holds only a hash of the session secret.
    const secret = cookie.split("=")[1]!;
    const stored = await sqlRows(
      h.database,
      `SELECT token_hash FROM auth_sessions WHERE user_id = '${user.id}'`,
    );
    expect(stored).toHaveLength(1);
    expect(String(stored[0]?.token_hash)).not.toContain(secret);
  });

  it("email is matched case-insensitively and surrounding spaces are ignored", async () => {
    const p = await fresh("Case");
    const res = await login(`  ${p.users.owner.email.toUpperCase()} `, PASSWORD);
    expect(res.status).toBe(200);
  });

  it("a wrong password or an unknown email is 401, with the same message, and is audited", async () => {
    const p = await fresh("Wrong");
    const wrong = await login(p.users.owner.email, "not the password");
    const unknown = await login(`nobody-${p.id}@example.com`, PASSWORD);
    expect([wrong.status, errorCode(wrong)]).toEqual([401, "UNAUTHENTICATED"]);
    expect([unknown.status, errorCode(unknown)]).toEqual([401, "UNAUTHENTICATED"]);
    expect((wrong.json.error as { message: string }).message).toBe(
      (unknown.json.error as { message: string }).message,
    );
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const audit = await sqlRows(
      h.database,
      `SELECT action FROM audit_log WHERE user_id = '${p.users.owner.id}' AND action LIKE 'login%' ORDER BY id`,
    );
    expect(audit.map((r) => r.action)).toEqual(["login_failed"]);
  });

  it("failures spread over more than 15 minutes do not lock anyone out", async () => {
    const p = await fresh("Spread");
    const email = p.users.owner.email;
    h.clock.set("2026-04-02T09:00:00Z");
    for (let i = 0; i < 4; i++) expect((await login(email, "wrong password")).status).toBe(401);
    h.clock.advance(LOGIN_WINDOW_MS + 1000);
    for (let i = 0; i < 4; i++) expect((await login(email, "wrong password")).status).toBe(401);
    expect((await login(email, PASSWORD)).status).toBe(200);
  });

  it("a session ends at sign-out and when it expires", async () => {
    const p = await fresh("Session");
    h.clock.set("2026-04-03T09:00:00Z");
    const cookie = sessionCookie(await login(p.users.owner.email, PASSWORD));
    const out = await h.call("POST", "/api/v1/auth/logout", { cookie });
    expect(out.status).toBe(204);
    expect((await h.call("GET", "/api/v1/me", { cookie })).status).toBe(401);

    const second = sessionCookie(await login(p.users.owner.email, PASSWORD));
    // In use every 20 minutes (never idle long enough to end), until the absolute expiry ends it anyway.
    for (let used = 0; used + 20 * 60_000 < SESSION_TTL_MS; used += 20 * 60_000) {
      h.clock.advance(20 * 60_000);
      expect((await h.call("GET", "/api/v1/me", { cookie: second })).status).toBe(200);
    }
    h.clock.set(new Date(Date.parse("2026-04-03T09:00:00Z") + SESSION_TTL_MS - 1000));
    expect((await h.call("GET", "/api/v1/me", { cookie: second })).status).toBe(200);
    h.clock.advance(2000);
    const expired = await h.call("GET", `/api/v1/practices/${p.id}/clients`, { cookie: second });
    expect([expired.status, errorCode(expired)]).toEqual([401, "UNAUTHENTICATED"]);
  });

  it("an API token made with POST /api/v1/auth/tokens works as a Bearer credential until revoked", async () => {
    const p = await fresh("Token");
    const cookie = sessionCookie(await login(p.users.owner.email, PASSWORD));
    const refused = await h.call("POST", "/api/v1/auth/tokens", { body: { name: "nightly export" } });
    expect([refused.status, errorCode(refused)]).toEqual([401, "UNAUTHENTICATED"]);

    const made = await h.call("POST", "/api/v1/auth/tokens", {
      cookie,
      body: { name: "nightly export", scopes: ["write"] },
    });
    expect(made.status).toBe(201);
    const token = String(made.json.token);
    const tokenId = String(made.json.id);

    const me = await h.call("GET", "/api/v1/me", { token });
    expect((me.json.user as { id: string }).id).toBe(p.users.owner.id);
    const list = await h.call("GET", `/api/v1/practices/${p.id}/clients`, { token });
    expect(list.status).toBe(200);
    const write = await h.call("PATCH", `/api/v1/practices/${p.id}/billing-settings`, {
      token,
      body: { version: 1, defaultAutopay: true },
    });
    expect(write.status).toBe(200);
    const [row] = await sqlRows(
      h.database,
      `SELECT token_hash, last_used_at FROM api_tokens WHERE id = '${tokenId}'`,
    );
    expect(String(row?.token_hash)).not.toContain(token);
    expect(row?.last_used_at).not.toBeNull();
    const audited = await sqlRows(
      h.database,
      `SELECT actor FROM audit_log WHERE practice_id = '${p.id}' AND entity = 'practice' AND action = 'update'`,
    );
    expect(audited.map((r) => r.actor)).toEqual([`token:${tokenId}`]);

    await h.database.exec(`UPDATE api_tokens SET revoked_at = now() WHERE id = '${tokenId}'`);
    const revoked = await h.call("GET", `/api/v1/practices/${p.id}/clients`, { token });
    expect([revoked.status, errorCode(revoked)]).toEqual([401, "UNAUTHENTICATED"]);
    expect((await h.call("GET", "/api/v1/me", { token })).status).toBe(401);
    // A bad bearer is refused even alongside a good session cookie: the caller meant the token.
    expect((await h.call("GET", "/api/v1/me", { token, cookie })).status).toBe(401);
    const unknown = await h.call("GET", "/api/v1/me", { token: `${token}x` });
    expect([unknown.status, errorCode(unknown)]).toEqual([401, "UNAUTHENTICATED"]);
  });
});
