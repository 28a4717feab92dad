import {
  failRun,
  finishInboundFile,
  finishRun,
  insertInboundFile,
  insertOutboundFile,
  insertQueuedRun,
  keyedInboundFiles,
  recordDeliveryOutcome,
  startRun,
} from "@billcycle/app";
import { statusColumns } from "@billcycle/core";
import { newId, tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { createBillingPractice } from "@billcycle/testing/billing-fixture";
import { importFile, practiceWithSubmittedClaims } from "@billcycle/testing/claims-fixture";
import { era835 } from "@billcycle/testing/x12-files";
import { eq, is, sql, Table } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findStatusWrites,
  NOT_STATES,
  strayStatusWrites,
  strayStoredStatuses,
} from "./support/status-writes";

/** Columns whose name says status but that hold no state of ours, and why. */
const isHistory = (table: string, column: string) =>
  table.endsWith("_status_history") && /^(from|to)_(status|adjudication)$/.test(column);

describe("status columns", () => {
  it("every status column of the schema has a transition table, and every table names a real column", () => {
    const inSchema: string[] = [];
    for (const t of Object.values(tables)) {
      if (!is(t, Table)) continue;
      const config = getTableConfig(t as PgTable);
      for (const c of config.columns) {
        if (!/status|adjudication|follow_up/.test(c.name) || isHistory(config.name, c.name)) continue;
        inSchema.push(`${config.name}.${c.name}`);
      }
    }
    const declared = [...new Set(statusColumns.map((c) => `${c.table}.${c.column}`))];
    expect(inSchema.filter((c) => !(c in NOT_STATES)).sort()).toEqual(declared.sort());
  });

  it("every write of a status column in the code is in that column's writer", () => {
    const writes = findStatusWrites();
    // The scan finds the writers themselves, or it finds nothing and proves nothing.
    for (const c of statusColumns.filter((s) => s.table !== "documents"))
      expect(writes.some((w) => w.table === c.table && w.column === c.column)).toBe(true);
    expect(strayStatusWrites(writes)).toEqual([]);
  });

  it("the scan sees each way of writing a status outside its writer", () => {
    const lines = strayStatusWrites([
      { file: "packages/app/src/x.ts", line: 1, table: "claims", column: "status", text: "x" },
      { file: "packages/app/src/x.ts", line: 2, table: null, column: "status", text: "y" },
      { file: "packages/app/src/x.ts", line: 3, table: "payers", column: "status", text: "z" },
      {
        file: "packages/app/src/claims/transition-claims.ts",
        line: 4,
        table: "claims",
        column: "adjudication",
        text: "ok",
      },
    ]);
    expect(lines).toEqual([
      "packages/app/src/x.ts:1 (x): claims.status is written outside its writer packages/app/src/claims/transition-claims.ts",
      "packages/app/src/x.ts:2 (y): writes status of a table the scan cannot tell",
      "packages/app/src/x.ts:3 (z): payers.status has no transition table",
    ]);
  });
});

describe.each(testBackends())("stored statuses (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  it("after claims are made, submitted and paid, every stored status is a state of its table", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 2);
    const [paid, denied] = claims;
    await importFile(
      database,
      p,
      era835({
        trace: `T-STATES-${backend}`,
        claims: [
          {
            pcn: paid!.patientControlNumber,
            chargeCents: 17500,
            paidCents: 15000,
            lines: [
              {
                code: "90837",
                chargeCents: 17500,
                paidCents: 15000,
                date: "2026-03-02",
                control: `${paid!.patientControlNumber}-1`,
                adjustments: [["CO", "45", 2500]],
              },
            ],
          },
          { pcn: denied!.patientControlNumber, chargeCents: 17500, paidCents: 0, status: "4", lines: [] },
          { pcn: "NOT-OURS-1", chargeCents: 1000, paidCents: 1000, lines: [] },
        ],
      }),
    );
    expect(await strayStoredStatuses(database.db)).toEqual([]);
  });

  it("finds a stored value that is not a state", async () => {
    const [c] = await database.db.select({ id: tables.claims.id }).from(tables.claims).limit(1);
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`UPDATE claims SET status = 'lost' WHERE id = ${c!.id}::uuid`);
        expect(await strayStoredStatuses(tx)).toContain("claims.status = lost (1)");
        tx.rollback();
      })
      .catch((e: Error) => {
        if (!/rollback/i.test(e.message)) throw e;
      });
  });

  it("writers move only rows their table lets move: a sent file stays sent, a finished run stays finished", async () => {
    const now = new Date("2026-03-01T12:00:00Z");
    const p = await createBillingPractice(database, "America/Chicago", now, "Writers");
    const file = (id: string) => ({
      id,
      practiceId: p.practiceId,
      kind: "837P" as const,
      name: `f-${id}.x12`,
      sha256: id,
      bytes: 1,
      createdAt: now,
    });
    const fileOf = async (id: string) =>
      (
        await database.db.select().from(tables.clearinghouseFiles).where(eq(tables.clearinghouseFiles.id, id))
      )[0]!;
    const outbound = newId(now.getTime());
    await insertOutboundFile(database.db, file(outbound));
    expect(await recordDeliveryOutcome(database.db, outbound, "unknown", { attempts: 1 })).toBe(1);
    expect(await recordDeliveryOutcome(database.db, outbound, "sent", { attempts: 2, sentAt: now })).toBe(1);
    expect(await recordDeliveryOutcome(database.db, outbound, "failed", { attempts: 3 })).toBe(0);
    expect(await fileOf(outbound)).toMatchObject({ status: "sent", attempts: 2 });

    const inbound = newId(now.getTime());
    await insertInboundFile(database.db, { ...file(inbound), kind: "999" as const }, keyedInboundFiles);
    const done = { processedAt: now, lastError: null, rejectCode: null };
    expect(await finishInboundFile(database.db, inbound, "processed", done)).toBe(1);
    expect(await finishInboundFile(database.db, inbound, "rejected", { ...done, rejectCode: "X" })).toBe(0);
    expect(await fileOf(inbound)).toMatchObject({ status: "processed", rejectCode: null });

    const [run] = await insertQueuedRun(database.db, {
      id: newId(now.getTime()),
      practiceId: p.practiceId,
      automation: "invoice_creation",
      trigger: "manual",
      localDate: "2026-03-01",
      scheduledAt: now,
      createdAt: now,
    });
    const result = { counts: {}, note: null, finishedAt: now, durationMs: 0 };
    // Queued cannot go to Done without running.
    await finishRun(database.db, run!.id, "done", result);
    const statusOf = async () =>
      (
        await database.db.select().from(tables.automationRuns).where(eq(tables.automationRuns.id, run!.id))
      )[0]!.status;
    expect(await statusOf()).toBe("queued");
    expect(await startRun(database.db, run!.id, now)).toBeDefined();
    await finishRun(database.db, run!.id, "skipped", result);
    expect(await statusOf()).toBe("skipped");
    expect(await startRun(database.db, run!.id, now)).toBeUndefined();
    await failRun(database.db, run!.id, "late failure");
    expect(await statusOf()).toBe("skipped");
  });
});
