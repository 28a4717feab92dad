import { newId, tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPractice } from "../practices/create-practice";
import { createUser } from "../users/create-user";
import { describeHistory } from "./history-words";

const now = new Date("2026-12-06T15:00:00Z");

const practiceInput = (name: string) => ({
  name,
  timeZone: "America/Chicago",
  address: { line1: "1 Main St", city: "Springfield", state: "IL", zip: "62701" },
  taxId: "12-3456789",
  billingNpi: "1234567893",
  taxonomyCode: "101YM0800X",
});

describe.each(testBackends())("history entries in words (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  it("names people of the practice, the engine's automations and runs; never an id", async () => {
    const tag = newId(now.getTime()).slice(-8);
    const dana = await createUser(database, {
      input: { email: `dana-${tag}@example.com`, name: "Dana Biller", password: "a long enough passphrase" },
      memberships: [],
      now,
    });
    const outsider = await createUser(database, {
      input: { email: `out-${tag}@example.com`, name: "Someone Else", password: "a long enough passphrase" },
      memberships: [],
      now,
    });
    const { id: practiceId } = await createPractice(database, {
      input: practiceInput(`Words ${tag}`),
      ownerUserId: dana.id,
      now,
    });
    await createPractice(database, { input: practiceInput(`Other ${tag}`), ownerUserId: outsider.id, now });
    const nightly = newId(now.getTime());
    const byHand = newId(now.getTime() + 1);
    await database.db.insert(tables.automationRuns).values([
      {
        id: nightly,
        practiceId,
        automation: "invoice_creation",
        trigger: "schedule",
        localDate: "2026-12-05",
        scheduledAt: now,
        status: "done",
        createdAt: now,
      },
      {
        id: byHand,
        practiceId,
        automation: "claims_submission",
        trigger: "manual",
        localDate: "2026-12-06",
        scheduledAt: now,
        status: "done",
        createdAt: now,
      },
    ]);
    const words = await describeHistory(database.db, practiceId, [
      { actor: "system:invoice_creation", cause: `run:${nightly}` },
      { actor: "system:on_kept", cause: "on_kept" },
      { actor: `user:${dana.id}`, cause: "waived: pro bono" },
      { actor: `user:${outsider.id}`, cause: null },
      { actor: "system:claims_submission", cause: { kind: "run", id: byHand } },
      { actor: "system:acknowledgments", cause: { kind: "acknowledgment", ack: "277CA", codes: ["A1:20"] } },
      { actor: "system:claims_submission", cause: { kind: "scrub", codes: ["NO_TAXONOMY"] } },
      { actor: "system:invoice_creation", cause: `run:${newId(now.getTime() + 2)}` },
      { actor: "e2e-setup", cause: "manual" },
    ]);
    expect(words).toEqual([
      { actorName: "Automation (Invoice Creation)", causeText: "Nightly invoice creation run of Dec 5" },
      { actorName: "Automation (on Kept)", causeText: "the session was marked Kept" },
      { actorName: "Dana Biller", causeText: "waived: pro bono" },
      // A user of another practice is not named here, whatever the label says.
      { actorName: "A former member of the practice", causeText: null },
      {
        actorName: "Automation (Claims Submission)",
        causeText: "Claims Submission run started by hand on Dec 6",
      },
      {
        actorName: "Automation (acknowledgments)",
        causeText: "the clearinghouse's 277CA acknowledgment (A1:20)",
      },
      { actorName: "Automation (Claims Submission)", causeText: "the scrubber rejected it (NO_TAXONOMY)" },
      { actorName: "Automation (Invoice Creation)", causeText: "an automation run" },
      { actorName: "e2e setup", causeText: "started by hand" },
    ]);
  });
});
