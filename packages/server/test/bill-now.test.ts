import { defaultDropRoot, defaultTransportResolver, runAutomation, x12ClaimsPipeline } from "@billcycle/app";
import { tables } from "@billcycle/db";
import { testBackends } from "@billcycle/testing";
import { errorCode, type Harness, openHarness, type PracticeFixture } from "@billcycle/testing/api-harness";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Json = Record<string, unknown>;

describe.each(testBackends())("bill now (%s)", (backend) => {
  let h: Harness;
  let practice: PracticeFixture;
  let other: PracticeFixture;
  beforeAll(async () => {
    h = await openHarness(backend);
    practice = await h.newPractice("Bill now");
    await h.seedRecords(practice);
    other = await h.newPractice("Other");
    await h.seedRecords(other);
    // The seeded session is on 2026-03-02 at 15:00 UTC; the day after, it is in the past.
    h.clock.set("2026-03-03T15:00:00Z");
  });
  afterAll(async () => h?.dispose());

  const base = (p: PracticeFixture = practice) => `/api/v1/practices/${p.id}`;
  const appointmentId = () => practice.records.appointments!.id;
  const explain = async () =>
    (
      await h.call("GET", `${base()}/appointments/${appointmentId()}/billing-explanation`, {
        token: practice.users.biller.token,
      })
    ).json;

  it("a session not yet kept cannot be invoiced by hand: NOT_BILLABLE with the reasons and their fixes", async () => {
    expect((await explain()).canInvoiceNow).toBe(false);
    const r = await h.call("POST", `${base()}/appointments/${appointmentId()}/invoice`, {
      token: practice.users.biller.token,
    });
    expect([r.status, errorCode(r)]).toEqual([422, "NOT_BILLABLE"]);
    const reasons = (r.json.error as { reasons: Json[] }).reasons;
    expect(reasons.map((x) => x.code)).toContain("NOT_COMPLETED");
    const invoices = await h.database.db
      .select()
      .from(tables.invoices)
      .where(eq(tables.invoices.practiceId, practice.id));
    expect(invoices).toEqual([]);
  });

  it("a kept session held by an exclusion rule is invoiced by hand at once, by the biller, once", async () => {
    const kept = await h.call("POST", `${base()}/appointments/${appointmentId()}/status`, {
      token: practice.users.clinician.token,
      body: { status: "kept" },
    });
    expect(kept.status).toBe(200);
    const current = await h.call("GET", `${base()}/automation`, { token: practice.users.owner.token });
    const config = structuredClone(current.json.config) as { automations: Record<string, Json> };
    config.automations.invoice_creation!.rules = [
      {
        id: "hold-acme",
        name: "Hold Acme",
        conditions: [{ field: "primary_payer", operator: "in", values: [practice.records.payers!.id] }],
      },
    ];
    const saved = await h.call("PUT", `${base()}/automation`, {
      token: practice.users.owner.token,
      body: { config, version: current.json.version },
    });
    expect(saved.status).toBe(200);

    const why = await explain();
    expect(why.canInvoiceNow).toBe(true);
    expect((why.reasons as Json[]).map((x) => x.code)).toEqual(["EXCLUDED_BY_RULE"]);

    const readOnly = await h.call("POST", `${base()}/appointments/${appointmentId()}/invoice`, {
      token: practice.users.read_only.token,
    });
    expect([readOnly.status, errorCode(readOnly)]).toEqual([403, "FORBIDDEN"]);
    const crossPractice = await h.call("POST", `${base(other)}/appointments/${appointmentId()}/invoice`, {
      token: other.users.biller.token,
    });
    expect([crossPractice.status, errorCode(crossPractice)]).toEqual([404, "NOT_FOUND"]);

    const r = await h.call("POST", `${base()}/appointments/${appointmentId()}/invoice`, {
      token: practice.users.biller.token,
    });
    expect(r.status).toBe(201);
    expect(r.json.invoiceNumber).toMatch(/^INV-\d+$/);
    const [invoice] = await h.database.db
      .select()
      .from(tables.invoices)
      .where(eq(tables.invoices.id, String(r.json.invoiceId)));
    expect(invoice).toMatchObject({ practiceId: practice.id, source: "user", status: "open" });
    const [audit] = await h.database.db
      .select()
      .from(tables.auditLog)
      .where(and(eq(tables.auditLog.entity, "invoice"), eq(tables.auditLog.entityId, invoice!.id)));
    expect(audit).toMatchObject({ action: "create", userId: practice.users.biller.id });

    const again = await h.call("POST", `${base()}/appointments/${appointmentId()}/invoice`, {
      token: practice.users.biller.token,
    });
    expect([again.status, errorCode(again)]).toEqual([409, "CONFLICT"]);
    const after = await explain();
    expect(after).toMatchObject({ canInvoiceNow: false, billed: { invoiceNumber: r.json.invoiceNumber } });
  });

  it("Bill now queues today's run as manual, refuses a second while it waits, and runs with the automation off", async () => {
    const url = `${base()}/automation/invoice_processing/run-now`;
    const denied = await h.call("POST", url, { token: practice.users.read_only.token });
    expect([denied.status, errorCode(denied)]).toEqual([403, "FORBIDDEN"]);
    const unknown = await h.call("POST", `${base()}/automation/era_processing/run-now`, {
      token: practice.users.biller.token,
    });
    expect(unknown.status).toBe(400);

    // The staggered cadence rests an invoice a day before it is claimed: the next day's run takes it.
    h.clock.set("2026-03-04T15:00:00Z");
    const r = await h.call("POST", url, { token: practice.users.biller.token });
    expect(r.status).toBe(202);
    expect(r.json).toMatchObject({
      automation: "invoice_processing",
      trigger: "manual",
      status: "queued",
      localDate: "2026-03-04",
    });
    const runId = String(r.json.id);
    const jobs = await h.database.db
      .select()
      .from(tables.jobs)
      .where(eq(tables.jobs.singletonKey, `run:${runId}`));
    expect(jobs[0]?.payload.runId).toBe(runId);

    const twice = await h.call("POST", url, { token: practice.users.biller.token });
    expect([twice.status, errorCode(twice)]).toEqual([409, "RUN_IN_PROGRESS"]);

    const ports = {
      claims: x12ClaimsPipeline({ transportFor: defaultTransportResolver({ dropRoot: defaultDropRoot() }) }),
    };
    const result = await runAutomation(h.database, runId, ports, h.clock);
    expect(result.status).toBe("done");
    // The invoice made by hand above is open insurance work: the manual processing run claims it.
    expect(result.counts).toMatchObject({ considered: 1, claimed: 1 });

    const runs = await h.call("GET", `${base()}/automation-runs?automation=invoice_processing`, {
      token: practice.users.read_only.token,
    });
    expect((runs.json.data as Json[]).map((x) => [x.id, x.trigger, x.status])).toEqual([
      [runId, "manual", "done"],
    ]);
    const next = await h.call("POST", url, { token: practice.users.biller.token });
    expect(next.status).toBe(202);
  });
});
