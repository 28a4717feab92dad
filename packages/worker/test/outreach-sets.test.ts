import {
  applyBulkOutreachAction,
  applyOutreachAction,
  countOutreachMetrics,
  exportCollectionsCsv,
  getOutreachTimeline,
  listOutreachSets,
  listOutreachSetsQuerySchema,
  outreachListSql,
  recordClientPayment,
  saveRuleSet,
  searchedClientIds,
  startDueOutreachSets,
  startOutreachSet,
  updateOutreachSettings,
} from "@billcycle/app";
import {
  DomainError,
  type OutreachAction,
  type OutreachSetStatus,
  outreachActionAvailability,
} from "@billcycle/core";
import { rowsOf, tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { createBillingPractice, type PracticeFixture } from "@billcycle/testing/billing-fixture";
import { local } from "@billcycle/testing/engine-harness";
import {
  defaultRuleSet,
  issueInvoice,
  patientWithBalance,
  THREE_STEPS,
} from "@billcycle/testing/outreach-fixture";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ZONE = "America/Chicago";
const now = local("2026-03-10T12:00", ZONE);

const codeOf = async (p: Promise<unknown>): Promise<string | undefined> => {
  try {
    await p;
  } catch (e) {
    return e instanceof DomainError ? e.code : `not a DomainError: ${String(e)}`;
  }
  return undefined;
};

let keys = 0;

describe.each(testBackends())("outreach sets (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  const counts = async () =>
    rowsOf<Record<string, number>>(
      await database.db.execute(sql`SELECT (SELECT count(*)::int FROM outreach_rule_sets) AS rule_sets,
        (SELECT count(*)::int FROM outreach_sets) AS sets, (SELECT count(*)::int FROM outreach_events) AS events,
        (SELECT count(*)::int FROM client_write_offs) AS write_offs, (SELECT count(*)::int FROM audit_log) AS audit`),
    )[0]!;
  const setRow = async (id: string) =>
    (await database.db.select().from(tables.outreachSets).where(eq(tables.outreachSets.id, id)))[0]!;
  const list = (p: PracticeFixture, q: Record<string, unknown>) =>
    listOutreachSets(database, { actor: p.actor, query: listOutreachSetsQuerySchema.parse(q), now });
  const forceStatus = (id: string, status: OutreachSetStatus) =>
    database.db.execute(sql`UPDATE outreach_sets SET status = ${status} WHERE id = ${id}::uuid`);

  it("refuses a rule set with no steps, two steps on one day and channel, or an unknown placeholder", async () => {
    const p = await createBillingPractice(database, ZONE, now, "Rules");
    const before = await counts();
    const save = (steps: typeof THREE_STEPS.steps) =>
      codeOf(saveRuleSet(database, { actor: p.actor, body: { ...THREE_STEPS, steps }, now }));
    expect(await save([])).toBe("INVALID_RULE_SET");
    expect(
      await save([THREE_STEPS.steps[0]!, { ...THREE_STEPS.steps[0]!, template: "again {amount}" }]),
    ).toBe("INVALID_RULE_SET");
    expect(await save([{ ...THREE_STEPS.steps[0]!, template: "Hi {firstname}" }])).toBe(
      "UNKNOWN_PLACEHOLDER",
    );
    expect(await save([{ ...THREE_STEPS.steps[1]!, subject: "{balance}" }])).toBe("UNKNOWN_PLACEHOLDER");
    expect(await save([{ ...THREE_STEPS.steps[0]!, sendWindow: { start: "20:00", end: "09:00" } }])).toBe(
      "INVALID_RULE_SET",
    );
    expect(await counts()).toEqual(before);
    // The same day on two channels is fine; steps are stored in send order.
    const ok = await saveRuleSet(database, {
      actor: p.actor,
      body: {
        ...THREE_STEPS,
        steps: [THREE_STEPS.steps[2]!, THREE_STEPS.steps[0]!, { ...THREE_STEPS.steps[1]!, dayOffset: 0 }],
      },
      now,
    });
    expect(ok.steps.map((s) => [s.dayOffset, s.channel])).toEqual([
      [0, "email"],
      [0, "sms"],
      [7, "sms"],
    ]);
  });

  it("a set links the open charges, its amount is live from the ledger, a new charge joins, a payment to zero is Paid", async () => {
    const p = await createBillingPractice(database, ZONE, now, "Live");
    await defaultRuleSet(database, p, now);
    const { clientId, invoiceIds } = await patientWithBalance(database, p, now, ["2026-03-02", "2026-03-03"]);
    const setId = await startOutreachSet(database, { actor: p.actor, clientId, now });
    expect(await codeOf(startOutreachSet(database, { actor: p.actor, clientId, now }))).toBe("CONFLICT");
    let [view] = (await list(p, { search: clientId })).items;
    expect(view).toMatchObject({
      id: setId,
      status: "active",
      amountOutstandingCents: 35000,
      startedBy: "manual",
    });
    expect([...view!.invoiceIds].sort()).toEqual([...invoiceIds].sort());

    const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    await recordClientPayment(database, {
      actor: p.actor,
      clientId,
      method: "cash",
      amountCents: 10000,
      idempotencyKey: `k${++keys}`,
      now: later(1),
    });
    [view] = (await list(p, { search: clientId })).items;
    expect(view).toMatchObject({ status: "active", amountOutstandingCents: 25000 });

    const third = await issueInvoice(database, p, clientId, later(2), "2026-03-04");
    [view] = (await list(p, { search: clientId })).items;
    expect(view!.invoiceIds).toContain(third);
    expect(view!.amountOutstandingCents).toBe(42500);

    await recordClientPayment(database, {
      actor: p.actor,
      clientId,
      method: "check",
      amountCents: 42500,
      idempotencyKey: `k${++keys}`,
      now: later(3),
    });
    expect((await setRow(setId)).status).toBe("paid");
    const timeline = await getOutreachTimeline(database, { actor: p.actor, setId, now });
    expect(timeline.events.map((e) => e.kind)).toEqual([
      "started",
      "payment",
      "charge_added",
      "payment",
      "status",
    ]);
    expect(timeline.events.at(-1)!.details).toMatchObject({ from: "active", to: "paid" });
    expect(timeline.set.actions).toEqual([]);
  });

  it("starts sets by itself after the practice's number of days outstanding, once per patient", async () => {
    const p = await createBillingPractice(database, ZONE, now, "Auto");
    await defaultRuleSet(database, p, now);
    await updateOutreachSettings(database, {
      actor: p.actor,
      settings: { enabled: true, startAfterDays: 7 },
      now,
    });
    const old = await patientWithBalance(database, p, now, ["2026-03-02"]);
    const recent = await patientWithBalance(database, p, now, ["2026-03-08"]);
    expect(await startDueOutreachSets(database, p.practiceId, now)).toBe(1);
    expect(await startDueOutreachSets(database, p.practiceId, now)).toBe(0);
    const items = (await list(p, {})).items;
    expect(items.map((i) => i.patient.clientId)).toEqual([old.clientId]);
    expect(items[0]!.startedBy).toBe("auto");
    await updateOutreachSettings(database, {
      actor: p.actor,
      settings: { enabled: false, startAfterDays: 0 },
      now,
    });
    expect(await startDueOutreachSets(database, p.practiceId, now)).toBe(0);
    expect(recent.clientId).toBeTruthy();
  });

  it("a set the biller cancelled or sent to collections is not started again by itself; a new charge starts one", async () => {
    const p = await createBillingPractice(database, ZONE, now, "Auto again");
    await defaultRuleSet(database, p, now);
    await updateOutreachSettings(database, {
      actor: p.actor,
      settings: { enabled: true, startAfterDays: 7 },
      now,
    });
    const cancelled = await patientWithBalance(database, p, now, ["2026-03-02"]);
    const collected = await patientWithBalance(database, p, now, ["2026-03-02"]);
    expect(await startDueOutreachSets(database, p.practiceId, now)).toBe(2);
    const setOf = async (clientId: string) =>
      (await list(p, {})).items.find((i) => i.patient.clientId === clientId)!.id;
    for (const [who, action] of [
      [cancelled, "cancel"],
      [collected, "send_to_collections"],
    ] as const) {
      const setId = await setOf(who.clientId);
      await applyOutreachAction(database, { actor: p.actor, setId, request: { action }, now });
    }
    // The balances are still owed, and days later nothing restarts the chase the biller ended.
    const later = local("2026-03-20T12:00", ZONE);
    expect(await startDueOutreachSets(database, p.practiceId, later)).toBe(0);
    // A new charge of the cancelled patient, outstanding long enough, starts a new set.
    await issueInvoice(database, p, cancelled.clientId, later, "2026-03-11");
    expect(await startDueOutreachSets(database, p.practiceId, later)).toBe(1);
    expect(await startDueOutreachSets(database, p.practiceId, later)).toBe(0);
  });

  it("each action is available exactly for the seed's statuses, single and in bulk; refused ones write nothing", async () => {
    const p = await createBillingPractice(database, ZONE, now, "Actions");
    const rs = await defaultRuleSet(database, p, now);
    const other = await saveRuleSet(database, {
      actor: p.actor,
      body: { ...THREE_STEPS, name: "Gentle", isDefault: false },
      now,
    });
    const statuses: OutreachSetStatus[] = [
      "active",
      "paused",
      "expired",
      "failed",
      "will_fail",
      "paid",
      "cancelled",
      "written_off",
      "collections",
    ];
    const actions = Object.keys(outreachActionAvailability) as OutreachAction[];
    for (const action of actions) {
      for (const status of statuses) {
        const { clientId } = await patientWithBalance(database, p, now, ["2026-03-02"]);
        const setId = await startOutreachSet(database, { actor: p.actor, clientId, now });
        await forceStatus(setId, status);
        const before = await counts();
        const request = { action, ruleSetId: other.id };
        const allowed = outreachActionAvailability[action].includes(status);
        const code = await codeOf(applyOutreachAction(database, { actor: p.actor, setId, request, now }));
        if (!allowed) {
          expect([action, status, code]).toEqual([action, status, "ACTION_NOT_ALLOWED"]);
          expect(await counts()).toEqual(before);
          expect((await setRow(setId)).status).toBe(status);
        } else {
          expect([action, status, code]).toEqual([action, status, undefined]);
        }
        // Close it so the next loop's patient is alone in its own set.
        await forceStatus(setId, "cancelled");
      }
    }
    expect(rs.id).toBeTruthy();
  });

  it("write off writes the balances off in the ledger; collections export; bulk reports done and skipped", async () => {
    const p = await createBillingPractice(database, ZONE, now, "Bulk");
    await defaultRuleSet(database, p, now);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { clientId } = await patientWithBalance(database, p, now, ["2026-03-02", "2026-03-03"], {
        firstName: `P${i}`,
      });
      ids.push(await startOutreachSet(database, { actor: p.actor, clientId, now }));
    }
    const [a, b, c, d] = ids as [string, string, string, string];
    await applyOutreachAction(database, { actor: p.actor, setId: a, request: { action: "pause" }, now });
    const wo = await applyOutreachAction(database, {
      actor: p.actor,
      setId: b,
      request: { action: "write_off" },
      now,
    });
    expect(wo).toMatchObject({ status: "written_off", amountOutstandingCents: 0 });
    const written = await database.db
      .select()
      .from(tables.clientWriteOffs)
      .where(eq(tables.clientWriteOffs.clientId, wo.patient.clientId));
    expect(written.map((w) => [w.kind, w.amountCents, w.reason])).toEqual([
      ["write_off", 17500, "Outreach write-off: write_off"],
      ["write_off", 17500, "Outreach write-off: write_off"],
    ]);

    const bulk = await applyBulkOutreachAction(database, {
      actor: p.actor,
      setIds: [a, b, c, d],
      request: { action: "resume" },
      now,
    });
    expect(bulk.done).toBe(1);
    expect(bulk.doneIds).toEqual([a]);
    expect(bulk.skipped.map((s) => [s.setId, s.code])).toEqual([
      [b, "ACTION_NOT_ALLOWED"],
      [c, "ACTION_NOT_ALLOWED"],
      [d, "ACTION_NOT_ALLOWED"],
    ]);
    const sent = await applyBulkOutreachAction(database, {
      actor: p.actor,
      setIds: [b, c, d],
      request: { action: "send_to_collections" },
      now,
    });
    expect([sent.done, sent.skipped.map((s) => s.setId)]).toEqual([2, [b]]);
    const csv = await exportCollectionsCsv(database, { actor: p.actor, now });
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^set_id,patient_id,first_name/);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(",")[0])
        .sort(),
    ).toEqual([c, d].sort());
    expect(lines[1]).toContain("350.00");
    expect(await countOutreachMetrics(database, p.actor)).toEqual({
      failed: 0,
      expired: 0,
      paused: 0,
      willFail: 0,
    });
  });

  it("filters alone and combined; the metric cards follow the practice, not the filter", async () => {
    const p = await createBillingPractice(database, ZONE, now, "Filters");
    const rs = await defaultRuleSet(database, p, now);
    const other = await saveRuleSet(database, {
      actor: p.actor,
      body: { ...THREE_STEPS, name: "B", isDefault: false },
      now,
    });
    const mk = async (firstName: string, phone: string, dates: string[]) => {
      const { clientId } = await patientWithBalance(database, p, now, dates, { firstName, phone });
      return { clientId, setId: await startOutreachSet(database, { actor: p.actor, clientId, now }) };
    };
    const ann = await mk("Annabel", "512-201-4567", ["2026-03-02"]);
    const bob = await mk("Bob", "512-201-9999", ["2026-03-02", "2026-03-03"]);
    const cy = await mk("Cyrus", "737-555-0101", ["2026-03-02", "2026-03-03", "2026-03-04"]);
    await applyOutreachAction(database, {
      actor: p.actor,
      setId: bob.setId,
      request: { action: "pause" },
      now,
    });
    await applyOutreachAction(database, {
      actor: p.actor,
      setId: cy.setId,
      request: { action: "change_rule_set", ruleSetId: other.id },
      now,
    });
    await forceStatus(cy.setId, "failed");
    await database.db.execute(
      sql`UPDATE outreach_sets SET created_at = '2026-02-01T00:00:00Z' WHERE id = ${ann.setId}::uuid`,
    );
    const ids = async (q: Record<string, unknown>) => (await list(p, q)).items.map((i) => i.id).sort();
    expect(await ids({ search: "annab" })).toEqual([ann.setId]);
    expect(await ids({ search: "(512) 201-9999" })).toEqual([bob.setId]);
    expect(await ids({ search: "2014567" })).toEqual([ann.setId]);
    expect(await ids({ search: cy.setId })).toEqual([cy.setId]);
    expect(await ids({ search: cy.clientId })).toEqual([cy.setId]);
    expect(await ids({ status: "paused,failed" })).toEqual([bob.setId, cy.setId].sort());
    expect(await ids({ minAmountCents: "30000" })).toEqual([bob.setId, cy.setId].sort());
    expect(await ids({ maxAmountCents: "35000" })).toEqual([ann.setId, bob.setId].sort());
    expect(await ids({ minAmountCents: "30000", maxAmountCents: "40000" })).toEqual([bob.setId]);
    expect(await ids({ createdTo: "2026-02-02T00:00:00Z" })).toEqual([ann.setId]);
    expect(await ids({ createdFrom: "2026-03-01T00:00:00Z" })).toEqual([bob.setId, cy.setId].sort());
    expect(await ids({ ruleSetId: other.id })).toEqual([cy.setId]);
    expect(await ids({ ruleSetId: rs.id, status: "active" })).toEqual([ann.setId]);
    // Next send: Annabel's and Cyrus's first SMS is today (in the window); Bob is paused (nothing scheduled).
    expect(await ids({ nextSendFrom: "2026-03-10T00:00:00Z", nextSendTo: "2026-03-11T00:00:00Z" })).toEqual(
      [ann.setId, cy.setId].sort(),
    );
    expect(await ids({ nextSendFrom: "2026-03-11T00:00:00Z" })).toEqual([]);
    expect(await ids({ search: "annabel", status: "paused" })).toEqual([]);
    expect(await countOutreachMetrics(database, p.actor)).toEqual({
      failed: 1,
      expired: 0,
      paused: 1,
      willFail: 0,
    });
    // One and two letters, either name order, and a phone number in any format (every patient is "… Client").
    expect(await ids({ search: "y" })).toEqual([cy.setId]);
    expect(await ids({ search: "bo" })).toEqual([bob.setId]);
    expect(await ids({ search: "nt" })).toEqual([ann.setId, bob.setId, cy.setId].sort());
    expect(await ids({ search: "client, b" })).toEqual([bob.setId]);
    expect(await ids({ search: "+1 512 201 9999" })).toEqual([bob.setId]);
    expect(await ids({ search: "512.201.9999" })).toEqual([bob.setId]);
    expect(await ids({ search: "5122019999" })).toEqual([bob.setId]);
    expect(await ids({ search: "9999" })).toEqual([bob.setId]);
    expect(await ids({ search: "201" })).toEqual([]);
    expect(await ids({ search: "bo", status: "active" })).toEqual([]);
    // A search lists the matching patients' sets (searchedClientIds), or, past SEARCH_PATIENT_LIMIT patients, keeps
    // its terms in the one query: both give the same sets.
    const oneQuery = async (q: Record<string, unknown>) =>
      rowsOf<{ id: string }>(
        await database.db.execute(
          outreachListSql(p.actor.practiceId, listOutreachSetsQuerySchema.parse(q), null),
        ),
      )
        .map((r) => r.id)
        .sort();
    for (const search of [
      "y",
      "bo",
      "nt",
      "client, b",
      "annab",
      "+1 512 201 9999",
      "9999",
      "2014567",
      "201",
    ]) {
      expect(await searchedClientIds(database.db, p.actor.practiceId, search)).not.toBeNull();
      expect(await ids({ search })).toEqual(await oneQuery({ search }));
      expect(await ids({ search, status: "paused" })).toEqual(await oneQuery({ search, status: "paused" }));
    }
  });
});
