import { LAST_USED_RESOLUTION_MS } from "@billcycle/app";
import { testBackends } from "@billcycle/testing";
import {
  type ApiResponse,
  errorCode,
  type Harness,
  openHarness,
  PASSWORD,
  type PracticeFixture,
  practiceInput,
} from "@billcycle/testing/api-harness";
import { createBody } from "@billcycle/testing/bodies";
import { practiceSnapshot, sqlRows } from "@billcycle/testing/db-state";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bodyFor,
  documentedOperations,
  fillPath,
  isScoped,
  isWrite,
  label,
  practiceState,
} from "./support/routes";

const DAY_MS = 24 * 60 * 60 * 1000;

const message = (r: ApiResponse): string =>
  String((r.json.error as { message?: string } | undefined)?.message);

describe.each(testBackends())("API tokens on %s", (backend) => {
  let h: Harness;

  beforeAll(async () => {
    h = await openHarness(backend);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const signIn = async (email: string): Promise<string> => {
    const res = await h.call("POST", "/api/v1/auth/login", { body: { email, password: PASSWORD } });
    const value = (res.headers.get("set-cookie") ?? "").match(/bc_session=([^;]+)/)?.[1];
    if (!value) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
    return `bc_session=${value}`;
  };
  const makeToken = async (cookie: string, body: Record<string, unknown>) => {
    const res = await h.call("POST", "/api/v1/auth/tokens", { cookie, body });
    if (res.status !== 201) throw new Error(`token: ${res.status} ${res.text}`);
    return { id: String(res.json.id), token: String(res.json.token), json: res.json };
  };
  const listTokens = async (auth: { cookie?: string; token?: string }) => {
    const res = await h.call("GET", "/api/v1/auth/tokens", auth);
    expect(res.status).toBe(200);
    return res.json.data as Array<Record<string, unknown>>;
  };
  const clients = (p: PracticeFixture, token: string) =>
    h.call("GET", `/api/v1/practices/${p.id}/clients`, { token });

  it("is shown once, stored hashed, listed with its last use, audited, and refused on the next request after revoking", async () => {
    const p = await h.newPractice("Lifecycle");
    h.clock.set("2026-03-01T15:00:00Z");
    const cookie = await signIn(p.users.biller.email);
    const made = await makeToken(cookie, { name: "nightly export", scopes: ["write"] });
    expect(made.token).toMatch(/^bct_/);
    expect(made.json).toMatchObject({
      name: "nightly export",
      scopes: ["write"],
      createdVia: "session",
      createdAt: "2026-03-01T15:00:00.000Z",
      expiresAt: "2026-05-30T15:00:00.000Z",
      lastUsedAt: null,
      revokedAt: null,
      status: "active",
    });

    // The database keeps a hash: no column of the row holds the secret.
    const [row] = await sqlRows(
      h.database,
      `SELECT row_to_json(t)::text AS j FROM api_tokens t WHERE id = '${made.id}'`,
    );
    expect(String(row?.j)).not.toContain(made.token);
    expect(String(row?.j)).not.toContain(made.token.slice(4));

    h.clock.set("2026-03-01T15:10:00Z");
    expect((await clients(p, made.token)).status).toBe(200);
    const listed = await listTokens({ cookie });
    const mine = listed.find((t) => t.id === made.id);
    expect(mine).toMatchObject({ lastUsedAt: "2026-03-01T15:10:00.000Z", status: "active" });
    expect(Object.keys(mine ?? {}).sort()).toEqual(
      [
        "createdAt",
        "createdVia",
        "expiresAt",
        "id",
        "lastUsedAt",
        "name",
        "revokedAt",
        "scopes",
        "status",
      ].sort(),
    );
    const listText = (await h.call("GET", "/api/v1/auth/tokens", { cookie })).text;
    expect(listText).not.toContain(made.token);
    expect(listText).not.toContain("hash");

    const revoked = await h.call("DELETE", `/api/v1/auth/tokens/${made.id}`, { cookie });
    expect(revoked.status).toBe(200);
    expect(revoked.json).toMatchObject({
      id: made.id,
      status: "revoked",
      revokedAt: "2026-03-01T15:10:00.000Z",
    });
    const refused = await clients(p, made.token);
    expect([refused.status, errorCode(refused)]).toEqual([401, "UNAUTHENTICATED"]);
    expect(message(refused)).toMatch(/revoked/);
    expect((await listTokens({ cookie })).find((t) => t.id === made.id)?.status).toBe("revoked");
    // Revoking again changes nothing.
    expect((await h.call("DELETE", `/api/v1/auth/tokens/${made.id}`, { cookie })).status).toBe(200);

    const audit = await sqlRows(
      h.database,
      `SELECT action, actor, user_id, details FROM audit_log WHERE entity = 'api_token' AND entity_id = '${made.id}' ORDER BY id`,
    );
    expect(audit.map((a) => [a.action, a.actor, a.user_id])).toEqual([
      ["create", `user:${p.users.biller.id}`, p.users.biller.id],
      ["revoke", `user:${p.users.biller.id}`, p.users.biller.id],
    ]);
    expect(JSON.stringify(audit)).not.toContain(made.token);
  });

  it("expires after 90 days by default, at most after 365, and an expired token is 401 saying so", async () => {
    const p = await h.newPractice("Expiry");
    h.clock.set("2026-03-01T15:00:00Z");
    const cookie = await signIn(p.users.owner.email);
    const byDefault = await makeToken(cookie, { name: "default" });
    expect(byDefault.json.expiresAt).toBe("2026-05-30T15:00:00.000Z");
    expect(byDefault.json.scopes).toEqual(["read"]);
    const longest = await makeToken(cookie, { name: "a year", expiresInDays: 365 });
    expect(longest.json.expiresAt).toBe("2027-03-01T15:00:00.000Z");
    for (const expiresInDays of [0, 366, 1.5, "30"]) {
      const res = await h.call("POST", "/api/v1/auth/tokens", { cookie, body: { name: "x", expiresInDays } });
      expect([expiresInDays, res.status, errorCode(res)]).toEqual([expiresInDays, 400, "VALIDATION_FAILED"]);
    }

    h.clock.set(new Date(Date.parse("2026-05-30T15:00:00Z") - 1000));
    expect((await clients(p, byDefault.token)).status).toBe(200);
    h.clock.set("2026-05-30T15:00:00Z");
    const expired = await clients(p, byDefault.token);
    expect([expired.status, errorCode(expired)]).toEqual([401, "UNAUTHENTICATED"]);
    expect(message(expired)).toMatch(/expired/);
    expect((await h.call("GET", "/api/v1/me", { token: byDefault.token })).status).toBe(401);
    expect((await clients(p, longest.token)).status).toBe(200);
    const later = await signIn(p.users.owner.email);
    const statuses = Object.fromEntries((await listTokens({ cookie: later })).map((t) => [t.name, t.status]));
    expect(statuses).toEqual({ default: "expired", "a year": "active", tests: "active" });

    h.clock.set(new Date(Date.parse("2026-03-01T15:00:00Z") + 365 * DAY_MS));
    expect((await clients(p, longest.token)).status).toBe(401);
  });

  it("a token cannot mint tokens, even with the write scope, and signing out leaves tokens working", async () => {
    const p = await h.newPractice("Mint");
    const cookie = await signIn(p.users.owner.email);
    const made = await makeToken(cookie, { name: "writer", scopes: ["write"] });
    const minted = await h.call("POST", "/api/v1/auth/tokens", {
      token: made.token,
      body: { name: "child", scopes: ["write"] },
    });
    expect([minted.status, errorCode(minted)]).toEqual([403, "FORBIDDEN"]);
    expect(message(minted)).toMatch(/tokens cannot create/i);
    const reader = await makeToken(cookie, { name: "reader", scopes: ["read"] });
    const byReader = await h.call("POST", "/api/v1/auth/tokens", {
      token: reader.token,
      body: { name: "child" },
    });
    expect([byReader.status, errorCode(byReader), message(byReader)]).toEqual([
      403,
      "FORBIDDEN",
      "API tokens cannot create API tokens: sign in to make one",
    ]);
    const count = await sqlRows(
      h.database,
      `SELECT count(*)::int AS n FROM api_tokens WHERE user_id = '${p.users.owner.id}'`,
    );
    expect(count[0]?.n).toBe(3); // the harness's, "writer" and "reader"

    // A token is a separate credential: the session ending does not end it (revoke it, or let it expire).
    expect((await h.call("POST", "/api/v1/auth/logout", { cookie })).status).toBe(204);
    expect((await h.call("GET", "/api/v1/me", { cookie })).status).toBe(401);
    expect((await clients(p, made.token)).status).toBe(200);
  });

  it("a read-scoped token reads, and gets 403 FORBIDDEN on every write route though its user is the owner", async () => {
    const p = await h.newPractice("ReadScope");
    await h.seedRecords(p, { engine: true });
    const cookie = await signIn(p.users.owner.email);
    const { token } = await makeToken(cookie, { name: "dashboard", scopes: ["read"] });
    expect((await clients(p, token)).status).toBe(200);
    expect((await h.call("GET", `/api/v1/practices/${p.id}/audit`, { token })).status).toBe(200);

    const writes = (await documentedOperations(h)).filter((op) => isScoped(op) && isWrite(op));
    expect(writes.length).toBeGreaterThanOrEqual(35);
    const before = await practiceSnapshot(h.database, p.id);
    const state = await practiceState(h, p.id);
    const actual: string[] = [];
    for (const op of writes) {
      const res = await h.call(op.method, fillPath(op.template, p.id, p.records), {
        token,
        body: bodyFor(op, p, state),
      });
      actual.push(`${label(op)} → ${res.status} ${errorCode(res)}`);
    }
    expect(actual).toEqual(writes.map((op) => `${label(op)} → 403 FORBIDDEN`));
    expect(await practiceSnapshot(h.database, p.id)).toEqual(before);

    // Routes outside a practice obey the scope too.
    const practices = await sqlRows(h.database, "SELECT count(*)::int AS n FROM practices");
    const created = await h.call("POST", "/api/v1/practices", {
      token,
      body: practiceInput("Token practice"),
    });
    expect([created.status, errorCode(created)]).toEqual([403, "FORBIDDEN"]);
    expect(await sqlRows(h.database, "SELECT count(*)::int AS n FROM practices")).toEqual(practices);
  });

  it("a scope wider than the creator's role is refused, and a demoted user's token shrinks with the role", async () => {
    const p = await h.newPractice("Widen");
    const readOnly = await signIn(p.users.read_only.email);
    const wide = await h.call("POST", "/api/v1/auth/tokens", {
      cookie: readOnly,
      body: { name: "too wide", scopes: ["write"] },
    });
    expect([wide.status, errorCode(wide)]).toEqual([403, "FORBIDDEN"]);
    expect(message(wide)).toMatch(/write scope/);
    await makeToken(readOnly, { name: "fits", scopes: ["read"] });
    expect((await listTokens({ cookie: readOnly })).map((t) => t.name)).toEqual(["fits", "tests"]);

    const biller = await signIn(p.users.biller.email);
    const { token } = await makeToken(biller, { name: "sync", scopes: ["write"] });
    const post = () =>
      h.call("POST", `/api/v1/practices/${p.id}/payers`, { token, body: createBody("payers", {}) });
    expect((await post()).status).toBe(201);
    await h.database.exec(
      `UPDATE memberships SET role = 'read_only' WHERE user_id = '${p.users.biller.id}' AND practice_id = '${p.id}'`,
    );
    const demoted = await post();
    expect([demoted.status, errorCode(demoted)]).toEqual([403, "FORBIDDEN"]);
    expect((await clients(p, token)).status).toBe(200);
  });

  it("a user lists and revokes only their own tokens: another user's token is 404 and keeps working", async () => {
    const p = await h.newPractice("Owners");
    const a = await signIn(p.users.owner.email);
    const b = await signIn(p.users.biller.email);
    const ofA = await makeToken(a, { name: "A's token" });
    const ofB = await makeToken(b, { name: "B's token" });
    expect((await listTokens({ cookie: a })).map((t) => t.name)).toEqual(["A's token", "tests"]);
    expect((await listTokens({ cookie: b })).map((t) => t.id)).not.toContain(ofA.id);
    // A token may list its own user's tokens (it reads), never another's.
    expect((await listTokens({ token: ofB.token })).map((t) => t.name)).toEqual(["B's token", "tests"]);

    for (const id of [ofB.id, "not-a-uuid", "0190a000-0000-7000-8000-000000000000"]) {
      const res = await h.call("DELETE", `/api/v1/auth/tokens/${id}`, { cookie: a });
      expect([id, res.status, errorCode(res)]).toEqual([id, 404, "NOT_FOUND"]);
    }
    expect((await clients(p, ofB.token)).status).toBe(200);
    const audit = await sqlRows(
      h.database,
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = '${ofB.id}'`,
    );
    expect(audit[0]?.n).toBe(1); // its creation only
  });

  it("last use is written at most once a minute per token", async () => {
    const p = await h.newPractice("LastUsed");
    const cookie = await signIn(p.users.owner.email);
    const { id, token } = await makeToken(cookie, { name: "busy" });
    const lastUsed = async () =>
      (await sqlRows(h.database, `SELECT last_used_at FROM api_tokens WHERE id = '${id}'`))[0]?.last_used_at;
    h.clock.set("2026-03-03T10:00:00Z");
    expect((await clients(p, token)).status).toBe(200);
    const first = new Date(String(await lastUsed())).toISOString();
    expect(first).toBe("2026-03-03T10:00:00.000Z");
    h.clock.advance(LAST_USED_RESOLUTION_MS - 1000);
    for (let i = 0; i < 3; i++) expect((await clients(p, token)).status).toBe(200);
    expect(new Date(String(await lastUsed())).toISOString()).toBe(first);
    h.clock.advance(2000);
    expect((await clients(p, token)).status).toBe(200);
    expect(new Date(String(await lastUsed())).toISOString()).toBe("2026-03-03T10:01:01.000Z");
  });

  it("the OpenAPI document describes the three token routes with their schemas; creating needs a session", async () => {
    const doc = (await h.call("GET", "/openapi.json")).json as {
      paths: Record<string, Record<string, { security?: unknown; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    const tokens = doc.paths["/api/v1/auth/tokens"];
    expect(tokens?.post?.security).toEqual([{ session: [] }]);
    expect(Object.keys(tokens?.post?.responses ?? {})).toContain("201");
    expect(tokens?.get?.responses["200"]).toBeTruthy();
    expect(doc.paths["/api/v1/auth/tokens/{tokenId}"]?.delete?.responses["200"]).toBeTruthy();
    expect(Object.keys(doc.components.schemas.ApiToken?.properties ?? {})).toContain("status");
    expect(Object.keys(doc.components.schemas.ApiToken?.properties ?? {})).not.toContain("token");
    expect(Object.keys(doc.components.schemas.CreatedApiToken?.properties ?? {})).toContain("token");
  });
});
