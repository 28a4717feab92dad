import { createApiToken, createUser, setPlatformOperator } from "@billcycle/app";
import { testBackends } from "@billcycle/testing";
import {
  errorCode,
  type Harness,
  openHarness,
  PASSWORD,
  type PracticeFixture,
  practiceInput,
} from "@billcycle/testing/api-harness";
import { sqlRows } from "@billcycle/testing/db-state";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe.each(testBackends())("who may create a practice on %s", (backend) => {
  let h: Harness;
  let p: PracticeFixture;
  const cli = { userId: null, practiceId: null, role: null, label: "cli:tester" };

  beforeAll(async () => {
    h = await openHarness(backend);
    p = await h.newPractice("Existing");
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const practiceCount = async () =>
    Number((await sqlRows(h.database, "SELECT count(*) AS n FROM practices"))[0]?.n);

  it("no practice role, owner included, lets a user who is not an operator create a practice: 403 FORBIDDEN", async () => {
    const before = await practiceCount();
    for (const role of ["owner", "biller", "clinician", "read_only"] as const) {
      const res = await h.call("POST", "/api/v1/practices", {
        token: p.users[role].token,
        body: practiceInput(`By ${role}`),
      });
      expect([role, res.status, errorCode(res)]).toEqual([role, 403, "FORBIDDEN"]);
    }
    const anonymous = await h.call("POST", "/api/v1/practices", { body: practiceInput("Anonymous") });
    expect([anonymous.status, errorCode(anonymous)]).toEqual([401, "UNAUTHENTICATED"]);
    expect(await practiceCount()).toBe(before);
  });

  it("an operator granted on the command line creates one, audited; revoked, they are refused again", async () => {
    const now = h.clock.now();
    const op = await createUser(h.database, {
      input: { email: "operator@example.com", name: "Opal Operator", password: PASSWORD },
      memberships: [],
      now: now,
    });
    expect(await setPlatformOperator(h.database, "Operator@Example.com", true, cli, now)).toEqual({
      userId: op.id,
      changed: true,
    });
    // An operator of no practice may hold a write token: creating practices is what it is for.
    const { token } = await createApiToken(
      h.database,
      { userId: op.id, name: "tests", scopes: ["write"], createdVia: "cli" },
      cli,
      now,
    );
    const made = await h.call("POST", "/api/v1/practices", { token, body: practiceInput("Operated") });
    expect(made.status).toBe(201);
    const practiceId = String(made.json.id);
    const audit = await sqlRows(
      h.database,
      `SELECT action, entity, entity_id, user_id, actor FROM audit_log
        WHERE (entity = 'practice' AND entity_id = '${practiceId}') OR (entity = 'user' AND entity_id = '${op.id}')
        ORDER BY id`,
    );
    expect(audit.map((r) => [r.action, r.entity, r.actor])).toEqual([
      ["grant_operator", "user", "cli:tester"],
      ["create", "practice", `user:${op.id}`],
    ]);

    expect((await setPlatformOperator(h.database, "operator@example.com", false, cli, now)).changed).toBe(
      true,
    );
    const after = await h.call("POST", "/api/v1/practices", { token, body: practiceInput("Late") });
    expect([after.status, errorCode(after)]).toEqual([403, "FORBIDDEN"]);
    const revokes = await sqlRows(
      h.database,
      `SELECT actor FROM audit_log WHERE action = 'revoke_operator' AND entity_id = '${op.id}'`,
    );
    expect(revokes.map((r) => r.actor)).toEqual(["cli:tester"]);
  });

  it("/me says whether the user is an operator", async () => {
    const now = h.clock.now();
    const op = await createUser(h.database, {
      input: { email: "second-operator@example.com", name: "Otto Operator", password: PASSWORD },
      memberships: [],
      now: now,
      operator: { actor: cli },
    });
    const { token } = await createApiToken(
      h.database,
      { userId: op.id, name: "tests", scopes: ["read"], createdVia: "cli" },
      cli,
      now,
    );
    expect((await h.call("GET", "/api/v1/me", { token })).json.isOperator).toBe(true);
    expect((await h.call("GET", "/api/v1/me", { token: p.users.owner.token })).json.isOperator).toBe(false);
    const granted = await sqlRows(
      h.database,
      `SELECT actor FROM audit_log WHERE action = 'grant_operator' AND entity_id = '${op.id}'`,
    );
    expect(granted.map((r) => r.actor)).toEqual(["cli:tester"]);
  });

  it("granting an unknown email is NOT_FOUND", async () => {
    await expect(
      setPlatformOperator(h.database, "ghost@example.com", true, cli, h.clock.now()),
    ).rejects.toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });
});
