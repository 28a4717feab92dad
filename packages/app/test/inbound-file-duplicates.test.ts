import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  defaultTransportResolver,
  importInboundFile,
  pickUpInboundFiles,
  TransportError,
  type TransportResolverDeps,
} from "@billcycle/app";
import { decodeX12Bytes } from "@billcycle/core";
import { loadMigrations, newId, tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { type Harness, openHarness } from "@billcycle/testing/api-harness";
import type { PracticeFixture } from "@billcycle/testing/billing-fixture";
import { practiceWithSubmittedClaims, ZONE } from "@billcycle/testing/claims-fixture";
import { local } from "@billcycle/testing/engine-harness";
import { ack277, era835, paidClaim } from "@billcycle/testing/x12-files";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * An inbound file (999, 277CA, 835) is known by its content, not its name: the same bytes twice, under any names,
 * are processed once; a name seen before with other bytes is a new file. Hand uploads, the CLI and the clearinghouse
 * pickup all go through importInboundFile.
 */

const GARBAGE = "this is not an X12 file at all";
const NOW = local("2026-03-06T12:00", ZONE);
const sha256Of = (content: string) => createHash("sha256").update(content).digest("hex");

/** An 835 paying `claim` $150 with a $25 contractual write-off. */
const paying = (trace: string, pcn: string, control?: number) =>
  era835({ trace, control, claims: [paidClaim(pcn, `${pcn}-1`)] });

describe.each(testBackends())("inbound files are known by their content (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  const importAs = (p: PracticeFixture, name: string, content: string, now = NOW) =>
    importInboundFile(database, p.practiceId, { name, content }, now, "test");
  const inboundFiles = (p: PracticeFixture) =>
    database.db
      .select()
      .from(tables.clearinghouseFiles)
      .where(
        and(
          eq(tables.clearinghouseFiles.practiceId, p.practiceId),
          eq(tables.clearinghouseFiles.direction, "inbound"),
        ),
      )
      .orderBy(asc(tables.clearinghouseFiles.createdAt), asc(tables.clearinghouseFiles.id));
  const postingsOf = (claimId: string) =>
    database.db.select().from(tables.postings).where(eq(tables.postings.claimId, claimId));
  const remittancesOf = (p: PracticeFixture) =>
    database.db.select().from(tables.remittances).where(eq(tables.remittances.practiceId, p.practiceId));

  it("an unreadable file, then a valid 835 under the same name: the 835 is imported and posts", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 1);
    const c = claims[0]!;
    const bad = await importAs(p, "bad.835", GARBAGE);
    expect(bad).toMatchObject({
      status: "rejected",
      error: expect.stringMatching(/Not a 999, 277CA or 835/),
    });

    const good = await importAs(p, "bad.835", paying(`T-fixed-${backend}`, c.patientControlNumber));
    expect(good).toMatchObject({ kind: "835", status: "processed", name: "bad.835" });
    expect(good.fileId).not.toBe(bad.fileId);
    expect(good.remittances).toEqual([expect.objectContaining({ status: "posted", posted: 1 })]);
    expect((await postingsOf(c.id)).map((x) => [x.kind, x.amountCents]).sort()).toEqual([
      ["payment", 15000],
      ["write_off", 2500],
    ]);
    expect((await inboundFiles(p)).map((f) => [f.id, f.name, f.status])).toEqual([
      [bad.fileId, "bad.835", "rejected"],
      [good.fileId, "bad.835", "processed"],
    ]);
  });

  it("a corrected 835 under a reused name (era.835) is imported; the same bytes under that name again are not", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 2);
    const [a, b] = claims;
    const first = await importAs(p, "era.835", paying(`T-a-${backend}`, a!.patientControlNumber));
    const second = await importAs(p, "era.835", paying(`T-b-${backend}`, b!.patientControlNumber));
    expect(first.status).toBe("processed");
    expect(second).toMatchObject({
      status: "processed",
      remittances: [expect.objectContaining({ posted: 1 })],
    });
    expect(await postingsOf(b!.id)).toHaveLength(2);

    const again = await importAs(p, "era.835", paying(`T-b-${backend}`, b!.patientControlNumber));
    expect(again).toEqual({ fileId: second.fileId, name: "era.835", kind: "835", status: "duplicate" });
    expect(await inboundFiles(p)).toHaveLength(2);
    expect(await postingsOf(b!.id)).toHaveLength(2);
  });

  it("the same ERA under two names posts once: the second is a duplicate naming the first file, and is not stored", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 1);
    const c = claims[0]!;
    const content = paying(`T-twice-${backend}`, c.patientControlNumber);
    const first = await importAs(p, "era-0306.835", content);
    expect(first.status).toBe("processed");
    const second = await importAs(p, "ERA_download (1).835", content, local("2026-03-07T09:00", ZONE));
    expect(second).toEqual({
      fileId: first.fileId,
      name: "ERA_download (1).835",
      kind: "835",
      status: "duplicate",
    });

    const files = await inboundFiles(p);
    expect(files.map((f) => [f.id, f.name, f.status])).toEqual([[first.fileId, "era-0306.835", "processed"]]);
    expect(files[0]!.sha256).toBe(sha256Of(content));
    expect(await postingsOf(c.id)).toHaveLength(2);
    expect(await remittancesOf(p)).toHaveLength(1);
  });

  it("a 277CA received twice under two names is processed once", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 1);
    const c = claims[0]!;
    const content = ack277([
      { pcn: c.patientControlNumber, accepted: true, payerClaimNumber: "ICN-1", chargeCents: 17500 },
    ]);
    const first = await importAs(p, "ack-1.277", content);
    expect(first).toMatchObject({ status: "processed", acknowledgments: { accepted: 1, rejected: 0 } });
    expect(await importAs(p, "ack-1-copy.277", content)).toMatchObject({
      fileId: first.fileId,
      status: "duplicate",
    });
    const acks = await database.db
      .select()
      .from(tables.claimAcknowledgments)
      .where(eq(tables.claimAcknowledgments.claimId, c.id));
    expect(acks.map((x) => x.fileId)).toEqual([first.fileId]);
    expect(await inboundFiles(p)).toHaveLength(1);
  });

  it("the same unreadable bytes again, under any name, answer the first rejection: nothing is stored twice", async () => {
    const { p } = await practiceWithSubmittedClaims(database, 1);
    const first = await importAs(p, "bad.835", GARBAGE);
    expect(first.status).toBe("rejected");
    for (const name of ["bad.835", "bad-again.835"]) {
      expect(await importAs(p, name, GARBAGE)).toEqual({
        fileId: first.fileId,
        name,
        kind: "unknown",
        status: "rejected",
        code: "VALIDATION_FAILED",
        error: first.error,
      });
    }
    expect((await inboundFiles(p)).map((f) => f.status)).toEqual(["rejected"]);
  });

  it("new bytes whose remittances were all imported before are stored, post nothing, and are a duplicate", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 1);
    const c = claims[0]!;
    const first = await importAs(p, "era.835", paying(`T-resent-${backend}`, c.patientControlNumber, 101));
    // Same payer and trace numbers, another interchange control number: other bytes, same money.
    const resent = await importAs(p, "era.835", paying(`T-resent-${backend}`, c.patientControlNumber, 202));
    expect(resent).toMatchObject({
      status: "duplicate",
      remittances: [expect.objectContaining({ status: "duplicate" })],
    });
    expect(resent.fileId).not.toBe(first.fileId);
    expect((await inboundFiles(p)).map((f) => f.status)).toEqual(["processed", "processed"]);
    expect(await postingsOf(c.id)).toHaveLength(2);
  });

  it("concurrent imports of the same bytes under different names store and post them once", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 1);
    const c = claims[0]!;
    const content = paying(`T-race-${backend}`, c.patientControlNumber);
    const results = await Promise.all(
      ["race-1.835", "race-2.835", "race-3.835", "race-4.835"].map((name) => importAs(p, name, content)),
    );
    // One file; an import that finds it still posting takes part in its batches (as a resumed import does), so it
    // may answer "processed" too — but the claims post once.
    expect(new Set(results.map((r) => r.fileId)).size).toBe(1);
    expect(results.every((r) => r.status === "processed" || r.status === "duplicate")).toBe(true);
    expect(results.some((r) => r.status === "processed")).toBe(true);
    expect(await inboundFiles(p)).toHaveLength(1);
    expect(await remittancesOf(p)).toHaveLength(1);
    expect(await postingsOf(c.id)).toHaveLength(2);
  });

  it("the same bytes in two practices are two files", async () => {
    const one = await practiceWithSubmittedClaims(database, 1);
    const two = await practiceWithSubmittedClaims(database, 1);
    expect((await importAs(one.p, "same.835", GARBAGE)).status).toBe("rejected");
    const other = await importAs(two.p, "same.835", GARBAGE);
    expect(other.status).toBe("rejected");
    expect((await inboundFiles(two.p)).map((f) => f.id)).toEqual([other.fileId]);
  });

  describe("clearinghouse pickup", () => {
    /** The directory drop (no connection configured); `failArchive` makes archiving fail like a dropped link. */
    const pickup = () => {
      const dropRoot = mkdtempSync(join(tmpdir(), "billcycle-inbound-"));
      const faults = { failArchive: false };
      const resolve = defaultTransportResolver({ dropRoot });
      const deps: TransportResolverDeps = {
        transportFor: (practiceId, connection) => {
          const transport = resolve(practiceId, connection);
          return {
            ...transport,
            archive: async (name, into) => {
              if (faults.failArchive)
                throw new TransportError("failed", "archive", `archiving ${name}: refused`);
              return transport.archive(name, into);
            },
          };
        },
      };
      const folder = (p: PracticeFixture) => join(dropRoot, p.practiceId, "inbox");
      const drop = (p: PracticeFixture, name: string, content: string | Buffer) => {
        mkdirSync(folder(p), { recursive: true });
        writeFileSync(
          join(folder(p), name),
          typeof content === "string" ? Buffer.from(content, "latin1") : content,
        );
      };
      const waiting = (p: PracticeFixture) =>
        existsSync(folder(p))
          ? readdirSync(folder(p), { withFileTypes: true })
              .filter((e) => e.isFile())
              .map((e) => e.name)
          : [];
      const archived = (p: PracticeFixture) => readdirSync(join(folder(p), "archive")).sort();
      const rejected = (p: PracticeFixture) => readdirSync(join(folder(p), "rejected")).sort();
      const poll = (p: PracticeFixture, now = NOW) => pickUpInboundFiles(database, p.practiceId, now, deps);
      return { faults, drop, waiting, archived, rejected, poll };
    };

    it("a name the clearinghouse uses again for a new file: the new file is imported", async () => {
      const { p, claims } = await practiceWithSubmittedClaims(database, 2);
      const [a, b] = claims;
      const box = pickup();
      box.drop(p, "era.835", paying(`T-pick-a-${backend}`, a!.patientControlNumber));
      expect(await box.poll(p)).toMatchObject({ files: 1, remittances: 1, duplicates: 0 });
      box.drop(p, "era.835", paying(`T-pick-b-${backend}`, b!.patientControlNumber));
      expect(await box.poll(p, local("2026-03-07T21:00", ZONE))).toMatchObject({
        files: 1,
        remittances: 1,
        duplicates: 0,
      });
      expect(await postingsOf(b!.id)).toHaveLength(2);
      expect(box.waiting(p)).toEqual([]);
      expect(box.archived(p)).toHaveLength(2);
      expect((await inboundFiles(p)).map((f) => [f.name, f.status])).toEqual([
        ["era.835", "processed"],
        ["era.835", "processed"],
      ]);
    });

    it("a file left in the folder (archiving failed) is not imported again at the next poll", async () => {
      const { p, claims } = await practiceWithSubmittedClaims(database, 1);
      const c = claims[0]!;
      const box = pickup();
      box.drop(p, "era-1.835", paying(`T-stuck-${backend}`, c.patientControlNumber));
      box.faults.failArchive = true;
      await expect(box.poll(p)).rejects.toThrow(/archiving era-1.835/);
      expect(box.waiting(p)).toEqual(["era-1.835"]);
      expect(await postingsOf(c.id)).toHaveLength(2);

      box.faults.failArchive = false;
      expect(await box.poll(p, local("2026-03-07T21:00", ZONE))).toEqual({
        files: 1,
        acknowledgments: 0,
        remittances: 0,
        duplicates: 1,
        rejected: 0,
      });
      expect(box.waiting(p)).toEqual([]);
      expect(box.archived(p)).toEqual(["era-1.835"]);
      expect(await box.poll(p, local("2026-03-08T21:00", ZONE))).toMatchObject({ files: 0 });
      expect(await inboundFiles(p)).toHaveLength(1);
      expect(await remittancesOf(p)).toHaveLength(1);
      expect(await postingsOf(c.id)).toHaveLength(2);
    });

    it("a UTF-8 file and a Latin-1 file are read as the text they hold, as an upload of the same file is", async () => {
      const { p, claims } = await practiceWithSubmittedClaims(database, 2);
      const [a, b] = claims;
      const box = pickup();
      const named = (trace: string, pcn: string) =>
        paying(trace, pcn).replace("N1*PR*BLUE PRAIRIE", "N1*PR*SEGURO MÉDICO PEÑA");
      const utf8 = named(`T-utf8-${backend}`, a!.patientControlNumber);
      box.drop(p, "utf8.835", Buffer.from(utf8, "utf8"));
      const latin1 = Buffer.from(named(`T-latin1-${backend}`, b!.patientControlNumber), "latin1");
      box.drop(p, "latin1.835", latin1);
      expect(await box.poll(p)).toMatchObject({ files: 2, remittances: 2, rejected: 0 });
      const files = await inboundFiles(p);
      expect(files.map((f) => decodeX12Bytes(f.raw as Uint8Array).includes("SEGURO MÉDICO PEÑA"))).toEqual([
        true,
        true,
      ]);
      // The bytes stored are the bytes received, not the decoded text.
      expect(Buffer.from(files.find((f) => f.name === "latin1.835")?.raw as Uint8Array)).toEqual(latin1);
      const picked = files.find((f) => f.name === "utf8.835");
      expect(picked).toMatchObject({
        sha256: sha256Of(utf8),
        bytes: Buffer.byteLength(utf8, "utf8"),
      });
      expect((await remittancesOf(p)).map((r) => r.payerName)).toEqual([
        "SEGURO MÉDICO PEÑA",
        "SEGURO MÉDICO PEÑA",
      ]);
      // Sizes are the files' as received: É and Ñ are one byte each in the Latin-1 file.
      expect(files.find((f) => f.name === "latin1.835")?.bytes).toBe(latin1.length);
      // The browser reads an upload as UTF-8 text: the same file is known as the one picked up.
      expect(await importAs(p, "uploaded.835", utf8)).toMatchObject({
        status: "duplicate",
        fileId: picked!.id,
      });
    });

    it("a rejected file is moved to <inbound>/rejected for a person; put back, it is not stored again", async () => {
      const { p } = await practiceWithSubmittedClaims(database, 1);
      const box = pickup();
      for (const day of ["2026-03-06T21:00", "2026-03-07T21:00", "2026-03-08T21:00"]) {
        box.drop(p, "junk.835", GARBAGE);
        expect(await box.poll(p, local(day, ZONE))).toMatchObject({ files: 1, rejected: 1, duplicates: 0 });
        expect(box.waiting(p)).toEqual([]);
        expect(box.rejected(p)[0]).toBe("junk.835");
      }
      expect((await inboundFiles(p)).map((f) => [f.name, f.status])).toEqual([["junk.835", "rejected"]]);
    });
  });
});

describe.each(testBackends())("migration 0006 on existing files (%s)", (backend) => {
  // A database of its own: the test takes the table back to its shape before 0006 (unique by name).
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  it("migration 0006 marks copies received under other names as duplicates and keys inbound files by content", async () => {
    const { p } = await practiceWithSubmittedClaims(database, 1);
    const importAs = (name: string, content: string) =>
      importInboundFile(database, p.practiceId, { name, content }, NOW, "test");
    const migration = loadMigrations().find((m) => m.tag === "0006_inbound_files_unique_by_content")!;
    // Back to the schema before 0006 (unique by name), with copies of the same content under other names.
    await database.exec(`
      DROP INDEX clearinghouse_files_inbound_sha256_key;
      DROP INDEX clearinghouse_files_outbound_name_key;
      ALTER TABLE clearinghouse_files ADD CONSTRAINT clearinghouse_files_name_key UNIQUE (practice_id, direction, name);
    `);
    const at = (day: number) => new Date(Date.UTC(2026, 2, day, 12));
    const rows = [
      ["a-1.835", "legacy a", "processed", 1],
      ["a-2.835", "legacy a", "processed", 2],
      ["a-3.835", "legacy a", "processed", 3],
      ["b-1.835", "legacy b", "rejected", 1],
      ["b-2.835", "legacy b", "processed", 2],
      ["c-1.835", "legacy c", "rejected", 1],
      ["c-2.835", "legacy c", "rejected", 2],
      ["d-1.835", "legacy d", "processed", 1],
    ] as const;
    const ids = new Map<string, string>();
    for (const [name, content, status, day] of rows) {
      const id = newId(at(day).getTime());
      ids.set(name, id);
      await database.db.insert(tables.clearinghouseFiles).values({
        id,
        practiceId: p.practiceId,
        direction: "inbound",
        kind: "835",
        name,
        sha256: sha256Of(content),
        bytes: content.length,
        content,
        status,
        createdAt: at(day),
      });
    }
    await database.exec(migration.sql);

    const after = await database.db
      .select({ name: tables.clearinghouseFiles.name, status: tables.clearinghouseFiles.status })
      .from(tables.clearinghouseFiles)
      .where(eq(tables.clearinghouseFiles.practiceId, p.practiceId));
    expect(Object.fromEntries(after.map((f) => [f.name, f.status]))).toEqual({
      "a-1.835": "processed",
      "a-2.835": "duplicate",
      "a-3.835": "duplicate",
      "b-1.835": "duplicate",
      "b-2.835": "processed",
      "c-1.835": "rejected",
      "c-2.835": "duplicate",
      "d-1.835": "processed",
    });
    // The key holds: one file of record per content, found by the import.
    await expect(
      database.db.insert(tables.clearinghouseFiles).values({
        id: newId(at(4).getTime()),
        practiceId: p.practiceId,
        direction: "inbound",
        kind: "835",
        name: "d-2.835",
        sha256: sha256Of("legacy d"),
        bytes: 8,
        content: "legacy d",
        status: "processed",
        createdAt: at(4),
      }),
    ).rejects.toThrow();
    expect(await importAs("b-3.835", "legacy b")).toMatchObject({
      fileId: ids.get("b-2.835"),
      status: "duplicate",
    });
    expect(await importAs("c-3.835", "legacy c")).toMatchObject({
      fileId: ids.get("c-1.835"),
      status: "rejected",
    });
  });
});

describe.each(testBackends())("POST …/inbound-files (%s)", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(backend);
  });
  afterAll(async () => h?.dispose());

  it("garbage as bad.835 is rejected; a valid 835 uploaded next under the same name is imported, not a duplicate", async () => {
    const p = await h.newPractice("Upload");
    const upload = (name: string, content: string) =>
      h.call("POST", `/api/v1/practices/${p.id}/inbound-files`, {
        token: p.users.owner.token,
        body: { name, content },
      });
    const bad = await upload("bad.835", "garbage, not an X12 file");
    expect(bad.status).toBe(200);
    expect(bad.json).toMatchObject({
      status: "rejected",
      error: expect.stringMatching(/Not a 999, 277CA or 835/),
    });

    const era = era835({
      trace: `T-upload-${backend}`,
      claims: [{ pcn: "NOT-OURS", chargeCents: 10000, paidCents: 10000 }],
    });
    const good = await upload("bad.835", era);
    expect(good.json).toMatchObject({ kind: "835", status: "processed" });
    expect(good.json.fileId).not.toBe(bad.json.fileId);
    expect(good.json.remittances).toEqual([expect.objectContaining({ status: "needs_review", queued: 1 })]);

    // The same ERA downloaded again under another name: a duplicate of that file, nothing imported twice.
    const again = await upload("era-1.835", era);
    expect(again.json).toEqual({
      fileId: good.json.fileId,
      name: "era-1.835",
      kind: "835",
      status: "duplicate",
    });
  });
});
