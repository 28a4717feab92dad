import { tables } from "@billcycle/db";
import { testBackends } from "@billcycle/testing";
import { errorCode, type Harness, openHarness, type PracticeFixture } from "@billcycle/testing/api-harness";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Json = Record<string, unknown>;
type Entry = { actor: string; actorName: string; causeText: string | null; toStatus: string };

describe.each(testBackends())("histories and billing states in words (%s)", (backend) => {
  let h: Harness;
  let practice: PracticeFixture;
  let other: PracticeFixture;
  beforeAll(async () => {
    h = await openHarness(backend);
    practice = await h.newPractice("Words");
    other = await h.newPractice("Elsewhere");
    await h.seedRecords(practice, { engine: true });
    await h.seedRecords(other, { engine: true });
  });
  afterAll(async () => h?.dispose());

  const get = async (p: PracticeFixture, path: string) => {
    const r = await h.call("GET", `/api/v1/practices/${p.id}${path}`, { token: p.users.biller.token });
    expect(r.status, r.text).toBe(200);
    return r.json;
  };

  it("an invoice's history names the automation and its run, not system:… or run:<id>", async () => {
    const { data } = (await get(practice, "/invoices?status=processed")) as { data: Json[] };
    const invoice = await get(practice, `/invoices/${data[0]!.id}`);
    const history = invoice.history as Entry[];
    expect(history.map((e) => [e.toStatus, e.actorName, e.causeText])).toEqual([
      // The engine seed's creation run was started by hand on the sessions' day (2026-03-02).
      ["open", "Automation (Invoice Creation)", "Invoice Creation run started by hand on Mar 2"],
      ["processed", "Automation (Invoice Processing)", expect.any(String)],
    ]);
    expect(history[0]!.actor).toBe("system:invoice_creation");
    for (const e of history) expect(`${e.actorName} ${e.causeText}`).not.toMatch(/system:|run:|[0-9a-f]{8}-/);
  });

  it("a nightly run reads as one, and a person by name", async () => {
    const { data } = (await get(practice, "/invoices?status=processed")) as { data: Json[] };
    const [run] = await h.database.db
      .select({ id: tables.automationRuns.id })
      .from(tables.automationRuns)
      .where(eq(tables.automationRuns.practiceId, practice.id));
    await h.database.db
      .update(tables.automationRuns)
      .set({ trigger: "schedule", localDate: "2026-12-05" })
      .where(eq(tables.automationRuns.id, run!.id));
    const processed = (await get(practice, `/invoices/${data[0]!.id}`)).history as Entry[];
    expect(processed[0]!.causeText).toBe("Nightly invoice creation run of Dec 5");

    // The biller opens the Pended invoice through their API token: the history names the token and its owner.
    const pended = practice.records.invoices!.id;
    const opened = await h.call("POST", `/api/v1/practices/${practice.id}/invoices/open`, {
      token: practice.users.biller.token,
      body: { invoiceIds: [pended] },
    });
    expect(opened.status, opened.text).toBe(200);
    const me = (await h.call("GET", "/api/v1/me", { token: practice.users.biller.token })).json as {
      user: { name: string };
    };
    const history = (await get(practice, `/invoices/${pended}`)).history as Entry[];
    const last = history.at(-1)!;
    expect([last.toStatus, last.actor.startsWith("token:"), last.actorName, last.causeText]).toEqual([
      "open",
      true,
      `API token “tests” of ${me.user.name}`,
      "reviewed and opened",
    ]);
  });

  it("a claim's history says which automation made and sent it, in words", async () => {
    const { data } = (await get(practice, "/claims")) as { data: Json[] };
    const claim = await get(practice, `/claims/${data[0]!.id}`);
    const [created] = claim.history as Entry[];
    expect([created!.actorName, created!.causeText]).toEqual([
      "Automation (Invoice Processing)",
      "Invoice Processing, started by hand",
    ]);
  });

  it("many sessions' billing states in one call: billed with the invoice, only this practice's", async () => {
    const mine = (await get(practice, "/appointments?limit=50")) as { data: Json[] };
    const theirs = (await get(other, "/appointments?limit=50")) as { data: Json[] };
    const ids = [...mine.data.map((a) => String(a.id)), String(theirs.data[0]!.id)];
    const states = (await get(practice, `/appointment-billing-states?ids=${ids.join(",")}`)).data as Array<{
      appointmentId: string;
      billed: { invoiceNumber: string } | null;
      reasons: Array<{ code: string }>;
    }>;
    expect(states.map((s) => s.appointmentId).sort()).toEqual(mine.data.map((a) => String(a.id)).sort());
    const billed = states.filter((s) => s.billed);
    // The engine seed invoiced two sessions (one nightly, one for review).
    expect(billed).toHaveLength(2);
    for (const s of billed) expect(s.billed!.invoiceNumber).toMatch(/\d+$/);
    const notBilled = states.filter((s) => !s.billed);
    expect(notBilled.every((s) => s.reasons.every((r) => r.code !== "ALREADY_INVOICED"))).toBe(true);

    expect((await get(practice, "/appointment-billing-states")).data).toEqual([]);
    const bad = await h.call("GET", `/api/v1/practices/${practice.id}/appointment-billing-states?ids=nope`, {
      token: practice.users.biller.token,
    });
    expect([bad.status, errorCode(bad)]).toEqual([400, "VALIDATION_FAILED"]);
    const tooMany = Array.from({ length: 201 }, () => ids[0]).join(",");
    const over = await h.call(
      "GET",
      `/api/v1/practices/${practice.id}/appointment-billing-states?ids=${tooMany}`,
      { token: practice.users.biller.token },
    );
    expect([over.status, errorCode(over)]).toEqual([400, "VALIDATION_FAILED"]);
  });

  it("sessions list by start time and by billed or not; invoices found by number", async () => {
    const all = (await get(practice, "/appointments?limit=50&sort=-startsAt")).data as Json[];
    const starts = all.map((a) => String(a.startsAt));
    expect(starts).toEqual([...starts].sort().reverse());
    const billed = (await get(practice, "/appointments?limit=50&billed=yes")).data as Json[];
    const notBilled = (await get(practice, "/appointments?limit=50&billed=no")).data as Json[];
    expect(billed).toHaveLength(2);
    expect(notBilled.every((a) => a.status !== "canceled")).toBe(true);
    expect(billed.length + notBilled.length).toBe(all.filter((a) => a.status !== "canceled").length);

    const { data } = (await get(practice, "/invoices?status=processed")) as { data: Json[] };
    const number = String(data[0]!.number);
    const digits = number.replace(/^\D+/, "");
    for (const q of [number, digits, number.toLowerCase()]) {
      const found = (await get(practice, `/invoices?number=${encodeURIComponent(q)}`)).data as Json[];
      expect(
        found.map((i) => i.number),
        q,
      ).toEqual([number]);
    }
    expect((await get(practice, "/invoices?number=999999999")).data).toEqual([]);
    // The count of every match, the same on each page; only when asked for.
    const first = await get(practice, "/invoices?limit=1&withTotal=true");
    const second = await get(practice, `/invoices?limit=1&withTotal=true&cursor=${first.nextCursor}`);
    expect([first.total, second.total]).toEqual([2, 2]);
    expect((await get(practice, "/invoices?status=pended&withTotal=true")).total).toBe(0);
    expect("total" in (await get(practice, "/invoices"))).toBe(false);
    expect((await get(other, `/invoices?number=${encodeURIComponent(number)}`)).data).not.toContainEqual(
      expect.objectContaining({ id: data[0]!.id }),
    );
  });
});
