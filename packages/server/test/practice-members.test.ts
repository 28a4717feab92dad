import { roles } from "@billcycle/core";
import { testBackends } from "@billcycle/testing";
import {
  errorCode,
  type Harness,
  openHarness,
  type PracticeFixture,
  refsOf,
} from "@billcycle/testing/api-harness";
import { createBody } from "@billcycle/testing/bodies";
import { rowCounts } from "@billcycle/testing/db-state";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Issue 18: the practice's members (who a provider can be linked to, and so who signs that provider's notes), listed
 * for any member of the practice; a provider's user must be one of them.
 */
describe.each(testBackends())("practice members (%s)", (backend) => {
  let h: Harness;
  let a: PracticeFixture;
  let b: PracticeFixture;
  beforeAll(async () => {
    h = await openHarness(backend);
    a = await h.newPractice("Alder");
    b = await h.newPractice("Birch");
    await h.seedRecords(a);
  });
  afterAll(async () => h?.dispose());

  const members = (practice: PracticeFixture, token: string) =>
    h.call("GET", `/api/v1/practices/${practice.id}/members`, { token });

  it("lists the practice's users with name, email and role, by name, to every role", async () => {
    const expected = roles
      .map((role) => ({
        id: a.users[role].id,
        name: `Alder ${role}`,
        email: a.users[role].email,
        role,
      }))
      .sort((x, y) => x.name.localeCompare(y.name));
    for (const role of roles) {
      const res = await members(a, a.users[role].token);
      expect(res.status, role).toBe(200);
      expect(res.json).toEqual({ data: expected });
    }
  });

  it("a member of another practice gets 404 and never sees the list", async () => {
    const res = await members(a, b.users.owner.token);
    expect([res.status, errorCode(res)]).toEqual([404, "NOT_FOUND"]);
    expect(res.text).not.toContain(a.users.clinician.email);
  });

  it("links a provider to a member; a user of another practice is refused (422 REFERENCE_NOT_FOUND), writing nothing", async () => {
    const before = await rowCounts(h.database);
    const refused = await h.call("POST", `/api/v1/practices/${a.id}/providers`, {
      token: a.users.owner.token,
      body: { ...createBody("providers", refsOf(a)), userId: b.users.clinician.id },
    });
    expect([refused.status, errorCode(refused)]).toEqual([422, "REFERENCE_NOT_FOUND"]);
    expect((refused.json.error as { issues?: unknown }).issues).toEqual([
      expect.objectContaining({ path: "userId" }),
    ]);
    expect(await rowCounts(h.database)).toEqual(before);

    const linked = await h.call("POST", `/api/v1/practices/${a.id}/providers`, {
      token: a.users.owner.token,
      body: { ...createBody("providers", refsOf(a)), userId: a.users.clinician.id },
    });
    expect(linked.status).toBe(201);
    expect(linked.json.userId).toBe(a.users.clinician.id);
  });
});
