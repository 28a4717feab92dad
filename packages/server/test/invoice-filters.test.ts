import { testBackends } from "@billcycle/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBody, refsOf } from "./support/bodies";
import { errorCode, type Harness, openHarness, type PracticeFixture } from "./support/harness";

type Invoice = { id: string; status: string; totalCents: number };

describe.each(testBackends())("invoice list filters (%s)", (backend) => {
  let h: Harness;
  let practice: PracticeFixture;
  let other: PracticeFixture;
  let secondProvider: string;
  beforeAll(async () => {
    h = await openHarness(backend);
    practice = await h.newPractice("Filters");
    other = await h.newPractice("Elsewhere");
    await h.seedRecords(practice, { engine: true });
    await h.seedRecords(other);
    const created = await h.call("POST", `/api/v1/practices/${practice.id}/providers`, {
      token: practice.users.owner.token,
      body: { ...createBody("providers", refsOf(practice)), lastName: "Second" },
    });
    expect(created.status).toBe(201);
    secondProvider = String(created.json.id);
  });
  afterAll(async () => h?.dispose());

  const list = async (query: string) => {
    const r = await h.call("GET", `/api/v1/practices/${practice.id}/invoices?${query}`, {
      token: practice.users.biller.token,
    });
    return { status: r.status, code: errorCode(r), invoices: (r.json.data ?? []) as Invoice[] };
  };

  it("by provider: the invoices holding a session of that provider, and no others", async () => {
    const all = await list("");
    expect(all.invoices.length).toBe(2);
    const seeded = refsOf(practice).providers!;
    expect((await list(`providerId=${seeded}`)).invoices.map((i) => i.id).sort()).toEqual(
      all.invoices.map((i) => i.id).sort(),
    );
    expect((await list(`providerId=${secondProvider}`)).invoices).toEqual([]);
    // Another practice's provider finds nothing here.
    expect((await list(`providerId=${refsOf(other).providers}`)).invoices).toEqual([]);
  });

  it("combines with status and amount; a malformed provider id is refused with a code", async () => {
    const seeded = refsOf(practice).providers!;
    const pended = await list(`providerId=${seeded}&status=pended`);
    expect(pended.invoices.map((i) => i.status)).toEqual(["pended"]);
    const total = pended.invoices[0]!.totalCents;
    expect((await list(`providerId=${seeded}&status=pended&minCents=${total + 1}`)).invoices).toEqual([]);
    expect((await list(`providerId=${seeded}&status=pended&maxCents=${total}`)).invoices.length).toBe(1);
    const bad = await list("providerId=not-a-uuid");
    expect([bad.status, bad.code]).toEqual([400, "VALIDATION_FAILED"]);
  });
});
