import { testBackends } from "@billcycle/testing";
import { type Harness, openHarness, type PracticeFixture, refsOf } from "@billcycle/testing/api-harness";
import { createBody } from "@billcycle/testing/bodies";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectRefused } from "./support/refusals";

/** Phone numbers are saved in E.164 wherever they are saved (client, guarantor, practice); a bad one is refused. */
describe.each(testBackends())("phone numbers on save on %s", (backend) => {
  let h: Harness;
  let p: PracticeFixture;
  let base: string;

  beforeAll(async () => {
    h = await openHarness(backend);
    p = await h.newPractice("Phones");
    await h.seedRecords(p);
    base = `/api/v1/practices/${p.id}`;
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const token = () => p.users.owner.token;
  const refused = (method: string, path: string, body: Record<string, unknown>, field: string) =>
    expectRefused(
      h,
      token(),
      { method, path, options: { body } },
      { status: 400, code: "INVALID_PHONE", field },
    );

  it("a client's and guarantor's phones are saved in E.164, US by default and abroad with a country code", async () => {
    const created = await h.call("POST", `${base}/clients`, {
      token: token(),
      body: {
        ...createBody("clients", refsOf(p)),
        phone: " (512) 201-4567 ",
        guarantor: {
          firstName: "Gale",
          lastName: "Guard",
          relationship: "parent",
          phone: "+44 20 7946 0958",
        },
      },
    });
    expect(created.status).toBe(201);
    expect(created.json.phone).toBe("+15122014567");
    expect((created.json.guarantor as { phone: string }).phone).toBe("+442079460958");

    const updated = await h.call("PATCH", `${base}/clients/${created.json.id}`, {
      token: token(),
      body: { version: created.json.version, phone: "512.201.4568" },
    });
    expect(updated.status).toBe(200);
    expect(updated.json.phone).toBe("+15122014568");
    // No phone is still allowed.
    const cleared = await h.call("PATCH", `${base}/clients/${created.json.id}`, {
      token: token(),
      body: { version: updated.json.version, phone: null },
    });
    expect(cleared.json.phone).toBeNull();
  });

  it("an unparseable phone is INVALID_PHONE naming the field, and nothing is written", async () => {
    for (const bad of ["555-0142", "(111) 201-4567", "call me", "+1 512 201 45678"]) {
      await refused("POST", `${base}/clients`, { ...createBody("clients", refsOf(p)), phone: bad }, "phone");
    }
    await refused(
      "POST",
      `${base}/clients`,
      {
        ...createBody("clients", refsOf(p)),
        guarantor: { firstName: "Gale", lastName: "Guard", relationship: "parent", phone: "12" },
      },
      "guarantor.phone",
    );
    const id = p.records.clients!.id;
    const before = await h.call("GET", `${base}/clients/${id}`, { token: token() });
    await refused(
      "PATCH",
      `${base}/clients/${id}`,
      { version: before.json.version, phone: "call me" },
      "phone",
    );
    const after = await h.call("GET", `${base}/clients/${id}`, { token: token() });
    expect(after.json).toEqual(before.json);
  });

  it("the practice's phone is saved in E.164 and a bad one refused without a change", async () => {
    const current = await h.call("GET", base, { token: token() });
    const saved = await h.call("PATCH", base, {
      token: token(),
      body: { version: current.json.version, phone: "512-555-0177" },
    });
    expect(saved.status).toBe(200);
    expect(saved.json.phone).toBe("+15125550177");
    await refused("PATCH", base, { version: saved.json.version, phone: "0000" }, "phone");
    const after = await h.call("GET", base, { token: token() });
    expect(after.json.phone).toBe("+15125550177");
    expect(after.json.version).toBe(saved.json.version);
  });
});
