import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInvoices, defaultTransportResolver, processInvoices, submitClaims } from "@billcycle/app";
import { newId, tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { createAppointment, createBillingPractice, createClient } from "@billcycle/testing/billing-fixture";
import { local } from "@billcycle/testing/engine-harness";
import { validate837P } from "@billcycle/testing/x12-validator/index";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ZONE = "America/Chicago";

/** The segments of the 837P claim whose CLM01 is `pcn`, up to the next claim, HL or SE. */
const claimSegments = (content: string, pcn: string): string[] => {
  const segments = content.split("~").map((s) => s.trim());
  const start = segments.findIndex((s) => s.startsWith(`CLM*${pcn}*`));
  expect(start).toBeGreaterThanOrEqual(0);
  const end = segments.findIndex((s, i) => i > start && /^(CLM|HL|SE)\*/.test(s));
  return segments.slice(start, end);
};

/** The billing provider's NM1*85 of the 2000A loop the claim `pcn` sits under. */
const billingProviderOf = (content: string, pcn: string): string => {
  const segments = content.split("~").map((s) => s.trim());
  const at = segments.findIndex((s) => s.startsWith(`CLM*${pcn}*`));
  return segments.slice(0, at).findLast((s) => s.startsWith("NM1*85*")) ?? "";
};

describe.each(testBackends())("837P loops sent only when different (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it("no 2310C at the practice's address, 2310C elsewhere; no 2310B or 2010AB repeating the billing provider", async () => {
    const now = local("2026-03-01T12:00", ZONE);
    const p = await createBillingPractice(database, ZONE, now);
    const [practice] = await database.db
      .select()
      .from(tables.practices)
      .where(eq(tables.practices.id, p.practiceId));
    const base = { practiceId: p.practiceId, createdAt: now, updatedAt: now };
    // The practice's own office spelled another way (case, ZIP5 for its ZIP+4), a clinic elsewhere, and the
    // owner, who bills under her own individual NPI (the practice's billing NPI).
    const sameOffice = newId();
    const clinic = newId();
    const owner = newId();
    await database.db.insert(tables.locations).values([
      {
        ...base,
        id: sameOffice,
        name: "Main office",
        placeOfServiceCode: "11",
        address: { line1: "1 MAIN STREET ", city: "austin", state: "TX", zip: "78701" },
      },
      {
        ...base,
        id: clinic,
        name: "Oak Clinic",
        placeOfServiceCode: "11",
        address: { line1: "500 Oak Avenue", city: "Round Rock", state: "TX", zip: "78664" },
      },
    ]);
    await database.db.insert(tables.providers).values({
      ...base,
      id: owner,
      firstName: "Ada",
      lastName: "Owner",
      npi: practice!.billingNpi,
      taxonomyCode: "101YM0800X",
    });
    const sessions = [
      { name: "office", providerId: p.providerId, locationId: p.locationId },
      { name: "office spelled another way", providerId: p.providerId, locationId: sameOffice },
      { name: "clinic", providerId: p.providerId, locationId: clinic },
      { name: "owner", providerId: owner, locationId: p.locationId },
    ];
    const appointmentOf = new Map<string, string>();
    for (const s of sessions) {
      const clientId = await createClient(database, p, now);
      const id = await createAppointment(
        database,
        { ...p, providerId: s.providerId, locationId: s.locationId },
        clientId,
        now,
        { localStart: "2026-03-02T10:00", status: "kept" },
      );
      appointmentOf.set(s.name, id);
    }
    await createInvoices(
      database,
      { practiceId: p.practiceId, trigger: "manual", runId: null, today: "2026-03-02" },
      now,
    );
    await processInvoices(
      database,
      { practiceId: p.practiceId, trigger: "manual", runId: null, today: "2026-03-03" },
      now,
    );
    const result = await submitClaims(
      database,
      { practiceId: p.practiceId, runId: null, trigger: "manual", today: "2026-03-04" },
      local("2026-03-04T21:00", ZONE),
      {
        transportFor: defaultTransportResolver({ dropRoot: mkdtempSync(join(tmpdir(), "billcycle-loops-")) }),
      },
      { dryRun: true },
    );
    expect(result).toMatchObject({ considered: 4, scrubberRejected: 0, submitted: 4 });
    const content = result.fileContent!;
    expect(validate837P(content)).toEqual([]);

    const pcnOf = async (name: string) => {
      const [row] = await database.db
        .select({ pcn: tables.claims.patientControlNumber })
        .from(tables.claims)
        .innerJoin(tables.invoiceLines, eq(tables.invoiceLines.invoiceId, tables.claims.invoiceId))
        .where(eq(tables.invoiceLines.appointmentId, appointmentOf.get(name)!));
      return row!.pcn;
    };
    const office = claimSegments(content, await pcnOf("office"));
    expect(office.some((s) => s.startsWith("NM1*77*"))).toBe(false);
    expect(
      claimSegments(content, await pcnOf("office spelled another way")).some((s) => s.startsWith("NM1*77*")),
    ).toBe(false);
    const atClinic = claimSegments(content, await pcnOf("clinic"));
    const facility = atClinic.findIndex((s) => s.startsWith("NM1*77*"));
    expect(atClinic.slice(facility, facility + 3)).toEqual([
      "NM1*77*2*Oak Clinic",
      "N3*500 Oak Avenue",
      "N4*Round Rock*TX*78664",
    ]);
    // Another provider renders: 2310B names her; the owner billing under her own NPI gets none, and is the
    // billing provider (a person).
    expect(office.some((s) => s.startsWith("NM1*82*1*Reyes*Hana"))).toBe(true);
    const ownPcn = await pcnOf("owner");
    expect(claimSegments(content, ownPcn).some((s) => s.startsWith("NM1*82*"))).toBe(false);
    expect(billingProviderOf(content, ownPcn)).toBe(`NM1*85*1*Owner*Ada****XX*${practice!.billingNpi}`);
    expect(billingProviderOf(content, await pcnOf("office"))).toBe(
      `NM1*85*2*Fixture Practice*****XX*${practice!.billingNpi}`,
    );
    // The practice has no pay-to address of its own: no 2010AB.
    expect(content).not.toContain("~NM1*87*");
  });
});
