import { testBackends } from "@billcycle/testing";
import { errorCode, type Harness, openHarness, type PracticeFixture } from "@billcycle/testing/api-harness";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Client = { id: string; firstName: string; lastName: string };

const person = (firstName: string, lastName: string, dateOfBirth: string) => ({
  firstName,
  lastName,
  dateOfBirth,
  sex: "F",
  paysBy: "insurance",
});

describe.each(testBackends())("client search (%s)", (backend) => {
  let h: Harness;
  let practice: PracticeFixture;
  let other: PracticeFixture;
  const made: Record<string, string> = {};
  beforeAll(async () => {
    h = await openHarness(backend);
    practice = await h.newPractice("Clients");
    other = await h.newPractice("Elsewhere");
    const add = async (p: PracticeFixture, key: string, body: ReturnType<typeof person>) => {
      const r = await h.call("POST", `/api/v1/practices/${p.id}/clients`, {
        token: p.users.biller.token,
        body,
      });
      expect(r.status).toBe(201);
      made[key] = (r.json as Client).id;
    };
    await add(practice, "dana", person("Dana", "Whitfield", "1985-03-14"));
    await add(practice, "ana", person("Ana", "Whitman", "1990-07-01"));
    await add(practice, "lee", person("Lee", "O'Hara_Smith", "1985-03-14"));
    await add(other, "othersDana", person("Dana", "Whitfield", "1985-03-14"));
  });
  afterAll(async () => h?.dispose());

  async function list(query: string) {
    const r = await h.call("GET", `/api/v1/practices/${practice.id}/clients?${query}`, {
      token: practice.users.biller.token,
    });
    return { status: r.status, code: errorCode(r), clients: (r.json.data ?? []) as Client[], json: r.json };
  }
  const ids = async (query: string) => (await list(query)).clients.map((c) => c.id);

  it("finds clients by part of their name, as First Last or Last, First, in any case", async () => {
    expect(await ids("search=whit")).toEqual([made.dana, made.ana]);
    expect(await ids("search=dana%20whit")).toEqual([made.dana]);
    expect(await ids(`search=${encodeURIComponent("whitman, a")}`)).toEqual([made.ana]);
    expect(await ids("search=Nobody")).toEqual([]);
    // The other practice's Dana Whitfield is never found from here.
    expect(await ids("search=Dana")).toEqual([made.dana]);
  });

  it("takes LIKE wildcards literally", async () => {
    expect(await ids(`search=${encodeURIComponent("_")}`)).toEqual([made.lee]);
    expect(await ids(`search=${encodeURIComponent("%")}`)).toEqual([]);
    expect(await ids(`search=${encodeURIComponent("Wh_t")}`)).toEqual([]);
  });

  it("filters by date of birth, alone or with the name", async () => {
    expect(await ids("dateOfBirth=1985-03-14")).toEqual([made.dana, made.lee]);
    expect(await ids("dateOfBirth=1985-03-14&search=whit")).toEqual([made.dana]);
    expect(await ids("dateOfBirth=2001-01-01")).toEqual([]);
  });

  it("sorts by last name across pages", async () => {
    const first = await list("sort=lastName&limit=2");
    expect(first.clients.map((c) => c.lastName)).toEqual(["O'Hara_Smith", "Whitfield"]);
    const cursor = String(first.json.nextCursor);
    const second = await list(`sort=lastName&limit=2&cursor=${encodeURIComponent(cursor)}`);
    expect(second.clients.map((c) => c.lastName)).toEqual(["Whitman"]);
    expect(second.json.nextCursor).toBeNull();
  });

  it("refuses an empty or overlong search and a malformed date with a code", async () => {
    for (const bad of ["search=", `search=${"x".repeat(101)}`]) {
      const r = await list(bad);
      expect([r.status, r.code]).toEqual([400, "VALIDATION_FAILED"]);
    }
    const date = await list("dateOfBirth=14%2F03%2F1985");
    expect([date.status, date.code]).toEqual([400, "INVALID_DATE"]);
  });
});
