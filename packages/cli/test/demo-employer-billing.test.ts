import { listEmployerInvoices, listOutreachSets } from "@billcycle/app";
import { outreachSetStatuses } from "@billcycle/core";
import { rowsOf } from "@billcycle/db";
import { openTestDatabase, type TestDatabase } from "@billcycle/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoSummary, seedDemo } from "../src/demo/seed-demo";

describe("demo data (pglite)", () => {
  let database: TestDatabase;
  let summary: DemoSummary;
  const now = new Date("2026-03-20T18:00:00Z");
  const actorOf = (name: string) => {
    const practice = summary.practices.find((p) => p.name === name)!;
    return { userId: null, practiceId: practice.id, role: "owner" as const, label: "test" };
  };
  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    summary = (await seedDemo(database, now))!;
  }, 600_000);
  afterAll(async () => database?.dispose());

  it("gives the occupational-health practice batches, a re-batch, a credit memo and partial payments", async () => {
    const actor = actorOf("Harbor Occupational Health");
    const all = await listEmployerInvoices(database.db, {
      actor,
      status: "all",
      limit: 200,
      search: undefined,
      cursor: undefined,
      employerId: undefined,
    });
    const kinds = new Set(all.data.map((i) => i.kind));
    expect(kinds).toEqual(new Set(["invoice", "rebatch", "credit_memo"]));
    expect(all.data.some((i) => i.status === "partially_paid")).toBe(true);
    const [receipts] = rowsOf<{ n: string }>(
      await database.db.execute(
        sql`SELECT count(*) AS n FROM employer_receipts WHERE practice_id = ${actor.practiceId}`,
      ),
    );
    expect(Number(receipts!.n)).toBe(2);
  });

  it("gives the counseling practice an outreach set in every status, with timelines the ledger agrees with", async () => {
    const actor = actorOf("Riverbend Counseling");
    const { items } = await listOutreachSets(database, { actor, query: { limit: 200 }, now });
    expect(new Set(items.map((s) => s.status))).toEqual(new Set(outreachSetStatuses));
    const byStatus = Object.fromEntries(items.map((s) => [s.status, s]));
    // Paid and Written Off have nothing left to collect; the others still owe what their invoices say.
    expect(byStatus.paid!.amountOutstandingCents).toBe(0);
    expect(byStatus.written_off!.amountOutstandingCents).toBe(0);
    expect(byStatus.collections!.amountOutstandingCents).toBeGreaterThan(0);
    expect(byStatus.will_fail!.willFailReasons.map((r) => r.code)).toEqual(["NO_PHONE"]);
    const events = rowsOf<{ kind: string; n: string }>(
      await database.db.execute(
        sql`SELECT kind, count(*) AS n FROM outreach_events WHERE practice_id = ${actor.practiceId} GROUP BY kind`,
      ),
    );
    expect(events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(["started", "message", "delivery", "reply", "payment", "status"]),
    );
    const messages = rowsOf<{ status: string; channel: string }>(
      await database.db.execute(
        sql`SELECT DISTINCT status, channel FROM outreach_messages WHERE practice_id = ${actor.practiceId}`,
      ),
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        { status: "delivered", channel: "sms" },
        { status: "failed", channel: "sms" },
        { status: "sent", channel: "email" },
      ]),
    );
  });
});
