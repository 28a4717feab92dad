import { testBackends } from "@billcycle/testing";
import {
  errorCode,
  type Harness,
  openHarness,
  type PracticeFixture,
  refsOf,
} from "@billcycle/testing/api-harness";
import { createBody } from "@billcycle/testing/bodies";
import { rowCounts, sqlRows } from "@billcycle/testing/db-state";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe.each(testBackends())("appointments on %s", (backend) => {
  let h: Harness;
  let chicago: PracticeFixture;

  beforeAll(async () => {
    h = await openHarness(backend);
    chicago = await h.newPractice("Chicago", { timeZone: "America/Chicago" });
    await h.seedRecords(chicago);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const schedule = async (
    p: PracticeFixture,
    startsAt: string,
    endsAt: string,
    extra: Record<string, unknown> = {},
  ) => {
    const res = await h.call("POST", `/api/v1/practices/${p.id}/appointments`, {
      token: p.users.owner.token,
      body: { ...createBody("appointments", refsOf(p)), startsAt, endsAt, ...extra },
    });
    expect(res.status, res.text).toBe(201);
    return res.json;
  };

  const history = async (appointmentId: string) =>
    (
      await sqlRows(
        h.database,
        `SELECT from_status, to_status, by_user_id, (extract(epoch FROM at) * 1000)::bigint AS at_ms
           FROM appointment_status_history WHERE appointment_id = '${appointmentId}' ORDER BY at, id`,
      )
    ).map((r) => ({ from: r.from_status, to: r.to_status, by: r.by_user_id, atMs: Number(r.at_ms) }));

  it("the date of service is the calendar date in the practice's zone, not in UTC", async () => {
    const evening = await schedule(chicago, "2026-03-04T04:30:00Z", "2026-03-04T05:20:00Z");
    expect(evening.dateOfService).toBe("2026-03-03");
    const morning = await schedule(chicago, "2026-03-04T15:00:00Z", "2026-03-04T16:00:00Z");
    expect(morning.dateOfService).toBe("2026-03-04");
  });

  it("the same instant falls on different dates in different practices", async () => {
    const tokyo = await h.newPractice("Tokyo", { timeZone: "Asia/Tokyo" });
    await h.seedRecords(tokyo);
    const honolulu = await h.newPractice("Honolulu", { timeZone: "Pacific/Honolulu" });
    await h.seedRecords(honolulu);
    const at = ["2026-03-04T12:30:00Z", "2026-03-04T13:20:00Z"] as const;
    expect((await schedule(tokyo, ...at)).dateOfService).toBe("2026-03-04");
    expect((await schedule(honolulu, ...at)).dateOfService).toBe("2026-03-04");
    const late = ["2026-03-04T15:30:00Z", "2026-03-04T16:20:00Z"] as const;
    expect((await schedule(tokyo, ...late)).dateOfService).toBe("2026-03-05");
    const early = ["2026-03-04T09:30:00Z", "2026-03-04T10:20:00Z"] as const;
    expect((await schedule(honolulu, ...early)).dateOfService).toBe("2026-03-03");
  });

  it("dates of service around the daylight-saving changes", async () => {
    // 23:30 on Saturday 7 March, CST (UTC-6), just before clocks spring forward.
    expect((await schedule(chicago, "2026-03-08T05:30:00Z", "2026-03-08T06:20:00Z")).dateOfService).toBe(
      "2026-03-07",
    );
    // 23:30 on Sunday 8 March, now CDT (UTC-5).
    expect((await schedule(chicago, "2026-03-09T04:30:00Z", "2026-03-09T05:20:00Z")).dateOfService).toBe(
      "2026-03-08",
    );
    // 23:30 on Saturday 31 October, CDT; and on Sunday 1 November after falling back to CST.
    expect((await schedule(chicago, "2026-11-01T04:30:00Z", "2026-11-01T05:20:00Z")).dateOfService).toBe(
      "2026-10-31",
    );
    expect((await schedule(chicago, "2026-11-02T05:30:00Z", "2026-11-02T06:20:00Z")).dateOfService).toBe(
      "2026-11-01",
    );
  });

  it("moving an appointment recomputes its date of service; changing the practice zone later does not", async () => {
    const appt = await schedule(chicago, "2026-03-10T15:00:00Z", "2026-03-10T16:00:00Z");
    const moved = await h.call("PATCH", `/api/v1/practices/${chicago.id}/appointments/${String(appt.id)}`, {
      token: chicago.users.owner.token,
      body: { version: appt.version, startsAt: "2026-03-11T03:00:00Z", endsAt: "2026-03-11T04:00:00Z" },
    });
    expect(moved.status).toBe(200);
    expect(moved.json.dateOfService).toBe("2026-03-10");

    const p = await h.newPractice("Moving", { timeZone: "America/New_York" });
    await h.seedRecords(p);
    const fixed = await schedule(p, "2026-03-11T04:30:00Z", "2026-03-11T05:00:00Z");
    expect(fixed.dateOfService).toBe("2026-03-11");
    const practice = await h.call("GET", `/api/v1/practices/${p.id}`, { token: p.users.owner.token });
    const rezoned = await h.call("PATCH", `/api/v1/practices/${p.id}`, {
      token: p.users.owner.token,
      body: { version: practice.json.version, timeZone: "America/Los_Angeles" },
    });
    expect(rezoned.json.timeZone).toBe("America/Los_Angeles");
    const reread = await h.call("GET", `/api/v1/practices/${p.id}/appointments/${String(fixed.id)}`, {
      token: p.users.owner.token,
    });
    expect(reread.json.dateOfService).toBe("2026-03-11");
    expect((await schedule(p, "2026-03-11T04:30:00Z", "2026-03-11T05:00:00Z")).dateOfService).toBe(
      "2026-03-10",
    );
  });

  it("status changes follow the table and each one writes a history row", async () => {
    h.clock.set("2026-03-05T12:00:00Z");
    const appt = await schedule(chicago, "2026-03-05T15:00:00Z", "2026-03-05T16:00:00Z");
    const id = String(appt.id);
    expect(appt.status).toBe("upcoming");
    const status = (to: string, version?: number) =>
      h.call("POST", `/api/v1/practices/${chicago.id}/appointments/${id}/status`, {
        token: chicago.users.clinician.token,
        body: version === undefined ? { status: to } : { status: to, version },
      });

    h.clock.set("2026-03-05T16:05:00Z");
    const noShow = await status("no_show", Number(appt.version));
    expect(noShow.json).toMatchObject({ status: "no_show", version: Number(appt.version) + 1 });
    expect(new Date(String(noShow.json.statusChangedAt)).toISOString()).toBe("2026-03-05T16:05:00.000Z");
    h.clock.set("2026-03-05T16:10:00Z");
    expect((await status("kept")).json.status).toBe("kept");
    h.clock.set("2026-03-05T16:15:00Z");
    const illegal = await status("canceled");
    expect([illegal.status, errorCode(illegal)]).toEqual([409, "ILLEGAL_TRANSITION"]);
    h.clock.set("2026-03-05T16:20:00Z");
    expect((await status("upcoming")).json.status).toBe("upcoming");
    expect((await status("canceled")).json.status).toBe("canceled");

    const owner = chicago.users.owner.id;
    const clinician = chicago.users.clinician.id;
    expect(await history(id)).toEqual([
      { from: null, to: "upcoming", by: owner, atMs: Date.parse("2026-03-05T12:00:00Z") },
      { from: "upcoming", to: "no_show", by: clinician, atMs: Date.parse("2026-03-05T16:05:00Z") },
      { from: "no_show", to: "kept", by: clinician, atMs: Date.parse("2026-03-05T16:10:00Z") },
      { from: "kept", to: "upcoming", by: clinician, atMs: Date.parse("2026-03-05T16:20:00Z") },
      { from: "upcoming", to: "canceled", by: clinician, atMs: Date.parse("2026-03-05T16:20:00Z") },
    ]);
  });

  it("service lines: units and modifiers default from the service, keep their order, and can be replaced", async () => {
    const base = `/api/v1/practices/${chicago.id}`;
    const token = chicago.users.owner.token;
    const intake = await h.call("POST", `${base}/services`, {
      token,
      body: { code: "90791", description: "Intake", feeCents: 20000, defaultUnits: 2, modifiers: ["95"] },
    });
    expect(intake.status).toBe(201);
    const therapy = chicago.records.services!.id; // 90837, 1 unit, modifier HO
    const appt = await schedule(chicago, "2026-03-06T15:00:00Z", "2026-03-06T16:00:00Z", {
      services: [
        { serviceId: String(intake.json.id) },
        { serviceId: therapy, units: 3, modifiers: ["GT", "59"] },
        { serviceId: therapy },
      ],
    });
    expect(appt.services).toEqual([
      { serviceId: intake.json.id, units: 2, modifiers: ["95"] },
      { serviceId: therapy, units: 3, modifiers: ["GT", "59"] },
      { serviceId: therapy, units: 1, modifiers: ["HO"] },
    ]);
    const read = await h.call("GET", `${base}/appointments/${String(appt.id)}`, { token });
    expect(read.json.services).toEqual(appt.services);
    const listed = await h.call("GET", `${base}/appointments?from=2026-03-06&to=2026-03-06`, { token });
    expect(
      (listed.json.data as Array<{ id: string; services: unknown }>).find((a) => a.id === appt.id)?.services,
    ).toEqual(appt.services);

    const replaced = await h.call("PATCH", `${base}/appointments/${String(appt.id)}`, {
      token,
      body: { version: appt.version, services: [{ serviceId: therapy, units: 1 }] },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.json.services).toEqual([{ serviceId: therapy, units: 1, modifiers: ["HO"] }]);
    const lines = await sqlRows(
      h.database,
      `SELECT count(*)::int AS n FROM appointment_services WHERE appointment_id = '${String(appt.id)}'`,
    );
    expect(lines[0]?.n).toBe(1);
  });

  it("an unknown service on a line refuses the whole appointment", async () => {
    const before = await rowCounts(h.database);
    const res = await h.call("POST", `/api/v1/practices/${chicago.id}/appointments`, {
      token: chicago.users.owner.token,
      body: {
        ...createBody("appointments", refsOf(chicago)),
        services: [
          { serviceId: chicago.records.services!.id },
          { serviceId: "0190a000-0000-7000-8000-000000000000" },
        ],
      },
    });
    expect([res.status, errorCode(res)]).toEqual([422, "REFERENCE_NOT_FOUND"]);
    expect((res.json.error as { issues: Array<{ path: string }> }).issues[0]?.path).toBe(
      "services.1.serviceId",
    );
    expect(await rowCounts(h.database)).toEqual(before);
  });

  it("appointments are never deleted (they are canceled): there is no DELETE route", async () => {
    const res = await h.call(
      "DELETE",
      `/api/v1/practices/${chicago.id}/appointments/${chicago.records.appointments!.id}`,
      {
        token: chicago.users.owner.token,
      },
    );
    expect(res.status).toBe(404);
    const still = await h.call(
      "GET",
      `/api/v1/practices/${chicago.id}/appointments/${chicago.records.appointments!.id}`,
      {
        token: chicago.users.owner.token,
      },
    );
    expect(still.status).toBe(200);
  });
});
