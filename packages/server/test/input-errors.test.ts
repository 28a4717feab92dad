import { testBackends } from "@billcycle/testing";
import {
  type CallOptions,
  type Harness,
  openHarness,
  type PracticeFixture,
  practiceInput,
  refsOf,
} from "@billcycle/testing/api-harness";
import { address, createBody, type Json, patchBody } from "@billcycle/testing/bodies";
import { sqlRows } from "@billcycle/testing/db-state";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRefused, issuesOf } from "./support/refusals";

describe.each(testBackends())("bad input on %s", (backend) => {
  let h: Harness;
  let p: PracticeFixture;
  let base: string;

  beforeAll(async () => {
    h = await openHarness(backend);
    p = await h.newPractice("Input");
    await h.seedRecords(p);
    base = `/api/v1/practices/${p.id}`;
  });
  afterAll(async () => {
    await h?.dispose();
  });

  /** Sends one bad request and checks the status, the code, the field it names, and that nothing was written. */
  const refused = (
    method: string,
    path: string,
    options: CallOptions,
    expected: { status: number; code: string; field?: string },
  ) => expectRefused(h, p.users.owner.token, { method, path, options }, expected);

  const client = (): Json => createBody("clients", refsOf(p));

  it("malformed JSON is MALFORMED_JSON", async () => {
    await refused(
      "POST",
      `${base}/clients`,
      { rawBody: '{"firstName": "Casey",' },
      { status: 400, code: "MALFORMED_JSON" },
    );
    await refused(
      "PATCH",
      `${base}/clients/${p.records.clients!.id}`,
      { rawBody: "{version: 1}" },
      { status: 400, code: "MALFORMED_JSON" },
    );
    await refused("POST", "/api/v1/practices", { rawBody: "" }, { status: 400, code: "MALFORMED_JSON" });
  });

  it("unknown fields are UNKNOWN_FIELD and named, at the top level, nested, in PATCH and in the query", async () => {
    const top = await refused(
      "POST",
      `${base}/clients`,
      { body: { ...client(), favoriteColor: "blue" } },
      { status: 400, code: "UNKNOWN_FIELD" },
    );
    expect(issuesOf(top)[0]?.message).toContain("favoriteColor");
    const nested = await refused(
      "POST",
      `${base}/clients`,
      { body: { ...client(), address: { ...address, country: "US" } } },
      { status: 400, code: "UNKNOWN_FIELD", field: "address" },
    );
    expect(issuesOf(nested)[0]?.message).toContain("country");
    await refused(
      "PATCH",
      `${base}/clients/${p.records.clients!.id}`,
      { body: { version: 1, autoPay: true } },
      { status: 400, code: "UNKNOWN_FIELD" },
    );
    await refused("GET", `${base}/clients?lastname=Client`, {}, { status: 400, code: "UNKNOWN_FIELD" });
    // billing settings are changed on their own route, never smuggled through the practice PATCH
    await refused(
      "PATCH",
      base,
      { body: { version: 1, billingSettings: { defaultAutopay: true } } },
      { status: 400, code: "UNKNOWN_FIELD" },
    );
  });

  it("an NPI with a wrong check digit is INVALID_NPI; the right one is accepted", async () => {
    const provider = createBody("providers", {});
    await refused(
      "POST",
      `${base}/providers`,
      { body: { ...provider, npi: "1234567890" } },
      { status: 400, code: "INVALID_NPI", field: "npi" },
    );
    await refused(
      "POST",
      "/api/v1/practices",
      { body: { ...practiceInput("Bad NPI"), billingNpi: "1234567890" } },
      { status: 400, code: "INVALID_NPI", field: "billingNpi" },
    );
    await refused(
      "PATCH",
      `${base}/providers/${p.records.providers!.id}`,
      { body: { version: 1, npi: "123456789" } },
      { status: 400, code: "INVALID_NPI", field: "npi" },
    );
    const ok = await h.call("POST", `${base}/providers`, {
      token: p.users.owner.token,
      body: { ...provider, npi: "1234567893" },
    });
    expect(ok.status).toBe(201);
  });

  it("diagnosis codes that are not ICD-10-CM are INVALID_ICD10", async () => {
    for (const code of ["250.00", "F4", "XYZ.123456", ""]) {
      await refused(
        "POST",
        `${base}/diagnoses`,
        { body: { clientId: p.records.clients!.id, code, rank: 2 } },
        { status: 400, code: "INVALID_ICD10", field: "code" },
      );
    }
    const ok = await h.call("POST", `${base}/diagnoses`, {
      token: p.users.owner.token,
      body: { clientId: p.records.clients!.id, code: "f43.10", rank: 2 },
    });
    expect(ok.status).toBe(201);
    expect(ok.json.code).toBe("F43.10");
  });

  it("procedure codes that are not CPT/HCPCS are INVALID_CPT", async () => {
    for (const code of ["9083", "908370", "ABCDE"]) {
      await refused(
        "POST",
        `${base}/services`,
        { body: { ...createBody("services", {}), code } },
        { status: 400, code: "INVALID_CPT", field: "code" },
      );
    }
    await refused(
      "POST",
      `${base}/services`,
      { body: { ...createBody("services", {}), modifiers: ["HOX"] } },
      { status: 400, code: "INVALID_MODIFIER", field: "modifiers.0" },
    );
  });

  it("a time zone that is not an IANA name is INVALID_TIME_ZONE, on create and on update", async () => {
    for (const timeZone of ["CST", "Mars/Olympus", "UTC-6", "America/Springfield"]) {
      await refused(
        "POST",
        "/api/v1/practices",
        { body: { ...practiceInput("Bad zone"), timeZone } },
        { status: 400, code: "INVALID_TIME_ZONE", field: "timeZone" },
      );
    }
    const before = await sqlRows(h.database, `SELECT time_zone, version FROM practices WHERE id = '${p.id}'`);
    await refused(
      "PATCH",
      base,
      { body: { version: Number(before[0]?.version), timeZone: "CST" } },
      { status: 400, code: "INVALID_TIME_ZONE", field: "timeZone" },
    );
    expect(
      await sqlRows(h.database, `SELECT time_zone, version FROM practices WHERE id = '${p.id}'`),
    ).toEqual(before);
  });

  it("a locale that is not a BCP 47 tag the formatter knows is VALIDATION_FAILED; a good one is kept canonical", async () => {
    const read = () => sqlRows(h.database, `SELECT locale, version FROM practices WHERE id = '${p.id}'`);
    const before = await read();
    expect(before[0]?.locale).toBe("en-US");
    for (const locale of ["en_US", "", "English", "xx-ZZ"]) {
      await refused(
        "POST",
        "/api/v1/practices",
        { body: { ...practiceInput("Bad locale"), locale } },
        { status: 400, code: "VALIDATION_FAILED", field: "locale" },
      );
      await refused(
        "PATCH",
        base,
        { body: { version: Number(before[0]?.version), locale } },
        { status: 400, code: "VALIDATION_FAILED", field: "locale" },
      );
    }
    expect(await read()).toEqual(before);
    const ok = await h.call("PATCH", base, {
      token: p.users.owner.token,
      body: { version: Number(before[0]?.version), locale: "fr-ca" },
    });
    expect(ok.status).toBe(200);
    expect(ok.json.locale).toBe("fr-CA");
    const back = await h.call("PATCH", base, {
      token: p.users.owner.token,
      body: { version: Number(ok.json.version), locale: "en-US" },
    });
    expect(back.json.locale).toBe("en-US");
  });

  it("negative, fractional or non-numeric money is INVALID_MONEY", async () => {
    for (const feeCents of [-1, 12.5, "15000", null]) {
      await refused(
        "POST",
        `${base}/services`,
        { body: { ...createBody("services", {}), feeCents } },
        { status: 400, code: "INVALID_MONEY", field: "feeCents" },
      );
    }
    for (const priceCents of [-500, 0.01]) {
      await refused(
        "POST",
        `${base}/products`,
        { body: { name: "Workbook", priceCents } },
        { status: 400, code: "INVALID_MONEY", field: "priceCents" },
      );
    }
    await refused(
      "PATCH",
      `${base}/services/${p.records.services!.id}`,
      { body: { version: 1, feeCents: -100 } },
      { status: 400, code: "INVALID_MONEY", field: "feeCents" },
    );
    const version = Number(
      (await sqlRows(h.database, `SELECT version FROM practices WHERE id = '${p.id}'`))[0]?.version,
    );
    await refused(
      "PATCH",
      `${base}/billing-settings`,
      { body: { version, noShowFeeCents: 10.5 } },
      { status: 400, code: "INVALID_MONEY", field: "noShowFeeCents" },
    );
  });

  it("other malformed values carry their own codes", async () => {
    await refused(
      "POST",
      `${base}/clients`,
      { body: { ...client(), dateOfBirth: "1990-02-30" } },
      { status: 400, code: "INVALID_DATE", field: "dateOfBirth" },
    );
    await refused(
      "POST",
      `${base}/locations`,
      { body: { ...createBody("locations", {}), address: { ...address, zip: "6270" } } },
      { status: 400, code: "INVALID_ZIP", field: "address.zip" },
    );
    await refused(
      "POST",
      `${base}/clients`,
      { body: { ...client(), sex: "X" } },
      { status: 400, code: "VALIDATION_FAILED", field: "sex" },
    );
    await refused(
      "POST",
      `${base}/appointments`,
      { body: { ...createBody("appointments", refsOf(p)), endsAt: "2026-03-02T14:00:00Z" } },
      { status: 400, code: "VALIDATION_FAILED", field: "endsAt" },
    );
  });

  it("an illegal status transition is 409 ILLEGAL_TRANSITION and leaves status and history alone", async () => {
    const created = await h.call("POST", `${base}/appointments`, {
      token: p.users.owner.token,
      body: createBody("appointments", refsOf(p)),
    });
    const id = String(created.json.id);
    const canceled = await h.call("POST", `${base}/appointments/${id}/status`, {
      token: p.users.owner.token,
      body: { status: "canceled" },
    });
    expect(canceled.json.status).toBe("canceled");
    const res = await refused(
      "POST",
      `${base}/appointments/${id}/status`,
      { body: { status: "kept" } },
      { status: 409, code: "ILLEGAL_TRANSITION" },
    );
    expect(res.json.error).toMatchObject({ from: "canceled", to: "kept", allowed: ["upcoming"] });
    const after = await h.call("GET", `${base}/appointments/${id}`, { token: p.users.owner.token });
    expect(after.json).toMatchObject({ status: "canceled", version: canceled.json.version });
  });

  it("a stale version is 412 VERSION_CONFLICT on records, the practice, billing settings and status", async () => {
    const clientId = p.records.clients!.id;
    const current = await h.call("GET", `${base}/clients/${clientId}`, { token: p.users.owner.token });
    const version = Number(current.json.version);
    const first = await h.call("PATCH", `${base}/clients/${clientId}`, {
      token: p.users.owner.token,
      body: { version, phone: "512-555-0101" },
    });
    expect(first.status).toBe(200);
    const res = await refused(
      "PATCH",
      `${base}/clients/${clientId}`,
      { body: { version, phone: "512-555-0199" } },
      { status: 412, code: "VERSION_CONFLICT" },
    );
    expect(res.json.error).toMatchObject({ currentVersion: version + 1 });
    const after = await h.call("GET", `${base}/clients/${clientId}`, { token: p.users.owner.token });
    expect(after.json.phone).toBe("+15125550101");

    const practiceVersion = Number(
      (await sqlRows(h.database, `SELECT version FROM practices WHERE id = '${p.id}'`))[0]?.version,
    );
    await refused(
      "PATCH",
      base,
      { body: { version: practiceVersion + 1, name: "Stale" } },
      { status: 412, code: "VERSION_CONFLICT" },
    );
    await refused(
      "PATCH",
      `${base}/billing-settings`,
      { body: { version: practiceVersion - 1 || 99, defaultAutopay: true } },
      { status: 412, code: "VERSION_CONFLICT" },
    );
    const appointment = p.records.appointments!;
    const appt = await h.call("GET", `${base}/appointments/${appointment.id}`, {
      token: p.users.owner.token,
    });
    await refused(
      "POST",
      `${base}/appointments/${appointment.id}/status`,
      { body: { status: "kept", version: Number(appt.json.version) + 1 } },
      { status: 412, code: "VERSION_CONFLICT" },
    );
    await refused(
      "PATCH",
      `${base}/services/${p.records.services!.id}`,
      { body: patchBody("services", 42) },
      { status: 412, code: "VERSION_CONFLICT" },
    );
  });

  it("deleting a record others still use is 409 CONFLICT, and nothing is deleted", async () => {
    // The seeded payer is on the seeded insurance policy; the seeded client has appointments.
    const payer = await refused(
      "DELETE",
      `${base}/payers/${p.records.payers!.id}`,
      {},
      { status: 409, code: "CONFLICT" },
    );
    expect((payer.json.error as { message: string }).message).toMatch(/still in use/);
    await refused(
      "DELETE",
      `${base}/clients/${p.records.clients!.id}`,
      {},
      { status: 409, code: "CONFLICT" },
    );
    const still = await h.call("GET", `${base}/payers/${p.records.payers!.id}`, {
      token: p.users.owner.token,
    });
    expect(still.status).toBe(200);
  });

  it("the OpenAPI document lists every error status a write can answer", async () => {
    const res = await h.call("GET", "/openapi.json");
    const responses = (
      res.json.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>
    )["/api/v1/practices/{practiceId}/clients"]?.post?.responses;
    expect(Object.keys(responses ?? {})).toEqual(
      expect.arrayContaining(["400", "401", "403", "404", "409", "412", "422"]),
    );
  });
});
