import {
  createSuperbill,
  createSuperbills,
  downloadDocumentPdf,
  runAutomation,
  voidDocument,
} from "@billcycle/app";
import { DomainError, ManualClock } from "@billcycle/core";
import { openDatabase, tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import {
  configure,
  createAppointment,
  createBillingPractice,
  createClient,
  type PracticeFixture,
} from "@billcycle/testing/billing-fixture";
import { filePorts, local, simulate } from "@billcycle/testing/engine-harness";
import { readPdfText } from "@billcycle/testing/read-pdf-text";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ZONE = "America/Chicago";

const refusal = async (p: Promise<unknown>): Promise<DomainError> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
};

describe.each(testBackends())("superbills (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  const setUp = async (localStart: string, superbillDay: number) => {
    const clock = new ManualClock(local(localStart, ZONE));
    const p = await createBillingPractice(database, ZONE, clock.now());
    await database.db
      .update(tables.practices)
      .set({
        billingSettings: sql`jsonb_set(${tables.practices.billingSettings}, '{superbillDayOfMonth}', ${String(superbillDay)}::jsonb)`,
      })
      .where(eq(tables.practices.id, p.practiceId));
    await database.db
      .update(tables.providers)
      .set({ license: "TX LPC 12345", credentials: "LPC" })
      .where(eq(tables.providers.id, p.providerId));
    await configure(database, p, clock.now(), (c) => {
      c.automations.superbills.enabled = true;
    });
    return { clock, p, ports: filePorts() };
  };

  const client = async (p: PracticeFixture, now: Date, autoSuperbills: boolean, firstName: string) => {
    const id = await createClient(database, p, now);
    await database.db
      .update(tables.clients)
      .set({ autoSuperbills, firstName })
      .where(eq(tables.clients.id, id));
    return id;
  };

  const runsOf = (practiceId: string) =>
    database.db
      .select()
      .from(tables.automationRuns)
      .where(
        and(
          eq(tables.automationRuns.practiceId, practiceId),
          eq(tables.automationRuns.automation, "superbills"),
        ),
      )
      .orderBy(asc(tables.automationRuns.localDate));

  const superbillsOf = (practiceId: string) =>
    database.db
      .select()
      .from(tables.documents)
      .where(and(eq(tables.documents.practiceId, practiceId), eq(tables.documents.kind, "superbill")))
      .orderBy(asc(tables.documents.number), asc(tables.documents.version));

  const outcomesOf = async (runId: string) =>
    Object.fromEntries(
      (
        await database.db
          .select()
          .from(tables.automationOutcomes)
          .where(eq(tables.automationOutcomes.runId, runId))
      ).map((o) => [o.subjectId, { outcome: o.outcome, reason: o.reasonCode, message: o.message }]),
    );

  it("day 31 runs on February 28 at 01:00, takes January and earlier, says why for every client, and April 30 takes February and March", async () => {
    const { clock, p, ports } = await setUp("2026-02-01T08:00", 31);
    const now = clock.now();
    const ann = await client(p, now, true, "Ann");
    const bob = await client(p, now, false, "Bob");
    const cy = await client(p, now, true, "Cy");
    const idle = await client(p, now, false, "Idle");
    const kept = (id: string, localStart: string, services?: string[]) =>
      createAppointment(database, p, id, now, { localStart, status: "kept", services });
    await kept(ann, "2026-01-05T10:00", [p.services.intake, p.services.nonBillable]);
    await kept(ann, "2026-01-19T10:00");
    await kept(ann, "2026-02-02T10:00");
    await createAppointment(database, p, ann, now, { localStart: "2026-01-26T10:00", status: "no_show" });
    await createAppointment(database, p, ann, now, { localStart: "2026-01-27T10:00" });
    await kept(bob, "2026-01-12T10:00");

    await simulate(database, clock, ports, local("2026-02-27T20:00", ZONE), 720);
    expect(await runsOf(p.practiceId)).toEqual([]);
    await simulate(database, clock, ports, local("2026-03-01T12:00", ZONE));
    const runs = await runsOf(p.practiceId);
    expect(runs.map((r) => [r.localDate, r.status, r.late])).toEqual([["2026-02-28", "done", false]]);
    expect(runs[0]!.scheduledAt.toISOString()).toBe(local("2026-02-28T01:00", ZONE).toISOString());
    expect(runs[0]!.counts).toEqual({ considered: 3, created: 1, skipped: 2 });

    const [sb] = await superbillsOf(p.practiceId);
    expect(sb).toMatchObject({
      clientId: ann,
      number: "SB-1000",
      periodFrom: "2026-01-05",
      periodTo: "2026-01-19",
      amountCents: 37500,
      source: "automation",
      runId: runs[0]!.id,
      status: "issued",
    });
    const outcomes = await outcomesOf(runs[0]!.id);
    expect(outcomes[ann]).toEqual({
      outcome: "done",
      reason: null,
      message: "superbill SB-1000: 2 services from 2026-01-05 to 2026-01-19, $375.00",
    });
    expect(outcomes[bob]).toMatchObject({ outcome: "skipped", reason: "AUTO_SUPERBILLS_OFF" });
    expect(outcomes[cy]).toMatchObject({ outcome: "skipped", reason: "NOTHING_ELIGIBLE" });
    expect(outcomes[cy]!.message).toBe(
      "no insurance-eligible service of a kept session through 2026-01-31 is waiting for a superbill",
    );
    expect(outcomes[idle]).toBeUndefined();

    const pdf = await readPdfText(
      (await downloadDocumentPdf(database, { actor: p.actor, documentId: sb!.id, now: clock.now() })).bytes,
    );
    expect(pdf.lines).toContain("SUPERBILL");
    expect(pdf.lines).toContain("Ann Client | Fixture Practice");
    expect(pdf.text).toContain("Date of birth: 1990-05-05");
    expect(pdf.text).toContain("Member ID: M123456789");
    expect(pdf.text).toContain("Insurance: Blue Prairie");
    expect(pdf.text).toContain("Tax ID: 12-3456789");
    expect(pdf.text).toMatch(/\| Hana Reyes, LPC \| \d{10} \| TX LPC 12345 \| 101YM0800X/);
    expect(pdf.lines).toContain("A | F41.1");
    expect(pdf.lines).toContain("2026-01-05 | 11 | 90791 | Diagnostic evaluation | A | 1 | 1 | $200.00");
    expect(pdf.lines).toContain("2026-01-19 | 11 | 90837 | Psychotherapy, 60 minutes | A | 1 | 1 | $175.00");
    expect(pdf.text).not.toContain("99999");
    expect(pdf.text).not.toContain("2026-02-02");
    expect(pdf.text).not.toContain("2026-01-26");
    expect(pdf.lines).toContain("Total fees | $375.00");
    expect(pdf.text).toContain("Statement of medical necessity");

    // Days that are not the superbill day schedule nothing; a manual run on one is skipped with a note.
    const [manual] = await database.db
      .insert(tables.automationRuns)
      .values({
        id: crypto.randomUUID(),
        practiceId: p.practiceId,
        automation: "superbills",
        trigger: "manual",
        localDate: "2026-03-01",
        scheduledAt: clock.now(),
        status: "queued",
        createdAt: clock.now(),
      })
      .returning();
    expect(await runAutomation(database, manual!.id, ports, clock)).toEqual({
      status: "skipped",
      counts: {},
    });
    const [noted] = await database.db
      .select()
      .from(tables.automationRuns)
      .where(eq(tables.automationRuns.id, manual!.id));
    expect(noted!.note).toBe("superbills are created on day 31 of the month (the last day when shorter)");

    await simulate(database, clock, ports, local("2026-05-01T12:00", ZONE), 720);
    const later = await runsOf(p.practiceId);
    expect(later.filter((r) => r.trigger === "schedule").map((r) => r.localDate)).toEqual([
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
    ]);
    const march = later.find((r) => r.localDate === "2026-03-31")!;
    expect(march.counts).toEqual({ considered: 3, created: 1, skipped: 2 });
    const all = await superbillsOf(p.practiceId);
    expect(all.map((d) => [d.number, d.clientId, d.periodFrom, d.periodTo])).toEqual([
      ["SB-1000", ann, "2026-01-05", "2026-01-19"],
      ["SB-1001", ann, "2026-02-02", "2026-02-02"],
    ]);
    const april = await outcomesOf(later.find((r) => r.localDate === "2026-04-30")!.id);
    expect(april[ann]).toMatchObject({ outcome: "skipped", reason: "NOTHING_ELIGIBLE" });
  });

  it("February 29 in a leap year; a re-run or a second worker on the same run adds nothing; each service is on one superbill", async () => {
    const { clock, p, ports } = await setUp("2028-02-01T08:00", 30);
    const now = clock.now();
    const ids = [];
    for (const name of ["Ann", "Bea", "Cal", "Dee"]) {
      const id = await client(p, now, true, name);
      ids.push(id);
      await createAppointment(database, p, id, now, { localStart: "2028-01-10T10:00", status: "kept" });
    }
    await simulate(database, clock, ports, local("2028-02-28T20:00", ZONE), 720);
    await simulate(database, clock, ports, local("2028-02-29T00:30", ZONE), 30);
    expect(await runsOf(p.practiceId)).toEqual([]);
    // The run is scheduled at 01:00 on the 29th; two workers execute its body at once, then a retry after a "crash".
    clock.set(local("2028-02-29T01:00", ZONE));
    const { tickClock } = await import("../src/clock/tick-clock");
    await tickClock(database, clock.now());
    const [run] = await runsOf(p.practiceId);
    expect(run).toMatchObject({ localDate: "2028-02-29", status: "queued" });
    const input = {
      practiceId: p.practiceId,
      runId: run!.id,
      trigger: "schedule" as const,
      today: "2028-02-29",
      batchSize: 2,
    };
    await Promise.all([
      createSuperbills(database, input, clock.now()),
      createSuperbills(database, input, clock.now()),
    ]);
    await createSuperbills(database, input, clock.now());
    const superbills = await superbillsOf(p.practiceId);
    expect(superbills.map((s) => s.clientId).sort()).toEqual([...ids].sort());
    const links = await database.db
      .select()
      .from(tables.superbillServices)
      .where(eq(tables.superbillServices.practiceId, p.practiceId));
    expect(links).toHaveLength(4);
    const done = await runAutomation(database, run!.id, ports, clock);
    expect(done).toEqual({ status: "done", counts: { considered: 4, created: 4, skipped: 0 } });
    expect(await superbillsOf(p.practiceId)).toHaveLength(4);
    // Another run taking the same month finds each client's services already on a superbill and says which.
    await createSuperbills(database, { ...input, runId: null, trigger: "manual" }, clock.now());
    const why = await database.db
      .select()
      .from(tables.automationOutcomes)
      .where(
        and(
          eq(tables.automationOutcomes.practiceId, p.practiceId),
          sql`${tables.automationOutcomes.runId} IS NULL`,
        ),
      );
    expect(why).toHaveLength(4);
    for (const o of why) {
      expect(o.reasonCode).toBe("ALREADY_ON_SUPERBILL");
      expect(o.message).toMatch(/^services through 2028-01-31 are already on superbill SB-100[0-3]$/);
    }
  });

  it("a run of several batches refreshes the planner's statistics of the documents tables after its first batch; a run of one does not", async () => {
    const { clock, p } = await setUp("2027-03-01T08:00", 1);
    const now = clock.now();
    for (const name of ["Eve", "Fay", "Gus"]) {
      const id = await client(p, now, true, name);
      await createAppointment(database, p, id, now, { localStart: "2027-02-10T10:00", status: "kept" });
    }
    // In microseconds: two ANALYZEs within one second must not read as one.
    const analyzedAt = () =>
      database.withSession(async (exec) => {
        const [row] = await exec(
          "SELECT (extract(epoch FROM last_analyze) * 1000000)::bigint::text AS at FROM pg_stat_user_tables WHERE relname = 'documents'",
        );
        return String(row?.at);
      });
    const before = await analyzedAt();
    const input = { practiceId: p.practiceId, runId: null, trigger: "manual" as const, today: "2027-03-01" };
    expect(await createSuperbills(database, { ...input, batchSize: 1 }, now)).toMatchObject({ created: 3 });
    await expect.poll(analyzedAt, { timeout: 5000, interval: 50 }).not.toBe(before);
    const after = await analyzedAt();
    await createAppointment(database, p, (await superbillsOf(p.practiceId))[0]!.clientId, now, {
      localStart: "2027-02-11T10:00",
      status: "kept",
    });
    expect(await createSuperbills(database, { ...input, batchSize: 10 }, now)).toMatchObject({ created: 1 });
    expect(await analyzedAt()).toBe(after);
  });

  it.runIf(backend === "postgres")(
    "two batches in flight: a batch that fails after reserving its numbers leaves them unused and the audit trail names them",
    async () => {
      const { clock, p } = await setUp("2027-05-01T08:00", 1);
      const now = clock.now();
      const names = ["Hal", "Ida", "Jon", "Kay"];
      const ids: string[] = [];
      for (const name of names) {
        const id = await client(p, now, true, name);
        ids.push(id);
        await createAppointment(database, p, id, now, { localStart: "2027-04-12T10:00", status: "kept" });
      }
      // The third client's superbill cannot be written (a trigger stands for a failure after the numbers are taken).
      const failing = [...ids].sort()[2]!;
      await database.exec(`
        CREATE FUNCTION refuse_superbill() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.client_id = '${failing}'::uuid THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER refuse_superbill BEFORE INSERT ON documents FOR EACH ROW EXECUTE FUNCTION refuse_superbill();`);
      const input = {
        practiceId: p.practiceId,
        runId: null,
        trigger: "manual" as const,
        today: "2027-05-01",
      };
      try {
        await expect(
          createSuperbills(database, { ...input, batchSize: 1, inFlight: 2 }, now),
        ).rejects.toThrow();
      } finally {
        await database.exec("DROP TRIGGER refuse_superbill ON documents; DROP FUNCTION refuse_superbill();");
      }
      const skipped = await database.db
        .select()
        .from(tables.auditLog)
        .where(and(eq(tables.auditLog.practiceId, p.practiceId), eq(tables.auditLog.action, "skip")));
      expect(skipped).toHaveLength(1);
      const { from, to } = skipped[0]!.details as { from: string; to: string };
      expect(from).toBe(to);
      expect(skipped[0]).toMatchObject({ entity: "document_numbers", actor: expect.any(String) });
      // The run again, on a pool of three connections (the run's session and one per batch): it finishes; every
      // client gets one superbill; the numbers used and the one skipped are each used once.
      const small = await openDatabase({ kind: "postgres", url: database.url!, poolSize: 3 });
      try {
        await createSuperbills(small, { ...input, batchSize: 1, inFlight: 2 }, now);
        const made = await superbillsOf(p.practiceId);
        expect(made.map((d) => d.clientId).sort()).toEqual([...ids].sort());
        const numbers = [...made.map((d) => d.number), from];
        expect(new Set(numbers).size).toBe(numbers.length);
        expect(made.map((d) => d.number)).not.toContain(from);
      } finally {
        await small.close();
      }
      // One connection cannot hold the run's session and a batch: the run goes one batch at a time and finishes.
      for (const name of ["Lou", "Max"]) {
        const id = await client(p, now, true, name);
        await createAppointment(database, p, id, now, { localStart: "2027-04-13T10:00", status: "kept" });
      }
      const tiny = await openDatabase({ kind: "postgres", url: database.url!, poolSize: 1 });
      try {
        expect(await createSuperbills(tiny, { ...input, batchSize: 1, inFlight: 2 }, now)).toMatchObject({
          created: 2,
        });
      } finally {
        await tiny.close();
      }
    },
  );

  it("by hand for a date range; nothing twice; voiding releases the services; another practice's client is not found", async () => {
    const { clock, p } = await setUp("2026-03-10T08:00", 1);
    const now = clock.now();
    const bob = await client(p, now, false, "Bob");
    await createAppointment(database, p, bob, now, { localStart: "2026-02-03T10:00", status: "kept" });
    await createAppointment(database, p, bob, now, { localStart: "2026-02-17T10:00", status: "kept" });
    await createAppointment(database, p, bob, now, { localStart: "2026-03-03T10:00", status: "kept" });
    const feb = await createSuperbill(database, {
      actor: p.actor,
      clientId: bob,
      from: "2026-02-01",
      to: "2026-02-28",
      now,
    });
    expect(feb).toMatchObject({
      kind: "superbill",
      source: "user",
      periodFrom: "2026-02-03",
      periodTo: "2026-02-17",
      amountCents: 35000,
    });
    const again = await refusal(
      createSuperbill(database, {
        actor: p.actor,
        clientId: bob,
        from: "2026-02-01",
        to: "2026-03-31",
        now,
      }).then(() =>
        createSuperbill(database, {
          actor: p.actor,
          clientId: bob,
          from: "2026-02-01",
          to: "2026-03-31",
          now,
        }),
      ),
    );
    expect(again.code).toBe("CONFLICT");
    expect(again.details).toMatchObject({ reason: "ALREADY_ON_SUPERBILL" });
    expect(again.message).toMatch(/already on superbill SB-1000, SB-1001$/);
    const empty = await refusal(
      createSuperbill(database, { actor: p.actor, clientId: bob, from: "2025-01-01", to: "2025-12-31", now }),
    );
    expect(empty).toMatchObject({ code: "CONFLICT", details: { reason: "NOTHING_ELIGIBLE" } });
    expect(
      (
        await refusal(
          createSuperbill(database, {
            actor: p.actor,
            clientId: bob,
            from: "2026-03-01",
            to: "2026-02-01",
            now,
          }),
        )
      ).code,
    ).toBe("VALIDATION_FAILED");

    await voidDocument(database, { actor: p.actor, documentId: feb.id, reason: "wrong address", now });
    const redo = await createSuperbill(database, {
      actor: p.actor,
      clientId: bob,
      from: "2026-02-01",
      to: "2026-02-28",
      now,
    });
    expect(redo).toMatchObject({ number: "SB-1002", periodFrom: "2026-02-03", periodTo: "2026-02-17" });

    const other = await createBillingPractice(database, ZONE, now, "Other");
    expect(
      (
        await refusal(
          createSuperbill(database, {
            actor: other.actor,
            clientId: bob,
            from: "2026-02-01",
            to: "2026-02-28",
            now,
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
  });
});
