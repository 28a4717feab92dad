import { testBackends } from "@billcycle/testing";
import { errorCode, type Harness, openHarness, type PracticeFixture } from "@billcycle/testing/api-harness";
import { createBody, refsOf } from "@billcycle/testing/bodies";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Invoice = { id: string; number: string; status: string; totalCents: number };

describe.each(testBackends())("invoice list filters and sorting (%s)", (backend) => {
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
    return {
      status: r.status,
      code: errorCode(r),
      invoices: (r.json.data ?? []) as Invoice[],
      nextCursor: (r.json.nextCursor ?? null) as string | null,
    };
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

  it("sorts on the server, both ways, and pages through a sort with its cursor", async () => {
    const walk = async (sort: string) => {
      const seen: Invoice[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(`sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ""}`);
        expect(page.status).toBe(200);
        seen.push(...page.invoices);
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    const all = (await list("")).invoices;
    // The two seeded invoices: one opened then claimed, one Pended; give them different totals to sort by.
    const [a, b] = all;
    await h.database.exec(
      `UPDATE invoices SET total_cents = 5000, insurance_cents = 5000, client_cents = 0 WHERE id = '${a!.id}';
       UPDATE invoices SET total_cents = 9000, insurance_cents = 9000, client_cents = 0 WHERE id = '${b!.id}'`,
    );
    expect((await walk("totalCents")).map((i) => i.totalCents)).toEqual([5000, 9000]);
    expect((await walk("-totalCents")).map((i) => i.totalCents)).toEqual([9000, 5000]);
    const byStatus = (await walk("-status")).map((i) => i.status);
    expect(byStatus).toEqual([...byStatus].sort().reverse());
    expect(byStatus.length).toBe(2);
  });

  it("sorts invoice numbers as numbers: INV-10000 after INV-9999, through the cursor too", async () => {
    const [a, b] = (await list("")).invoices;
    await h.database.exec(
      `UPDATE invoices SET number = 'INV-10000' WHERE id = '${a!.id}';
       UPDATE invoices SET number = 'INV-9999' WHERE id = '${b!.id}'`,
    );
    const pages = async (sort: string) => {
      const first = await list(`sort=${sort}&limit=1`);
      const second = await list(`sort=${sort}&limit=1&cursor=${first.nextCursor}`);
      return [...first.invoices, ...second.invoices].map((i) => i.number);
    };
    expect(await pages("number")).toEqual(["INV-9999", "INV-10000"]);
    expect(await pages("-number")).toEqual(["INV-10000", "INV-9999"]);
    // The ordering column stays internal.
    expect(Object.keys((await list("")).invoices[0]!)).not.toContain("numberSeq");
  });

  it("refuses an unknown sort key and a cursor that is not this list's", async () => {
    const badSort = await list("sort=clientId");
    expect([badSort.status, badSort.code]).toEqual([400, "VALIDATION_FAILED"]);
    const forged = Buffer.from(JSON.stringify(["x", "not-a-uuid"])).toString("base64url");
    const badCursor = await list(`sort=totalCents&cursor=${forged}`);
    expect([badCursor.status, badCursor.code]).toEqual([400, "VALIDATION_FAILED"]);
    const plainBad = await list("cursor=garbage");
    expect([plainBad.status, plainBad.code]).toEqual([400, "VALIDATION_FAILED"]);
  });
});
