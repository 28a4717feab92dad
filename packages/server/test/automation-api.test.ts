import { tables } from "@billcycle/db";
import { testBackends } from "@billcycle/testing";
import { errorCode, type Harness, openHarness, type PracticeFixture } from "@billcycle/testing/api-harness";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Json = Record<string, unknown>;

describe.each(testBackends())("automation API (%s)", (backend) => {
  let h: Harness;
  let practice: PracticeFixture;
  beforeAll(async () => {
    h = await openHarness(backend);
    practice = await h.newPractice("Automation");
    await h.seedRecords(practice);
  });
  afterAll(async () => h?.dispose());

  const base = () => `/api/v1/practices/${practice.id}`;

  it("shows each automation's explanation, local schedule and rules in words; everything starts off", async () => {
    const r = await h.call("GET", `${base()}/automation`, { token: practice.users.read_only.token });
    expect(r.status).toBe(200);
    const body = r.json as { version: number; config: Json; automations: Record<string, Json> };
    expect(body.version).toBe(0);
    expect(body.automations.invoice_creation).toMatchObject({
      title: "Invoice Creation",
      schedule: "every night at 23:00 (America/Chicago)",
      nextRunAt: null,
      rulesText: "Nothing is excluded.",
    });
    expect(String(body.automations.invoice_creation!.explanation)).toMatch(
      /^Every night, billcycle creates an invoice/,
    );
    expect(body.automations.invoice_processing!.rulesText).toBe(
      "Excludes items where (client pays by = self-pay).",
    );
  });

  it("enabling is audited with the changed settings; a read-only user and a stale version are refused", async () => {
    const current = await h.call("GET", `${base()}/automation`, { token: practice.users.biller.token });
    const config = structuredClone(current.json.config) as {
      automations: Record<string, Json>;
      invoiceCreationMode: string;
    };
    config.automations.invoice_creation!.enabled = true;
    config.invoiceCreationMode = "on_kept";
    (config.automations.invoice_creation!.rules as Json[]).push({
      id: "r1",
      name: "Aetna later",
      conditions: [{ field: "primary_payer", operator: "in", values: [practice.records.payers!.id] }],
    });

    const denied = await h.call("PUT", `${base()}/automation`, {
      token: practice.users.read_only.token,
      body: { config, version: 0 },
    });
    expect([denied.status, errorCode(denied)]).toEqual([403, "FORBIDDEN"]);

    const saved = await h.call("PUT", `${base()}/automation`, {
      token: practice.users.biller.token,
      body: { config, version: 0 },
    });
    expect(saved.status).toBe(200);
    const automations = saved.json.automations as Record<string, Json>;
    expect(automations.invoice_creation!.nextRunAt).toBe("2026-03-02T05:00:00.000Z");
    expect(automations.invoice_creation!.rulesText).toMatch(
      /^Excludes items where \(primary payer is one of .+\)\.$/,
    );

    const stale = await h.call("PUT", `${base()}/automation`, {
      token: practice.users.biller.token,
      body: { config, version: 0 },
    });
    expect([stale.status, errorCode(stale)]).toEqual([412, "VERSION_CONFLICT"]);

    const audit = await h.database.db
      .select()
      .from(tables.auditLog)
      .where(
        and(eq(tables.auditLog.practiceId, practice.id), eq(tables.auditLog.entity, "automation_config")),
      );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "update", userId: practice.users.biller.id });
    expect((audit[0]!.details as { fields: string[] }).fields.sort()).toEqual(
      [
        "automations.invoice_creation.enabled",
        "automations.invoice_creation.rules",
        "invoiceCreationMode",
      ].sort(),
    );
  });

  it("refuses a malformed rule with a coded error and saves nothing", async () => {
    const current = await h.call("GET", `${base()}/automation`, { token: practice.users.owner.token });
    const config = structuredClone(current.json.config) as { automations: Record<string, Json> };
    config.automations.invoice_processing!.rules = [
      {
        id: "bad",
        name: "Between needs two",
        conditions: [{ field: "amount", operator: "between", values: ["100"] }],
      },
    ];
    const r = await h.call("PUT", `${base()}/automation`, {
      token: practice.users.owner.token,
      body: { config, version: current.json.version },
    });
    expect(r.status).toBe(400);
    expect(errorCode(r)).toBe("VALIDATION_FAILED");
    const after = await h.call("GET", `${base()}/automation`, { token: practice.users.owner.token });
    expect(after.json.version).toBe(current.json.version);
  });

  it("marking a session Kept through the API queues its invoice (on Kept), and why/preview answer over HTTP", async () => {
    const apptId = practice.records.appointments!.id;
    const kept = await h.call("POST", `${base()}/appointments/${apptId}/status`, {
      token: practice.users.clinician.token,
      body: { status: "kept" },
    });
    expect(kept.status).toBe(200);
    const jobs = await h.database.db
      .select()
      .from(tables.jobs)
      .where(eq(tables.jobs.queue, "invoice-on-kept"));
    expect(jobs.map((j) => j.payload.appointmentId)).toContain(apptId);

    const why = await h.call("GET", `${base()}/appointments/${apptId}/billing-explanation`, {
      token: practice.users.biller.token,
    });
    expect(why.status).toBe(200);
    expect(why.json).toMatchObject({ appointmentId: apptId, status: "kept", billed: null });
    expect(typeof why.json.tonight).toBe("string");

    const preview = await h.call("GET", `${base()}/automation/invoice_creation/preview`, {
      token: practice.users.biller.token,
    });
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({
      automation: "invoice_creation",
      enabled: true,
      localDate: "2026-03-01",
    });

    const unknown = await h.call("GET", `${base()}/automation/payroll/preview`, {
      token: practice.users.biller.token,
    });
    expect(unknown.status).toBe(400);
    const runs = await h.call("GET", `${base()}/automation-runs`, { token: practice.users.read_only.token });
    expect(runs.status).toBe(200);
    expect(runs.json.data).toEqual([]);
  });
});
