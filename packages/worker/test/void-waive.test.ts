import {
  changeAppointmentStatus,
  explainAppointmentBilling,
  invoiceSessionNow,
  voidInvoice,
} from "@billcycle/app";
import { defaultPracticeBillingSettings, ManualClock } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import {
  configure,
  createAppointment,
  createBillingPractice,
  createClient,
} from "@billcycle/testing/billing-fixture";
import { filePorts, local, simulate } from "@billcycle/testing/engine-harness";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainJobs } from "../src/worker";

const ZONE = "America/Los_Angeles";

describe.each(testBackends())("void: correction or waiver (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  const invoicesOf = (practiceId: string) =>
    database.db.select().from(tables.invoices).where(eq(tables.invoices.practiceId, practiceId));

  /** A No Show with a $40 fee, invoiced by the nightly run. */
  const noShowFeeInvoiced = async () => {
    const clock = new ManualClock(local("2026-03-02T08:00", ZONE));
    const p = await createBillingPractice(database, ZONE, clock.now());
    await database.db
      .update(tables.practices)
      .set({ billingSettings: { ...defaultPracticeBillingSettings, noShowFeeCents: 4000 } })
      .where(eq(tables.practices.id, p.practiceId));
    await configure(database, p, clock.now(), (c) => {
      c.invoiceCreationMode = "nightly";
      c.automations.invoice_creation.enabled = true;
    });
    const clientId = await createClient(database, p, clock.now());
    const appt = await createAppointment(database, p, clientId, clock.now(), {
      localStart: "2026-03-02T09:00",
      status: "no_show",
    });
    const ports = filePorts();
    await simulate(database, clock, ports, local("2026-03-03T00:30", ZONE));
    const [invoice] = await invoicesOf(p.practiceId);
    expect(invoice).toMatchObject({ status: "open", totalCents: 4000 });
    return { clock, ports, p, appt, invoice: invoice! };
  };

  it("a waived session is never invoiced again: nightly, on Kept, monthly or by hand; 'why not billed' says who and why", async () => {
    const { clock, ports, p, appt, invoice } = await noShowFeeInvoiced();
    await voidInvoice(database, {
      actor: p.actor,
      invoiceId: invoice.id,
      reason: "pro bono",
      disposition: "waive",
      now: clock.now(),
    });
    const [waiver] = await database.db
      .select()
      .from(tables.sessionWaivers)
      .where(eq(tables.sessionWaivers.appointmentId, appt));
    expect(waiver).toMatchObject({ invoiceId: invoice.id, reason: "pro bono", waivedBy: "test" });
    // The next nights: nothing.
    await simulate(database, clock, ports, local("2026-03-05T00:30", ZONE));
    expect((await invoicesOf(p.practiceId)).map((i) => i.status)).toEqual(["void"]);
    // By hand: refused with the reason.
    await expect(
      invoiceSessionNow(database, { actor: p.actor, appointmentId: appt, now: clock.now() }),
    ).rejects.toMatchObject({ code: "NOT_BILLABLE", details: { reasons: [{ code: "WAIVED" }] } });
    const why = await explainAppointmentBilling(database, {
      actor: p.actor,
      appointmentId: appt,
      now: clock.now(),
    });
    expect(why.reasons.map((r) => r.code)).toEqual(["WAIVED"]);
    expect(why.reasons[0]!.message).toContain("pro bono");
    expect(why.waiver).toMatchObject({ by: "test", reason: "pro bono" });
    expect(why.tonight).toContain("waived");
    expect(why.canInvoiceNow).toBe(false);
    // On Kept: the session marked Kept again enqueues its job, which invoices nothing.
    await configure(database, p, clock.now(), (c) => {
      c.invoiceCreationMode = "on_kept";
    });
    await changeAppointmentStatus(database, {
      actor: p.actor,
      appointmentId: appt,
      to: "kept",
      now: clock.now(),
    });
    await drainJobs({ database, clock, ports });
    expect((await invoicesOf(p.practiceId)).map((i) => i.status)).toEqual(["void"]);
    // Monthly: the run on the first of April takes every uninvoiced session of March, but not this one.
    await configure(database, p, clock.now(), (c) => {
      c.invoiceCreationMode = "monthly";
    });
    await simulate(database, clock, ports, local("2026-04-02T00:30", ZONE));
    expect((await invoicesOf(p.practiceId)).map((i) => i.status)).toEqual(["void"]);
  });

  it("a correction releases the session: the next night invoices it again", async () => {
    const { clock, ports, p, appt, invoice } = await noShowFeeInvoiced();
    await voidInvoice(database, {
      actor: p.actor,
      invoiceId: invoice.id,
      reason: "wrong client",
      disposition: "correction",
      now: clock.now(),
    });
    expect(
      await database.db
        .select()
        .from(tables.sessionWaivers)
        .where(eq(tables.sessionWaivers.appointmentId, appt)),
    ).toEqual([]);
    await simulate(database, clock, ports, local("2026-03-04T00:30", ZONE));
    expect((await invoicesOf(p.practiceId)).map((i) => i.status).sort()).toEqual(["open", "void"]);
  });
});
