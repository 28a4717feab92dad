import { autopayExplanationSchema } from "@billcycle/app";
import { tables } from "@billcycle/db";
import { testBackends } from "@billcycle/testing";
import { errorCode, type Harness, openHarness, type PracticeFixture } from "@billcycle/testing/api-harness";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** "Why wasn't this charged?" over HTTP: scoped to the caller's practice, answered with the exact schema. */
describe.each(testBackends())("autopay explanation routes (%s)", (backend) => {
  let h: Harness;
  let practice: PracticeFixture;
  let other: PracticeFixture;
  beforeAll(async () => {
    h = await openHarness(backend);
    practice = await h.newPractice("Autopay why");
    await h.seedRecords(practice);
    other = await h.newPractice("Other");
    await h.seedRecords(other);
  });
  afterAll(async () => h?.dispose());

  const clientId = (p: PracticeFixture) => p.records.clients!.id;

  it("answers for a client: autopay off for the practice and the client, no card, nothing open yet", async () => {
    const r = await h.call(
      "GET",
      `/api/v1/practices/${practice.id}/clients/${clientId(practice)}/autopay-explanation`,
      {
        token: practice.users.biller.token,
      },
    );
    expect(r.status).toBe(200);
    const body = autopayExplanationSchema.parse(r.json);
    expect(body).toMatchObject({
      clientId: clientId(practice),
      practiceAutopay: false,
      card: null,
      maxAttempts: 3,
      nextRunAt: null,
      invoices: [],
    });
    const [client] = await h.database.db
      .select({ autopay: tables.clients.autopay })
      .from(tables.clients)
      .where(eq(tables.clients.id, clientId(practice)));
    expect(body.clientAutopay).toBe(client!.autopay);
  });

  it("another practice's client or invoice is NOT_FOUND", async () => {
    const r = await h.call(
      "GET",
      `/api/v1/practices/${practice.id}/clients/${clientId(other)}/autopay-explanation`,
      {
        token: practice.users.biller.token,
      },
    );
    expect([r.status, errorCode(r)]).toEqual([404, "NOT_FOUND"]);
    const i = await h.call(
      "GET",
      `/api/v1/practices/${practice.id}/invoices/${clientId(other)}/autopay-explanation`,
      { token: practice.users.biller.token },
    );
    expect([i.status, errorCode(i)]).toEqual([404, "NOT_FOUND"]);
  });

  it("practice autopay: the Autopay automation is its one switch; 3 attempts by default, 1 to 10, kept by partial changes", async () => {
    const path = `/api/v1/practices/${practice.id}/billing-settings`;
    const current = await h.call("GET", `/api/v1/practices/${practice.id}`, {
      token: practice.users.owner.token,
    });
    expect(current.json.billingSettings).toMatchObject({ autopayMaxAttempts: 3 });
    expect(current.json.billingSettings).not.toHaveProperty("autopayEnabled");
    const second = await h.call("PATCH", path, {
      token: practice.users.owner.token,
      body: { version: current.json.version, autopayEnabled: true },
    });
    expect([second.status, errorCode(second)]).toEqual([400, "UNKNOWN_FIELD"]);
    let version = current.json.version as number;
    for (const bad of [0, 11, 2.5]) {
      const r = await h.call("PATCH", path, {
        token: practice.users.owner.token,
        body: { version, autopayMaxAttempts: bad },
      });
      expect([r.status, errorCode(r)]).toEqual([400, "VALIDATION_FAILED"]);
    }
    const on = await h.call("PATCH", path, {
      token: practice.users.owner.token,
      body: { version, autopayMaxAttempts: 5 },
    });
    expect(on.status).toBe(200);
    version = on.json.version as number;
    const other = await h.call("PATCH", path, {
      token: practice.users.owner.token,
      body: { version, shareDelayMinutes: 90 },
    });
    expect(other.json.billingSettings).toMatchObject({
      autopayMaxAttempts: 5,
      shareDelayMinutes: 90,
    });
    const whyNow = () =>
      h.call("GET", `/api/v1/practices/${practice.id}/clients/${clientId(practice)}/autopay-explanation`, {
        token: practice.users.biller.token,
      });
    expect((await whyNow()).json).toMatchObject({ practiceAutopay: false, maxAttempts: 5 });
    const automation = await h.call("GET", `/api/v1/practices/${practice.id}/automation`, {
      token: practice.users.owner.token,
    });
    const config = structuredClone(automation.json.config) as {
      automations: Record<string, { enabled: boolean }>;
    };
    config.automations.autopay!.enabled = true;
    const enabled = await h.call("PUT", `/api/v1/practices/${practice.id}/automation`, {
      token: practice.users.owner.token,
      body: { config, version: automation.json.version },
    });
    expect(enabled.status).toBe(200);
    expect((await whyNow()).json).toMatchObject({ practiceAutopay: true, maxAttempts: 5 });
  });
});
