import {
  appointmentsResource,
  changeAppointmentStatus,
  explainAppointmentBilling,
  openInvoices,
  updateResource,
  voidInvoice,
} from "@billcycle/app";
import { type AutomationConfig, type InvoiceCreationMode, ManualClock } from "@billcycle/core";
import { newId, tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import {
  configure,
  createAppointment,
  createBillingPractice,
  createClient,
} from "@billcycle/testing/billing-fixture";
import { filePorts, local, simulate } from "@billcycle/testing/engine-harness";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drainJobs } from "../src/worker";

const ZONE = "America/Los_Angeles";

describe.each(testBackends())("invoice creation modes (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  /** A billing practice with Invoice Creation on in `mode`, a clock at `localStart` (practice time), file ports. */
  const setUp = async (
    localStart: string,
    mode: InvoiceCreationMode,
    more?: (c: AutomationConfig) => void,
  ) => {
    const clock = new ManualClock(local(localStart, ZONE));
    const p = await createBillingPractice(database, ZONE, clock.now());
    await configure(database, p, clock.now(), (c) => {
      c.invoiceCreationMode = mode;
      c.automations.invoice_creation.enabled = true;
      more?.(c);
    });
    return { clock, ports: filePorts(), p };
  };

  const invoicesOf = (practiceId: string) =>
    database.db.select().from(tables.invoices).where(eq(tables.invoices.practiceId, practiceId));

  it("on Kept: the invoice exists as soon as the status changes, and the nightly safety net adds no duplicate", async () => {
    const { clock, ports, p } = await setUp("2026-03-02T08:00", "on_kept");
    const clientId = await createClient(database, p, clock.now());
    const first = await createAppointment(database, p, clientId, clock.now(), {
      localStart: "2026-03-02T09:00",
    });
    const missed = await createAppointment(database, p, clientId, clock.now(), {
      localStart: "2026-03-02T10:00",
    });
    clock.set(local("2026-03-02T10:00", ZONE));
    await changeAppointmentStatus(database, {
      actor: p.actor,
      appointmentId: first,
      to: "kept",
      now: clock.now(),
    });
    const [job] = await database.db
      .select()
      .from(tables.jobs)
      .where(eq(tables.jobs.queue, "invoice-on-kept"));
    expect(job?.payload).toEqual({ practiceId: p.practiceId, appointmentId: first });
    expect(await drainJobs({ database, clock, ports })).toBe(1);
    const afterKept = await invoicesOf(p.practiceId);
    expect(afterKept).toHaveLength(1);
    expect(afterKept[0]).toMatchObject({ source: "on_kept", status: "open", invoiceDate: "2026-03-02" });
    // The event path for the second session "misses" (its job fails every attempt): the nightly run catches it.
    await changeAppointmentStatus(database, {
      actor: p.actor,
      appointmentId: missed,
      to: "kept",
      now: clock.now(),
    });
    await database.db
      .update(tables.jobs)
      .set({ status: "failed" })
      .where(and(eq(tables.jobs.queue, "invoice-on-kept"), eq(tables.jobs.status, "queued")));
    await simulate(database, clock, ports, local("2026-03-03T00:30", ZONE));
    const all = await invoicesOf(p.practiceId);
    expect(all).toHaveLength(2);
    expect(all.map((i) => i.source).sort()).toEqual(["nightly", "on_kept"]);
    const links = await database.db
      .select()
      .from(tables.appointmentInvoices)
      .where(eq(tables.appointmentInvoices.practiceId, p.practiceId));
    expect(links.map((l) => l.appointmentId).sort()).toEqual([first, missed].sort());
  });

  it("on Kept does nothing when the practice bills nightly", async () => {
    const { clock, p } = await setUp("2026-03-02T08:00", "nightly");
    const clientId = await createClient(database, p, clock.now());
    const id = await createAppointment(database, p, clientId, clock.now(), {
      localStart: "2026-03-02T09:00",
    });
    await changeAppointmentStatus(database, {
      actor: p.actor,
      appointmentId: id,
      to: "kept",
      now: clock.now(),
    });
    await drainJobs({ database, clock, ports: filePorts() });
    expect(await invoicesOf(p.practiceId)).toHaveLength(0);
  });

  it("monthly: on the 1st, one invoice per client for the previous month's sessions", async () => {
    const { clock, ports, p } = await setUp("2026-02-01T08:00", "monthly");
    const a = await createClient(database, p, clock.now());
    const b = await createClient(database, p, clock.now(), { paysBy: "self_pay" });
    for (const day of ["03", "10", "17"])
      await createAppointment(database, p, a, clock.now(), {
        localStart: `2026-02-${day}T10:00`,
        status: "kept",
      });
    for (const day of ["05", "26"])
      await createAppointment(database, p, b, clock.now(), {
        localStart: `2026-02-${day}T10:00`,
        status: "kept",
      });
    await createAppointment(database, p, a, clock.now(), { localStart: "2026-03-01T00:30", status: "kept" });
    await simulate(database, clock, ports, local("2026-03-02T00:00", ZONE), 240);
    const runs = await database.db
      .select()
      .from(tables.automationRuns)
      .where(eq(tables.automationRuns.practiceId, p.practiceId));
    // Runs happen on the 1st only: February 1st (nothing from January) and March 1st.
    expect(runs.map((r) => r.localDate).sort()).toEqual(["2026-02-01", "2026-03-01"]);
    expect(runs.find((r) => r.localDate === "2026-02-01")!.counts).toMatchObject({ invoices: 0 });
    const invoices = await invoicesOf(p.practiceId);
    expect(invoices.map((i) => [i.clientId, i.totalCents, i.source]).sort()).toEqual(
      [
        [a, 3 * 17500, "monthly"],
        [b, 2 * 17500, "monthly"],
      ].sort(),
    );
    const lines = await database.db
      .select()
      .from(tables.invoiceLines)
      .where(eq(tables.invoiceLines.practiceId, p.practiceId));
    expect(lines).toHaveLength(5);
    expect(lines.every((l) => l.dateOfService! < "2026-03-01")).toBe(true);
  });

  it("monthly: a session its own month's run could not bill goes on the next monthly invoice, and says so", async () => {
    const { clock, ports, p } = await setUp("2026-02-01T08:00", "monthly");
    const a = await createClient(database, p, clock.now());
    // Not marked Kept in time for the February 1st run, which covers January.
    const late = await createAppointment(database, p, a, clock.now(), { localStart: "2026-01-20T10:00" });
    await createAppointment(database, p, a, clock.now(), { localStart: "2026-02-10T10:00", status: "kept" });
    await simulate(database, clock, ports, local("2026-02-02T00:00", ZONE));
    expect(await invoicesOf(p.practiceId)).toHaveLength(0);
    await changeAppointmentStatus(database, {
      actor: p.actor,
      appointmentId: late,
      to: "kept",
      now: clock.now(),
    });
    const why = await explainAppointmentBilling(database, {
      actor: p.actor,
      appointmentId: late,
      now: clock.now(),
    });
    expect(why.tonight).toMatch(/^It will be invoiced with the client's monthly invoice on /);
    await simulate(database, clock, ports, local("2026-03-02T00:00", ZONE), 240);
    const invoices = await invoicesOf(p.practiceId);
    expect(invoices.map((i) => [i.clientId, i.totalCents])).toEqual([[a, 2 * 17500]]);
    const lines = await database.db
      .select()
      .from(tables.invoiceLines)
      .where(eq(tables.invoiceLines.invoiceId, invoices[0]!.id));
    expect(lines.map((l) => l.dateOfService).sort()).toEqual(["2026-01-20", "2026-02-10"]);
  });

  it("monthly: a change of insurance within the month gives one invoice per policy", async () => {
    const { clock, ports, p } = await setUp("2026-02-01T08:00", "monthly");
    const a = await createClient(database, p, clock.now(), {
      policy: { from: "2020-01-01", to: "2026-02-14" },
    });
    const second = newId();
    await database.db.insert(tables.insurancePolicies).values({
      id: second,
      practiceId: p.practiceId,
      clientId: a,
      payerId: p.payerId,
      rank: "primary",
      memberId: "NEW987654321",
      subscriberRelationship: "self",
      effectiveFrom: "2026-02-15",
      effectiveTo: null,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
    for (const day of ["03", "10", "20"])
      await createAppointment(database, p, a, clock.now(), {
        localStart: `2026-02-${day}T10:00`,
        status: "kept",
      });
    await simulate(database, clock, ports, local("2026-03-02T00:00", ZONE), 240);
    const invoices = await invoicesOf(p.practiceId);
    expect(invoices).toHaveLength(2);
    const bySecond = invoices.find((i) => i.primaryPolicyId === second);
    expect(bySecond?.totalCents).toBe(17500);
    expect(invoices.find((i) => i !== bySecond)?.totalCents).toBe(2 * 17500);
  });

  it("manual review: sessions become Pended invoices, a person opens them, and only open ones are processed", async () => {
    const { clock, ports, p } = await setUp("2026-03-02T08:00", "manual", (c) => {
      c.automations.invoice_processing.enabled = true;
    });
    const clientId = await createClient(database, p, clock.now());
    await createAppointment(database, p, clientId, clock.now(), {
      localStart: "2026-03-02T09:00",
      status: "kept",
    });
    await createAppointment(database, p, clientId, clock.now(), {
      localStart: "2026-03-02T10:00",
      status: "kept",
    });
    await simulate(database, clock, ports, local("2026-03-04T00:00", ZONE));
    let invoices = await invoicesOf(p.practiceId);
    expect(invoices.map((i) => i.status)).toEqual(["pended", "pended"]);
    expect(
      await database.db.select().from(tables.claims).where(eq(tables.claims.practiceId, p.practiceId)),
    ).toHaveLength(0);
    await openInvoices(database, { actor: p.actor, invoiceIds: [invoices[0]!.id], now: clock.now() });
    await simulate(database, clock, ports, local("2026-03-05T00:00", ZONE));
    invoices = await invoicesOf(p.practiceId);
    expect(invoices.map((i) => i.status).sort()).toEqual(["pended", "processed"]);
    await expect(
      openInvoices(database, {
        actor: p.actor,
        invoiceIds: [invoices.find((i) => i.status === "processed")!.id],
        now: clock.now(),
      }),
    ).rejects.toMatchObject({
      code: "ILLEGAL_TRANSITION",
    });
  });

  /** A nightly practice with one Kept session (2 March, 09:00), invoiced by the night's run. */
  const invoicedSession = async () => {
    const { clock, ports, p } = await setUp("2026-03-02T08:00", "nightly");
    const clientId = await createClient(database, p, clock.now());
    const appt = await createAppointment(database, p, clientId, clock.now(), {
      localStart: "2026-03-02T09:00",
      status: "kept",
    });
    await simulate(database, clock, ports, local("2026-03-03T00:30", ZONE));
    const [invoice] = await invoicesOf(p.practiceId);
    return { clock, ports, p, appt, invoice };
  };

  it("a session on a live invoice keeps its status and details until the invoice is voided", async () => {
    const { clock, ports, p, appt, invoice } = await invoicedSession();
    const refused = { code: "CONFLICT", details: { invoiceId: invoice!.id, invoiceNumber: invoice!.number } };
    // Reopening it (the way to cancel a Kept session) is refused while the invoice is live.
    await expect(
      changeAppointmentStatus(database, {
        actor: p.actor,
        appointmentId: appt,
        to: "upcoming",
        now: clock.now(),
      }),
    ).rejects.toMatchObject(refused);
    const [before] = await database.db
      .select()
      .from(tables.appointments)
      .where(eq(tables.appointments.id, appt));
    const later = { startsAt: "2026-03-02T18:00:00Z", endsAt: "2026-03-02T18:50:00Z" };
    await expect(
      updateResource(database, appointmentsResource, {
        actor: p.actor,
        id: appt,
        version: before!.version,
        patch: later,
        now: clock.now(),
      }),
    ).rejects.toMatchObject(refused);
    const [after] = await database.db
      .select()
      .from(tables.appointments)
      .where(eq(tables.appointments.id, appt));
    expect([after!.status, after!.version]).toEqual(["kept", before!.version]);
    // Voided, the session is released: it can be canceled, and nothing bills it again.
    await voidInvoice(database, {
      actor: p.actor,
      invoiceId: invoice!.id,
      reason: "session did not happen",
      disposition: "correction",
      now: clock.now(),
    });
    await changeAppointmentStatus(database, {
      actor: p.actor,
      appointmentId: appt,
      to: "upcoming",
      now: clock.now(),
    });
    await changeAppointmentStatus(database, {
      actor: p.actor,
      appointmentId: appt,
      to: "canceled",
      now: clock.now(),
    });
    await simulate(database, clock, ports, local("2026-03-04T00:30", ZONE));
    expect((await invoicesOf(p.practiceId)).map((i) => i.status)).toEqual(["void"]);
  });

  it("a voided invoice is kept, its session is released and invoiced again on a new invoice", async () => {
    const { clock, ports, p, appt, invoice: original } = await invoicedSession();
    await voidInvoice(database, {
      actor: p.actor,
      invoiceId: original!.id,
      reason: "wrong fee",
      disposition: "correction",
      now: clock.now(),
    });
    await simulate(database, clock, ports, local("2026-03-04T00:30", ZONE));
    const invoices = await invoicesOf(p.practiceId);
    expect(invoices.map((i) => i.status).sort()).toEqual(["open", "void"]);
    const replacement = invoices.find((i) => i.status === "open")!;
    expect(replacement.number).not.toBe(original!.number);
    const lines = await database.db
      .select()
      .from(tables.invoiceLines)
      .where(eq(tables.invoiceLines.appointmentId, appt));
    expect(lines.map((l) => l.invoiceId).sort()).toEqual([original!.id, replacement.id].sort());
  });
});
