import { testBackends } from "@billcycle/testing";
import { errorCode, type Harness, openHarness, type PracticeFixture } from "@billcycle/testing/api-harness";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Claim = { id: string; patientControlNumber: string; clientId: string };

describe.each(testBackends())("claim search (%s)", (backend) => {
  let h: Harness;
  let practice: PracticeFixture;
  let other: PracticeFixture;
  let claim: Claim;
  let othersClaim: Claim;
  beforeAll(async () => {
    h = await openHarness(backend);
    practice = await h.newPractice("Search");
    other = await h.newPractice("Elsewhere");
    // Both practices get a claim for a client named Casey Client.
    await h.seedRecords(practice, { engine: true });
    await h.seedRecords(other, { engine: true });
    const mine = (await list(practice, "")).claims;
    const theirs = (await list(other, "")).claims;
    expect([mine.length, theirs.length]).toEqual([1, 1]);
    claim = mine[0]!;
    othersClaim = theirs[0]!;
  });
  afterAll(async () => h?.dispose());

  async function list(p: PracticeFixture, query: string) {
    const r = await h.call("GET", `/api/v1/practices/${p.id}/claims?${query}`, {
      token: p.users.biller.token,
    });
    return { status: r.status, code: errorCode(r), claims: (r.json.data ?? []) as Claim[] };
  }
  const ids = async (query: string) => (await list(practice, query)).claims.map((c) => c.id);

  it("finds a claim by the start of its patient control number, in any case", async () => {
    const pcn = claim.patientControlNumber;
    expect(await ids(`search=${encodeURIComponent(pcn.slice(0, 3).toLowerCase())}`)).toEqual([claim.id]);
    expect(await ids(`search=${encodeURIComponent(pcn)}`)).toEqual([claim.id]);
    // Inside the number is not the start of it.
    expect(await ids(`search=${encodeURIComponent(pcn.slice(1))}`)).toEqual([]);
  });

  it("finds a claim by part of its client's name, and only this practice's", async () => {
    expect(await ids("search=sey%20cli")).toEqual([claim.id]);
    expect(await ids("search=CLIENT")).toEqual([claim.id]);
    expect(await ids("search=Nobody")).toEqual([]);
    // The other practice has a Casey Client too; its claim is never found from here.
    expect(await ids("search=Casey")).not.toContain(othersClaim.id);
  });

  it("takes LIKE wildcards literally", async () => {
    expect(await ids(`search=${encodeURIComponent("%")}`)).toEqual([]);
    expect(await ids(`search=${encodeURIComponent("_")}`)).toEqual([]);
    expect(await ids(`search=${encodeURIComponent("C_sey")}`)).toEqual([]);
  });

  it("refuses an empty or overlong search with a code, and combines with the status filter", async () => {
    for (const bad of ["search=", `search=${"x".repeat(101)}`]) {
      const r = await list(practice, bad);
      expect([r.status, r.code]).toEqual([400, "VALIDATION_FAILED"]);
    }
    expect(await ids("search=Casey&status=awaiting_submission")).toEqual([claim.id]);
    expect(await ids("search=Casey&status=paid")).toEqual([]);
  });
});
