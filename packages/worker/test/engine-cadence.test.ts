import { ManualClock } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import {
  configure,
  createAppointment,
  createBillingPractice,
  createClient,
} from "@billcycle/testing/billing-fixture";
import { filePorts, local, localDateOf, simulate } from "@billcycle/testing/engine-harness";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ZONE = "America/Chicago";

describe.each(testBackends())("automation cadence (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  it("staggered: created Monday, processed Tuesday, submitted Wednesday", async () => {
    const clock = new ManualClock(local("2026-03-01T12:00", ZONE)); // Sunday
    const ports = filePorts();
    const p = await createBillingPractice(database, ZONE, clock.now());
    await configure(database, p, clock.now(), (c) => {
      for (const k of ["invoice_creation", "invoice_processing", "claims_submission"] as const)
        c.automations[k].enabled = true;
    });
    const clientId = await createClient(database, p, clock.now());
    await simulate(database, clock, ports, local("2026-03-02T11:00", ZONE));
    const appointmentId = await createAppointment(database, p, clientId, clock.now(), {
      localStart: "2026-03-02T10:00",
      status: "kept",
    });
    await simulate(database, clock, ports, local("2026-03-05T00:00", ZONE));

    const [link] = await database.db
      .select()
      .from(tables.appointmentInvoices)
      .where(eq(tables.appointmentInvoices.appointmentId, appointmentId));
    expect(link).toBeDefined();
    const [invoice] = await database.db
      .select()
      .from(tables.invoices)
      .where(eq(tables.invoices.id, link!.invoiceId));
    expect(invoice!.invoiceDate).toBe("2026-03-02");
    expect(localDateOf(invoice!.createdAt, ZONE)).toBe("2026-03-02");
    expect(invoice!.status).toBe("processed");
    const claims = await database.db
      .select()
      .from(tables.claims)
      .where(eq(tables.claims.invoiceId, invoice!.id));
    expect(claims).toHaveLength(1);
    expect(localDateOf(claims[0]!.createdAt, ZONE)).toBe("2026-03-03");
    expect(claims[0]!.status).toBe("submitted");
    expect(localDateOf(claims[0]!.submittedAt!, ZONE)).toBe("2026-03-04");
    const runs = await database.db
      .select()
      .from(tables.automationRuns)
      .where(eq(tables.automationRuns.practiceId, p.practiceId));
    // Four nights (Sun … Wed) × three automations, each run exactly once and on time.
    expect(runs.filter((r) => r.status === "done")).toHaveLength(runs.length);
    expect(runs.every((r) => !r.late)).toBe(true);
    const keys = runs.map((r) => `${r.automation}:${r.localDate}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("same night: created, processed and submitted the night the session is kept", async () => {
    const clock = new ManualClock(local("2026-03-01T12:00", ZONE));
    const ports = filePorts();
    const p = await createBillingPractice(database, ZONE, clock.now());
    await configure(database, p, clock.now(), (c) => {
      c.cadence = "same_night";
      c.automations.invoice_creation = { ...c.automations.invoice_creation, enabled: true, runTime: "20:00" };
      c.automations.invoice_processing = {
        ...c.automations.invoice_processing,
        enabled: true,
        runTime: "21:00",
      };
      c.automations.claims_submission = {
        ...c.automations.claims_submission,
        enabled: true,
        runTime: "22:00",
      };
    });
    const clientId = await createClient(database, p, clock.now());
    await simulate(database, clock, ports, local("2026-03-02T11:00", ZONE));
    await createAppointment(database, p, clientId, clock.now(), {
      localStart: "2026-03-02T10:00",
      status: "kept",
    });
    await simulate(database, clock, ports, local("2026-03-03T00:00", ZONE));
    const claims = await database.db
      .select()
      .from(tables.claims)
      .where(eq(tables.claims.practiceId, p.practiceId));
    expect(claims).toHaveLength(1);
    expect(claims[0]!.status).toBe("submitted");
    expect(localDateOf(claims[0]!.submittedAt!, ZONE)).toBe("2026-03-02");
  });

  it("refuses a same-night order that would run submission before processing", async () => {
    const clock = new ManualClock(local("2026-03-01T12:00", ZONE));
    const p = await createBillingPractice(database, ZONE, clock.now());
    await expect(
      configure(database, p, clock.now(), (c) => {
        c.cadence = "same_night";
        c.automations.invoice_creation.enabled = true;
        c.automations.invoice_processing.enabled = true;
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});
