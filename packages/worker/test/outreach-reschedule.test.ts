import { clientsResource, getOutreachTimeline, startOutreachSet, updateResource } from "@billcycle/app";
import { ManualClock } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { createBillingPractice } from "@billcycle/testing/billing-fixture";
import { local } from "@billcycle/testing/engine-harness";
import { defaultRuleSet, patientWithBalance } from "@billcycle/testing/outreach-fixture";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ZONE = "America/Chicago";

/**
 * A patient's time zone changes (set on the patient, or from a new address): their working set's next send time
 * moves into the new zone's window in the same transaction, and the timeline says so. On the night before the US
 * DST change (2026-03-08), so 09:00 in each zone is checked against its offset after the change.
 */
describe.each(testBackends())("rescheduling on a changed zone (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it("moves the next send into the new zone's window across zones and the DST change, and says so", async () => {
    // 22:30 CST on Saturday 7 March: 04:30Z, past every US window; the clocks go forward that night.
    const clock = new ManualClock(local("2026-03-07T22:30", ZONE));
    const p = await createBillingPractice(database, ZONE, clock.now(), "Rezoned");
    await defaultRuleSet(database, p, clock.now());
    const { clientId } = await patientWithBalance(database, p, clock.now(), ["2026-03-02"], {
      phone: "+15122018001",
      state: "TX",
    });
    const setId = await startOutreachSet(database, { actor: p.actor, clientId, now: clock.now() });
    const set = async () =>
      (await database.db.select().from(tables.outreachSets).where(eq(tables.outreachSets.id, setId)))[0]!;
    const client = async () =>
      (await database.db.select().from(tables.clients).where(eq(tables.clients.id, clientId)))[0]!;
    const change = async (patch: Record<string, unknown>) => {
      clock.advance(60_000);
      await updateResource(database, clientsResource, {
        actor: p.actor,
        id: clientId,
        version: (await client()).version,
        patch,
        now: clock.now(),
      });
      return (await set()).nextSendAt?.toISOString();
    };
    // 09:00 CDT (UTC-5, after the change) in Austin.
    expect((await set()).nextSendAt?.toISOString()).toBe("2026-03-08T14:00:00.000Z");
    // Set on the patient: 09:00 PDT in Los Angeles.
    expect(await change({ timeZone: "America/Los_Angeles" })).toBe("2026-03-08T16:00:00.000Z");
    // Back to the address, now in New York: 09:00 EDT.
    const ny = { line1: "1 Park Row", city: "New York", state: "NY", zip: "10038" };
    expect(await change({ timeZone: null, address: ny })).toBe("2026-03-08T13:00:00.000Z");
    // London has not changed its clocks yet: 09:00 GMT.
    expect(await change({ timeZone: "Europe/London" })).toBe("2026-03-08T09:00:00.000Z");
    const version = (await set()).version;
    // A change that leaves the zone as it is (another address, the patient's own zone still set) moves nothing.
    expect(await change({ address: { ...ny, line1: "2 Park Row" } })).toBe("2026-03-08T09:00:00.000Z");
    expect((await set()).version).toBe(version);

    const timeline = await getOutreachTimeline(database, { actor: p.actor, setId, now: clock.now() });
    const rescheduled = timeline.events
      .filter((e) => e.kind === "rescheduled")
      .map((e) => [e.details?.fromZone, e.details?.toZone, e.details?.to]);
    expect(rescheduled).toEqual([
      ["America/Chicago", "America/Los_Angeles", "2026-03-08T16:00:00.000Z"],
      ["America/Los_Angeles", "America/New_York", "2026-03-08T13:00:00.000Z"],
      ["America/New_York", "Europe/London", "2026-03-08T09:00:00.000Z"],
    ]);
  });
});
