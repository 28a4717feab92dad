import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { tables } from "@billcycle/db";
import { testBackends } from "@billcycle/testing";
import { errorCode, type Harness, openHarness, type PracticeFixture } from "@billcycle/testing/api-harness";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Json = Record<string, unknown>;

describe.each(testBackends())("Submit now says what it will do (%s)", (backend) => {
  let h: Harness;
  let practice: PracticeFixture;
  beforeAll(async () => {
    // The practice has no connection: its files go to the directory drop, here a temporary folder.
    process.env.BILLCYCLE_CLAIMS_DIR = mkdtempSync(join(tmpdir(), "bc-drop-"));
    h = await openHarness(backend);
    practice = await h.newPractice("Submit now");
    await h.seedRecords(practice, { engine: true });
  });
  afterAll(async () => h?.dispose());

  const submit = (body: Json, token = practice.users.biller.token) =>
    h.call("POST", `/api/v1/practices/${practice.id}/claims/submit`, { token, body });
  const awaiting = async () =>
    h.database.db
      .select({ id: tables.claims.id, pcn: tables.claims.patientControlNumber, status: tables.claims.status })
      .from(tables.claims)
      .where(eq(tables.claims.practiceId, practice.id));

  it("a dry run names the claim resting its day instead of saying 0 considered with no reason", async () => {
    const [claim] = await awaiting();
    expect(claim?.status).toBe("awaiting_submission");
    const r = await submit({ dryRun: true });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ considered: 0, submitted: 0, runId: null });
    expect(r.json.held).toEqual({
      resting: 1,
      excluded: 0,
      claims: [
        {
          claimId: claim!.id,
          patientControlNumber: claim!.pcn,
          code: "RESTING",
          message: "created today: with one step per day it rests until the next run",
        },
      ],
    });
  });

  it("send anyway: a dry run with sendHeld takes the resting claim, and nothing is stored", async () => {
    const r = await submit({ dryRun: true, sendHeld: true });
    // Taken into the run: scrubbed (the seeded claim's data fails the scrubber, which is what a dry run is for).
    expect(r.json).toMatchObject({ considered: 1, held: { resting: 0, excluded: 0, claims: [] } });
    expect(Number(r.json.submitted) + Number(r.json.scrubberRejected)).toBe(1);
    expect((await awaiting())[0]?.status).toBe("awaiting_submission");
    const runs = await h.database.db
      .select()
      .from(tables.automationRuns)
      .where(eq(tables.automationRuns.automation, "claims_submission"));
    expect(runs.filter((x) => x.practiceId === practice.id)).toEqual([]);
  });

  it("a real Submit now is a manual run in Automation runs with its counts; a read-only user cannot", async () => {
    const denied = await submit({ sendHeld: true }, practice.users.read_only.token);
    expect([denied.status, errorCode(denied)]).toEqual([403, "FORBIDDEN"]);
    const r = await submit({ sendHeld: true });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ considered: 1 });
    const runId = String(r.json.runId);
    const runs = await h.call(
      "GET",
      `/api/v1/practices/${practice.id}/automation-runs?automation=claims_submission`,
      {
        token: practice.users.read_only.token,
      },
    );
    expect((runs.json.data as Json[]).map((x) => [x.id, x.trigger, x.status])).toEqual([
      [runId, "manual", "done"],
    ]);
    expect((runs.json.data as Json[])[0]?.counts).toMatchObject({ considered: 1, resting: 0 });
    expect((await awaiting())[0]?.status).not.toBe("awaiting_submission");
  });
});
