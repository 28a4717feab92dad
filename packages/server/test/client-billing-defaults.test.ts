import { testBackends } from "@billcycle/testing";
import { type Harness, openHarness, type PracticeFixture, refsOf } from "@billcycle/testing/api-harness";
import { createBody } from "@billcycle/testing/bodies";
import { sqlRows } from "@billcycle/testing/db-state";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

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

describe.each(testBackends())("sharing settings on %s", (backend) => {
  let h: Harness;

  beforeAll(async () => {
    h = await openHarness(backend);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const patchSettings = async (p: PracticeFixture, body: Record<string, unknown>) => {
    const practice = await h.call("GET", `/api/v1/practices/${p.id}`, { token: p.users.owner.token });
    return h.call("PATCH", `/api/v1/practices/${p.id}/billing-settings`, {
      token: p.users.owner.token,
      body: { version: practice.json.version, ...body },
    });
  };
  const newClient = async (p: PracticeFixture, extra: Record<string, unknown> = {}) => {
    const res = await h.call("POST", `/api/v1/practices/${p.id}/clients`, {
      token: p.users.owner.token,
      body: { ...createBody("clients", refsOf(p)), ...extra },
    });
    expect(res.status, res.text).toBe(201);
    return res.json;
  };

  it("the practice starts sharing both kinds after 60 minutes, and new clients copy what to share", async () => {
    const p = await h.newPractice("Sharing defaults");
    await h.seedRecords(p);
    const practice = await h.call("GET", `/api/v1/practices/${p.id}`, { token: p.users.owner.token });
    expect(practice.json.billingSettings).toMatchObject({
      autoShareEnabled: true,
      defaultAutoShareDocuments: true,
      defaultShareDocumentKinds: "both",
      shareDelayMinutes: 60,
    });
    expect((await newClient(p)).shareDocumentKinds).toBe("both");
    const changed = await patchSettings(p, { defaultShareDocumentKinds: "superbills" });
    expect(changed.status, changed.text).toBe(200);
    expect((await newClient(p)).shareDocumentKinds).toBe("superbills");
    expect((await newClient(p, { shareDocumentKinds: "bills" })).shareDocumentKinds).toBe("bills");
  });

  it("changing a default for new clients says how many existing clients keep their own settings", async () => {
    const p = await h.newPractice("Sharing counts");
    await h.seedRecords(p);
    const [a, b] = [await newClient(p), await newClient(p)];
    const before = Number(
      (await sqlRows(h.database, `SELECT count(*)::int AS n FROM clients WHERE practice_id = '${p.id}'`))[0]
        ?.n,
    );
    const changed = await patchSettings(p, {
      defaultAutoShareDocuments: false,
      defaultShareDocumentKinds: "bills",
    });
    expect(changed.status, changed.text).toBe(200);
    const existing = changed.json.existingClients as {
      unaffected: number;
      changedDefaults: string[];
      message: string;
    };
    expect(existing.unaffected).toBe(before);
    expect(existing.unaffected).toBeGreaterThanOrEqual(2);
    expect(existing.changedDefaults.sort()).toEqual([
      "defaultAutoShareDocuments",
      "defaultShareDocumentKinds",
    ]);
    expect(existing.message).toContain(`${before} existing clients keep their own settings`);
    for (const c of [a, b]) {
      const reread = await h.call("GET", `/api/v1/practices/${p.id}/clients/${String(c.id)}`, {
        token: p.users.owner.token,
      });
      expect(reread.json).toMatchObject({
        autoShareDocuments: true,
        shareDocumentKinds: "both",
        version: c.version,
      });
    }
    // A change to something else (the delay, the practice switch) is not a default for new clients.
    const delay = await patchSettings(p, { shareDelayMinutes: 90, autoShareEnabled: false });
    expect(delay.json.existingClients).toBeNull();
    // Setting a default to the value it has changes nothing either.
    expect((await patchSettings(p, { defaultShareDocumentKinds: "bills" })).json.existingClients).toBeNull();
  });

  it("warns (with a code) when autopay is on and the delay is under 60 minutes, and not otherwise", async () => {
    const p = await h.newPractice("Sharing warning");
    const setAutopay = async (enabled: boolean) => {
      const current = await h.call("GET", `/api/v1/practices/${p.id}/automation`, {
        token: p.users.owner.token,
      });
      const config = structuredClone(current.json.config) as {
        automations: Record<string, { enabled: boolean }>;
      };
      config.automations.autopay!.enabled = enabled;
      const saved = await h.call("PUT", `/api/v1/practices/${p.id}/automation`, {
        token: p.users.owner.token,
        body: { config, version: current.json.version },
      });
      expect(saved.status, saved.text).toBe(200);
    };
    // The new-client default is not the practice's autopay: no warning while the Autopay automation is off.
    expect((await patchSettings(p, { defaultAutopay: true, shareDelayMinutes: 59 })).json.warnings).toEqual(
      [],
    );
    await setAutopay(true);
    const short = await patchSettings(p, { shareDelayMinutes: 30 });
    expect(short.status, short.text).toBe(200);
    expect(short.json.warnings).toEqual([
      { code: "SHARE_DELAY_BEFORE_AUTOPAY", message: expect.stringContaining("at least 60 minutes") },
    ]);
    expect((await patchSettings(p, { shareDelayMinutes: 60 })).json.warnings).toEqual([]);
    await setAutopay(false);
    expect((await patchSettings(p, { shareDelayMinutes: 0 })).json.warnings).toEqual([]);
  });

  it("the delay is 0 to 10,080 minutes and what to share is one of both, bills, superbills", async () => {
    const p = await h.newPractice("Sharing bounds");
    expect((await patchSettings(p, { shareDelayMinutes: 10_080 })).status).toBe(200);
    for (const bad of [-1, 10_081, 1.5]) {
      const res = await patchSettings(p, { shareDelayMinutes: bad });
      expect(res.status, String(bad)).toBe(400);
    }
    expect((await patchSettings(p, { defaultShareDocumentKinds: "invoices" })).status).toBe(400);
  });
});
