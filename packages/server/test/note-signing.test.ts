import { tables } from "@billcycle/db";
import { testBackends } from "@billcycle/testing";
import {
  errorCode,
  type Harness,
  openHarness,
  type PracticeFixture,
  refsOf,
} from "@billcycle/testing/api-harness";
import { createBody } from "@billcycle/testing/bodies";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Issue 18 item 7: a progress note is signed by its author (the session's provider's user) or a supervisor; anyone
 * else is refused with NOT_NOTE_AUTHOR; a biller asks the clinician instead, and the clinician sees the request.
 */
describe.each(testBackends())("progress notes are signed by their author (%s)", (backend) => {
  let h: Harness;
  let p: PracticeFixture;
  let appointmentId: string;
  beforeAll(async () => {
    h = await openHarness(backend);
    p = await h.newPractice("Notes");
    await h.seedRecords(p);
    const res = await h.call("POST", `/api/v1/practices/${p.id}/appointments`, {
      token: p.users.owner.token,
      body: {
        ...createBody("appointments", refsOf(p)),
        startsAt: "2026-03-03T15:00:00Z",
        endsAt: "2026-03-03T16:00:00Z",
      },
    });
    appointmentId = String(res.json.id);
  });
  afterAll(async () => h?.dispose());

  const sign = (role: keyof PracticeFixture["users"]) =>
    h.call("POST", `/api/v1/practices/${p.id}/appointments/${appointmentId}/note/sign`, {
      token: p.users[role].token,
    });

  it("refuses a clinician who is not the provider (NOT_NOTE_AUTHOR) and a biller (FORBIDDEN); the biller asks instead", async () => {
    const other = await sign("clinician");
    expect([other.status, errorCode(other)]).toEqual([403, "NOT_NOTE_AUTHOR"]);
    const biller = await sign("biller");
    expect([biller.status, errorCode(biller)]).toEqual([403, "FORBIDDEN"]);
    const notes = await h.database.db
      .select()
      .from(tables.progressNotes)
      .where(eq(tables.progressNotes.appointmentId, appointmentId));
    expect(notes).toEqual([]);

    const asked = await h.call(
      "POST",
      `/api/v1/practices/${p.id}/appointments/${appointmentId}/note/signature-request`,
      { token: p.users.biller.token, body: { message: "Needed for Friday's claims" } },
    );
    expect(asked.status).toBe(200);
    expect(asked.json).toMatchObject({ appointmentId, created: true });
    const again = await h.call(
      "POST",
      `/api/v1/practices/${p.id}/appointments/${appointmentId}/note/signature-request`,
      { token: p.users.biller.token, body: {} },
    );
    expect(again.json).toMatchObject({ id: asked.json.id, created: false });

    // The clinician sees it once linked to the session's provider.
    const mine = () =>
      h.call("GET", `/api/v1/practices/${p.id}/note-signature-requests?mine=true`, {
        token: p.users.clinician.token,
      });
    expect((await mine()).json.data).toEqual([]);
    // Linked through the API: only a member of the practice can be a provider's user.
    const providerPath = `/api/v1/practices/${p.id}/providers/${String(asked.json.providerId)}`;
    const provider = await h.call("GET", providerPath, { token: p.users.owner.token });
    const stranger = await h.newPractice("Elsewhere");
    const refused = await h.call("PATCH", providerPath, {
      token: p.users.owner.token,
      body: { version: provider.json.version, userId: stranger.users.clinician.id },
    });
    expect([refused.status, errorCode(refused)]).toEqual([422, "REFERENCE_NOT_FOUND"]);
    const linked = await h.call("PATCH", providerPath, {
      token: p.users.owner.token,
      body: { version: provider.json.version, userId: p.users.clinician.id },
    });
    expect(linked.status).toBe(200);
    expect(linked.json.userId).toBe(p.users.clinician.id);
    const list = (await mine()).json.data as Array<Record<string, unknown>>;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ appointmentId, message: "Needed for Friday's claims" });
    expect(String(list[0]?.requestedBy)).toContain("biller");

    // Now the clinician is the author: the note is written and signed, recording who signed.
    const signed = await sign("clinician");
    expect(signed.status).toBe(200);
    expect(signed.json).toMatchObject({
      signed: true,
      signedByUserId: p.users.clinician.id,
      signedByProviderId: asked.json.providerId,
    });
    expect((await mine()).json.data).toEqual([]);
    expect(signed.json.signedByName).toBe("Notes clinician");

    // The note as the session page reads it says who signed, by name, and when.
    const read = await h.call(
      "GET",
      `/api/v1/practices/${p.id}/progress-notes?appointmentId=${appointmentId}`,
      {
        token: p.users.biller.token,
      },
    );
    expect(read.status).toBe(200);
    expect(read.json.data).toEqual([
      expect.objectContaining({
        signed: true,
        signedAt: signed.json.signedAt,
        signedByUserId: p.users.clinician.id,
        signedByName: "Notes clinician",
      }),
    ]);
  });

  it("an unsigned note names no signer", async () => {
    const other = await h.call("POST", `/api/v1/practices/${p.id}/appointments`, {
      token: p.users.owner.token,
      body: {
        ...createBody("appointments", refsOf(p)),
        startsAt: "2026-03-04T15:00:00Z",
        endsAt: "2026-03-04T16:00:00Z",
      },
    });
    const note = await h.call("POST", `/api/v1/practices/${p.id}/progress-notes`, {
      token: p.users.owner.token,
      body: { appointmentId: String(other.json.id) },
    });
    expect(note.status).toBe(201);
    expect(note.json).toMatchObject({ signed: false, signedByUserId: null, signedByName: null });
  });
});
