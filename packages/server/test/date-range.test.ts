import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultTransportResolver, x12ClaimsPipeline } from "@billcycle/app";
import { testBackends } from "@billcycle/testing";
import {
  type CallOptions,
  type Harness,
  openHarness,
  type PracticeFixture,
  refsOf,
} from "@billcycle/testing/api-harness";
import { createBody, type Json } from "@billcycle/testing/bodies";
import { drainJobs, tickClock } from "@billcycle/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRefused } from "./support/refusals";

/**
 * Dates and times outside the supported range (dates 1900-01-01 to 2999-12-31; instants whose date is within
 * that range in every zone, 1900-01-01T12:00:00Z to 2999-12-31T09:59:59.999Z) are refused at the edge with the
 * API's validation error — 400 INVALID_DATE naming the field, nothing written — instead of reaching PostgreSQL
 * and failing there with a 500. The bounds themselves are accepted, stored and read back.
 */
describe.each(testBackends())("dates outside the supported range on %s", (backend) => {
  let h: Harness;
  let p: PracticeFixture;
  let base: string;

  beforeAll(async () => {
    h = await openHarness(backend);
    p = await h.newPractice("Dates");
    await h.seedRecords(p);
    base = `/api/v1/practices/${p.id}`;
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const call = (method: string, path: string, options: CallOptions = {}, practice = p) =>
    h.call(method, path, { token: practice.users.owner.token, ...options });

  /** One request that must be 400 INVALID_DATE naming `field` (in its message too), with every table as it was. */
  const refused = async (method: string, path: string, options: CallOptions, field: string, practice = p) => {
    const res = await expectRefused(
      h,
      practice.users.owner.token,
      { method, path, options },
      { status: 400, code: "INVALID_DATE", field },
    );
    expect(String((res.json.error as { message?: unknown }).message)).toContain(field);
  };

  /** One request that must succeed with `status`. */
  const accepted = async (
    method: string,
    path: string,
    options: CallOptions,
    status: number,
    practice = p,
  ): Promise<Json> => {
    const res = await call(method, path, options, practice);
    expect({ status: res.status, body: res.status === status ? "" : res.text }).toEqual({ status, body: "" });
    return res.json;
  };

  const outside = ["0000-01-01", "1899-12-31", "3000-01-01", "9999-12-31"];

  it("list filters from/to on appointments and invoices refuse dates outside the range; the bounds list", async () => {
    for (const resource of ["appointments", "invoices"]) {
      for (const field of ["from", "to"]) {
        for (const value of outside) await refused("GET", `${base}/${resource}?${field}=${value}`, {}, field);
      }
      await accepted("GET", `${base}/${resource}?from=1900-01-01&to=2999-12-31`, {}, 200);
    }
    const listed = await accepted("GET", `${base}/appointments?from=1900-01-01&to=2999-12-31`, {}, 200);
    expect((listed.data as Json[]).map((a) => a.id)).toContain(p.records.appointments!.id);
  });

  it("a client's date of birth outside the range is refused on create and update; the bounds are stored", async () => {
    const body = createBody("clients", refsOf(p));
    for (const dateOfBirth of outside) {
      await refused("POST", `${base}/clients`, { body: { ...body, dateOfBirth } }, "dateOfBirth");
    }
    const client = p.records.clients!;
    await refused(
      "PATCH",
      `${base}/clients/${client.id}`,
      { body: { version: client.version, dateOfBirth: "0000-01-01" } },
      "dateOfBirth",
    );
    for (const dateOfBirth of ["1900-01-01", "2999-12-31"]) {
      const created = await accepted("POST", `${base}/clients`, { body: { ...body, dateOfBirth } }, 201);
      expect(created.dateOfBirth).toBe(dateOfBirth);
      const read = await accepted("GET", `${base}/clients/${String(created.id)}`, {}, 200);
      expect(read.dateOfBirth).toBe(dateOfBirth);
    }
  });

  it("insurance policy dates (effectiveFrom, effectiveTo, the subscriber's date of birth) outside the range are refused; the bounds are stored", async () => {
    const body = createBody("insurance-policies", refsOf(p));
    const path = `${base}/insurance-policies`;
    for (const value of outside) {
      await refused("POST", path, { body: { ...body, effectiveFrom: value } }, "effectiveFrom");
      await refused("POST", path, { body: { ...body, effectiveTo: value } }, "effectiveTo");
    }
    await refused(
      "POST",
      path,
      {
        body: {
          ...body,
          subscriberRelationship: "spouse",
          subscriber: { firstName: "Sam", lastName: "Client", dateOfBirth: "0000-01-01", sex: "U" },
        },
      },
      "subscriber.dateOfBirth",
    );
    const policy = p.records["insurance-policies"]!;
    await refused(
      "PATCH",
      `${path}/${policy.id}`,
      { body: { version: policy.version, effectiveFrom: "0000-01-01" } },
      "effectiveFrom",
    );
    const created = await accepted(
      "POST",
      path,
      { body: { ...body, rank: "secondary", effectiveFrom: "1900-01-01", effectiveTo: "2999-12-31" } },
      201,
    );
    expect([created.effectiveFrom, created.effectiveTo]).toEqual(["1900-01-01", "2999-12-31"]);
  });

  it("appointment times outside the supported instants are refused on create and update; the bounds are dated", async () => {
    const body = createBody("appointments", refsOf(p));
    const path = `${base}/appointments`;
    for (const [startsAt, endsAt, field] of [
      ["0000-01-01T10:00:00Z", "2026-03-02T16:00:00Z", "startsAt"],
      ["9999-12-31T23:30:00-12:00", "9999-12-31T23:45:00-12:00", "startsAt"], // Chicago date 10000-01-01
      ["1900-01-01T11:59:59.999Z", "1900-01-01T13:00:00Z", "startsAt"],
      ["1900-01-01T00:00:00Z", "1900-01-01T13:00:00Z", "startsAt"],
      ["2999-12-31T09:00:00Z", "2999-12-31T10:00:00Z", "endsAt"],
      ["2999-12-31T09:00:00Z", "0000-01-01T10:00:00Z", "endsAt"],
    ] as const) {
      await refused("POST", path, { body: { ...body, startsAt, endsAt } }, field);
    }
    const appt = p.records.appointments!;
    for (const startsAt of ["0000-01-01T10:00:00Z", "9999-12-31T23:30:00-12:00"]) {
      await refused("PATCH", `${path}/${appt.id}`, { body: { version: appt.version, startsAt } }, "startsAt");
    }
    await refused(
      "PATCH",
      `${path}/${appt.id}`,
      { body: { version: appt.version, endsAt: "3000-01-01T00:00:00Z" } },
      "endsAt",
    );
    const first = await accepted(
      "POST",
      path,
      { body: { ...body, startsAt: "1900-01-01T12:00:00Z", endsAt: "1900-01-01T13:00:00Z" } },
      201,
    );
    expect(first.dateOfService).toBe("1900-01-01"); // 06:00 in Chicago
    const last = await accepted(
      "POST",
      path,
      { body: { ...body, startsAt: "2999-12-31T09:00:00Z", endsAt: "2999-12-31T09:59:59.999Z" } },
      201,
    );
    expect(last.dateOfService).toBe("2999-12-31"); // 03:00 in Chicago
  });

  it("in the zones furthest from UTC an accepted time is dated within the range, and a millisecond outside is refused", async () => {
    const west = await h.newPractice("West", { timeZone: "Etc/GMT+12" }); // UTC−12
    const east = await h.newPractice("East", { timeZone: "Pacific/Kiritimati" }); // UTC+14
    for (const practice of [west, east]) await h.seedRecords(practice);
    const post = (practice: PracticeFixture, startsAt: string, endsAt: string) => ({
      body: { ...createBody("appointments", refsOf(practice)), startsAt, endsAt },
    });
    const westPath = `/api/v1/practices/${west.id}/appointments`;
    const eastPath = `/api/v1/practices/${east.id}/appointments`;

    // 1899-12-31 23:59:59.999 at UTC−12; 3000-01-01 00:00 at UTC+14; 10000-01-01 in both.
    await refused(
      "POST",
      westPath,
      post(west, "1900-01-01T11:59:59.999Z", "1900-01-01T13:00:00Z"),
      "startsAt",
      west,
    );
    await refused(
      "POST",
      eastPath,
      post(east, "2999-12-31T10:00:00Z", "2999-12-31T11:00:00Z"),
      "startsAt",
      east,
    );
    for (const practice of [west, east]) {
      await refused(
        "POST",
        `/api/v1/practices/${practice.id}/appointments`,
        post(practice, "9999-12-31T23:30:00-12:00", "9999-12-31T23:45:00-12:00"),
        "startsAt",
        practice,
      );
    }

    const westFirst = await accepted(
      "POST",
      westPath,
      post(west, "1900-01-01T12:00:00Z", "1900-01-01T13:00:00Z"),
      201,
      west,
    );
    expect(westFirst.dateOfService).toBe("1900-01-01"); // midnight at UTC−12
    const eastLast = await accepted(
      "POST",
      eastPath,
      post(east, "2999-12-31T09:00:00Z", "2999-12-31T09:59:59.999Z"),
      201,
      east,
    );
    expect(eastLast.dateOfService).toBe("2999-12-31"); // 23:00 at UTC+14
    const listed = await accepted("GET", `${eastPath}?from=2999-12-31&to=2999-12-31`, {}, 200, east);
    expect((listed.data as Json[]).map((a) => a.id)).toEqual([eastLast.id]);
  });

  it("an automation start date outside the range is refused and nothing saved; the bounds save, preview and run at night", async () => {
    const settings = async () => {
      const r = await accepted("GET", `${base}/automation`, {}, 200);
      return r as { version: number; config: { automations: Record<string, Json> } };
    };
    const initial = await settings();
    for (const kind of ["invoice_creation", "invoice_processing", "claims_submission", "era_processing"]) {
      for (const startDate of outside) {
        const config = structuredClone(initial.config);
        config.automations[kind]!.enabled = true;
        config.automations[kind]!.startDate = startDate;
        await refused(
          "PUT",
          `${base}/automation`,
          { body: { config, version: initial.version } },
          `config.automations.${kind}.startDate`,
        );
      }
    }
    expect(await settings()).toEqual(initial);
    await accepted("GET", `${base}/automation/invoice_creation/preview`, {}, 200);

    // Each bound is saved, previewed, and survives the nightly Invoice Creation run (23:00 Chicago).
    const drop = mkdtempSync(join(tmpdir(), "billcycle-date-range-"));
    const ports = {
      claims: x12ClaimsPipeline({ transportFor: defaultTransportResolver({ dropRoot: drop }) }),
    };
    try {
      for (const startDate of ["1900-01-01", "2999-12-31"]) {
        const current = await settings();
        const config = structuredClone(current.config);
        config.automations.invoice_creation!.enabled = true;
        config.automations.invoice_creation!.startDate = startDate;
        await accepted("PUT", `${base}/automation`, { body: { config, version: current.version } }, 200);
        expect((await settings()).config.automations.invoice_creation!.startDate).toBe(startDate);
        const preview = await accepted("GET", `${base}/automation/invoice_creation/preview`, {}, 200);
        expect(preview).toBeTypeOf("object");

        const night = new Date(h.clock.now().getTime() + 24 * 3_600_000);
        while (h.clock.now() < night) {
          h.clock.advance(3_600_000);
          await tickClock(h.database, h.clock.now());
          await drainJobs({ database: h.database, clock: h.clock, ports });
        }
        const runs = await accepted("GET", `${base}/automation-runs?automation=invoice_creation`, {}, 200);
        const latest = (runs.data as Json[])[0];
        expect(latest, startDate).toMatchObject({ status: "done" });
      }
    } finally {
      rmSync(drop, { recursive: true, force: true });
    }
  });
});
