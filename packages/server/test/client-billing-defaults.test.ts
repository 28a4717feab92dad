import { testBackends } from "@billcycle/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBody } from "./support/bodies";
import { type Harness, openHarness, type PracticeFixture, refsOf } from "./support/harness";

const settingsOf = (json: Record<string, unknown>) => ({
  autopay: json.autopay,
  autoShareDocuments: json.autoShareDocuments,
  autoSuperbills: json.autoSuperbills,
});

describe.each(testBackends())("client billing settings on %s", (backend) => {
  let h: Harness;

  beforeAll(async () => {
    h = await openHarness(backend);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const practiceWithDefaults = async (defaults: Record<string, boolean>): Promise<PracticeFixture> => {
    const p = await h.newPractice("Defaults", {
      billingSettings: {
        defaultAutopay: defaults.autopay,
        defaultAutoShareDocuments: defaults.share,
        defaultAutoSuperbills: defaults.superbills,
      },
    });
    await h.seedRecords(p);
    return p;
  };

  const newClient = async (p: PracticeFixture, extra: Record<string, unknown> = {}) => {
    const res = await h.call("POST", `/api/v1/practices/${p.id}/clients`, {
      token: p.users.owner.token,
      body: { ...createBody("clients", refsOf(p)), ...extra },
    });
    expect(res.status).toBe(201);
    return res.json;
  };

  it("a new client starts with the practice's defaults", async () => {
    const on = await practiceWithDefaults({ autopay: true, share: false, superbills: true });
    expect(settingsOf(await newClient(on))).toEqual({
      autopay: true,
      autoShareDocuments: false,
      autoSuperbills: true,
    });
    const off = await practiceWithDefaults({ autopay: false, share: true, superbills: false });
    expect(settingsOf(await newClient(off))).toEqual({
      autopay: false,
      autoShareDocuments: true,
      autoSuperbills: false,
    });
  });

  it("a value given for the client wins over the default", async () => {
    const p = await practiceWithDefaults({ autopay: true, share: true, superbills: true });
    const client = await newClient(p, { autopay: false });
    expect(settingsOf(client)).toEqual({ autopay: false, autoShareDocuments: true, autoSuperbills: true });
  });

  it("changing the practice's defaults leaves existing clients alone and applies to new ones", async () => {
    const p = await practiceWithDefaults({ autopay: false, share: false, superbills: false });
    const existing = await newClient(p);
    const practice = await h.call("GET", `/api/v1/practices/${p.id}`, { token: p.users.owner.token });
    const changed = await h.call("PATCH", `/api/v1/practices/${p.id}/billing-settings`, {
      token: p.users.owner.token,
      body: {
        version: practice.json.version,
        defaultAutopay: true,
        defaultAutoShareDocuments: true,
        defaultAutoSuperbills: true,
      },
    });
    expect(changed.status).toBe(200);
    expect(changed.json.billingSettings).toMatchObject({
      defaultAutopay: true,
      defaultAutoShareDocuments: true,
      defaultAutoSuperbills: true,
      // settings not in the PATCH keep their values
      shareDelayMinutes: 60,
      requireSignedNote: true,
    });

    const reread = await h.call("GET", `/api/v1/practices/${p.id}/clients/${String(existing.id)}`, {
      token: p.users.owner.token,
    });
    expect(settingsOf(reread.json)).toEqual({
      autopay: false,
      autoShareDocuments: false,
      autoSuperbills: false,
    });
    expect(reread.json.version).toBe(existing.version);
    expect(settingsOf(await newClient(p))).toEqual({
      autopay: true,
      autoShareDocuments: true,
      autoSuperbills: true,
    });
  });
});
