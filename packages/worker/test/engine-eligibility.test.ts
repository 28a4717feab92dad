import { explainAppointmentBilling, previewAutomation } from "@billcycle/app";
import { ManualClock, type SkipReasonCode } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import {
  configure,
  createAppointment,
  createBillingPractice,
  createClient,
  type PracticeFixture,
} from "@billcycle/testing/billing-fixture";
import { filePorts, local, simulate } from "@billcycle/testing/engine-harness";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ZONE = "America/Denver";

describe.each(testBackends())("eligibility, why and preview (%s)", (backend) => {
  let database: TestDatabase;
  let p: PracticeFixture;
  let clock: ManualClock;
  const cases = new Map<string, SkipReasonCode | "INVOICED">();
  let billed = "";

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    clock = new ManualClock(local("2026-03-01T09:00", ZONE));
    p = await createBillingPractice(database, ZONE, clock.now());
    await configure(database, p, clock.now(), (c) => {
      c.automations.invoice_creation.enabled = true;
      c.automations.invoice_creation.startDate = "2026-02-01";
      c.automations.invoice_creation.rules = [
        {
          id: "r1",
          name: "Intakes by hand",
          conditions: [{ field: "service_code", operator: "equals", values: ["90791"] }],
        },
      ];
    });
    const now = clock.now();
    const insured = await createClient(database, p, now);
    const add = async (
      reason: SkipReasonCode | "INVOICED",
      clientId: string,
      o: Parameters<typeof createAppointment>[4],
    ) => cases.set(await createAppointment(database, p, clientId, now, o), reason);
    billed = await createAppointment(database, p, insured, now, {
      localStart: "2026-02-26T10:00",
      status: "kept",
    });
    cases.set(billed, "INVOICED");
    await add("NOT_COMPLETED", insured, { localStart: "2026-02-26T11:00" });
    await add("NO_SHOW_NOT_CHARGED", insured, {
      localStart: "2026-02-26T12:00",
      status: "no_show",
      note: "none",
    });
    await add("LATE_CANCEL_NOT_CHARGED", insured, {
      localStart: "2026-02-26T13:00",
      status: "late_cancel",
      note: "none",
    });
    await add("NO_BILLABLE_SERVICE", insured, {
      localStart: "2026-02-26T14:00",
      status: "kept",
      services: [p.services.nonBillable],
    });
    await add("NOTE_NOT_SIGNED", insured, {
      localStart: "2026-02-26T15:00",
      status: "kept",
      note: "unsigned",
    });
    await add("NO_PROGRESS_NOTE", insured, { localStart: "2026-02-26T16:00", status: "kept", note: "none" });
    await add("EXCLUDED_BY_RULE", insured, {
      localStart: "2026-02-26T17:00",
      status: "kept",
      services: [p.services.intake],
    });
    await add("BEFORE_START_DATE", insured, { localStart: "2026-01-20T10:00", status: "kept" });
    const lapsed = await createClient(database, p, now, { policy: { from: "2025-01-01", to: "2026-02-15" } });
    await add("NO_ACTIVE_POLICY", lapsed, { localStart: "2026-02-26T10:00", status: "kept" });
    const noDx = await createClient(database, p, now, { diagnosis: false });
    await add("NO_DIAGNOSIS", noDx, { localStart: "2026-02-26T10:00", status: "kept" });
    const noAddress = await createClient(database, p, now, { address: false });
    await add("NO_ADDRESS", noAddress, { localStart: "2026-02-26T10:00", status: "kept" });
  });
  afterAll(async () => database?.dispose());

  it("preview tells, before the run, what it would do and why, without writing anything", async () => {
    const preview = await previewAutomation(database, {
      actor: p.actor,
      kind: "invoice_creation",
      now: clock.now(),
    });
    expect(preview.localDate).toBe("2026-03-01");
    // Candidates are completed sessions within the start date: 1 billable + the completed-but-blocked ones.
    expect(preview.wouldDo).toBe(1);
    expect(preview.byReason).toEqual({
      NO_SHOW_NOT_CHARGED: 1,
      LATE_CANCEL_NOT_CHARGED: 1,
      NO_BILLABLE_SERVICE: 1,
      NOTE_NOT_SIGNED: 1,
      NO_PROGRESS_NOTE: 1,
      EXCLUDED_BY_RULE: 1,
      NO_ACTIVE_POLICY: 1,
      NO_DIAGNOSIS: 1,
      NO_ADDRESS: 1,
    });
    const invoices = await database.db
      .select()
      .from(tables.invoices)
      .where(eq(tables.invoices.practiceId, p.practiceId));
    expect(invoices).toHaveLength(0);
  });

  it("the nightly run invoices what is billable and records each skipped session's reason", async () => {
    await simulate(database, clock, filePorts(), local("2026-03-02T00:30", ZONE));
    const [run] = await database.db
      .select()
      .from(tables.automationRuns)
      .where(eq(tables.automationRuns.practiceId, p.practiceId));
    expect(run).toMatchObject({ automation: "invoice_creation", localDate: "2026-03-01", status: "done" });
    expect(run!.counts).toMatchObject({ invoiced: 1, skipped: 9, invoices: 1 });
    const outcomes = await database.db
      .select()
      .from(tables.automationOutcomes)
      .where(eq(tables.automationOutcomes.runId, run!.id));
    for (const [appointmentId, reason] of cases) {
      const o = outcomes.find((x) => x.subjectId === appointmentId);
      if (reason === "INVOICED")
        expect(o).toMatchObject({ outcome: "done", message: expect.stringMatching(/^invoiced on INV-\d+$/) });
      else if (reason === "NOT_COMPLETED" || reason === "BEFORE_START_DATE") expect(o).toBeUndefined();
      else expect(o, reason).toMatchObject({ outcome: "skipped", reasonCode: reason });
    }
    const [invoice] = await database.db
      .select()
      .from(tables.invoices)
      .where(eq(tables.invoices.practiceId, p.practiceId));
    expect(invoice).toMatchObject({
      status: "open",
      totalCents: 17500,
      insuranceCents: 17500,
      clientCents: 0,
      invoiceDate: "2026-03-01",
    });
    const lines = await database.db
      .select()
      .from(tables.invoiceLines)
      .where(eq(tables.invoiceLines.invoiceId, invoice!.id));
    expect(lines).toEqual([
      expect.objectContaining({
        code: "90837",
        units: 1,
        amountCents: 17500,
        diagnosisPointers: [1],
        diagnosisCodes: ["F41.1"],
        appointmentId: billed,
      }),
    ]);
  });

  it("why answers for every reason, with the fix and what happens tonight", async () => {
    for (const [appointmentId, reason] of cases) {
      const e = await explainAppointmentBilling(database, {
        actor: p.actor,
        appointmentId,
        now: clock.now(),
      });
      if (reason === "INVOICED") {
        expect(e.billed?.invoiceNumber).toMatch(/^INV-/);
        expect(e.tonight).toBe(`Nothing: it is already on invoice ${e.billed?.invoiceNumber}.`);
        expect(e.history[0]).toMatchObject({ outcome: "done", automation: "invoice_creation" });
        continue;
      }
      expect(e.billed).toBeNull();
      expect(
        e.reasons.map((r) => r.code),
        reason,
      ).toContain(reason);
      expect(e.tonight).toMatch(
        /^It will not be invoiced at the next run \(Mon 2 Mar 2026 at 23:00 MST\) unless you /,
      );
    }
    const lapsedId = [...cases].find(([, r]) => r === "NO_ACTIVE_POLICY")![0];
    const lapsed = await explainAppointmentBilling(database, {
      actor: p.actor,
      appointmentId: lapsedId,
      now: clock.now(),
    });
    expect(lapsed.reasons).toEqual([
      {
        code: "NO_ACTIVE_POLICY",
        message: "no active insurance policy on 2026-02-26",
        fix: "add or update the client's insurance policy",
      },
    ]);
    const ruleId = [...cases].find(([, r]) => r === "EXCLUDED_BY_RULE")![0];
    const ruled = await explainAppointmentBilling(database, {
      actor: p.actor,
      appointmentId: ruleId,
      now: clock.now(),
    });
    expect(ruled.reasons[0]?.message).toBe("excluded by rule 'Intakes by hand' (service code = 90791)");
  });

  it("fixing the data is picked up by the next night's run", async () => {
    const unsignedId = [...cases].find(([, r]) => r === "NOTE_NOT_SIGNED")![0];
    await database.db
      .update(tables.progressNotes)
      .set({ signed: true, signedAt: clock.now() })
      .where(
        and(
          eq(tables.progressNotes.practiceId, p.practiceId),
          eq(tables.progressNotes.appointmentId, unsignedId),
        ),
      );
    const before = await explainAppointmentBilling(database, {
      actor: p.actor,
      appointmentId: unsignedId,
      now: clock.now(),
    });
    expect(before.reasons).toEqual([]);
    expect(before.tonight).toBe("It will be invoiced at the next run, Mon 2 Mar 2026 at 23:00 MST.");
    await simulate(database, clock, filePorts(), local("2026-03-03T00:30", ZONE));
    const after = await explainAppointmentBilling(database, {
      actor: p.actor,
      appointmentId: unsignedId,
      now: clock.now(),
    });
    expect(after.billed?.invoiceNumber).toMatch(/^INV-/);
  });
});
