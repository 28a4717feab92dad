import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultTransportResolver, MAX_INBOUND_FILE_BYTES, pickUpInboundFiles } from "@billcycle/app";
import { tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import { type Harness, openHarness } from "@billcycle/testing/api-harness";
import type { PracticeFixture } from "@billcycle/testing/billing-fixture";
import { practiceWithSubmittedClaims, ZONE } from "@billcycle/testing/claims-fixture";
import { local } from "@billcycle/testing/engine-harness";
import { era835, paidClaim } from "@billcycle/testing/x12-files";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * A file that is not text X12 never stops anything: UTF-16 files are read as the text they hold, a file with NUL
 * bytes is stored as it came (bytea), refused with FILE_NOT_TEXT and moved aside, and the rest of the inbox posts.
 */

const NOW = local("2026-03-06T21:00", ZONE);

const paying = (trace: string, pcn: string) => era835({ trace, claims: [paidClaim(pcn)] });

const utf16le = (text: string, bom: boolean) =>
  Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, "utf16le")]);
const utf16be = (text: string, bom: boolean) =>
  Buffer.concat([Buffer.from(bom ? [0xfe, 0xff] : []), Buffer.from(text, "utf16le").swap16()]);

describe.each(testBackends())("inbound files that are not text X12 (%s)", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.dispose());

  it("ERA Processing: UTF-16 835s post, a NUL file and a broken UTF-16 file are rejected and moved aside, the good 835 posts in the same run", async () => {
    const { p, claims } = await practiceWithSubmittedClaims(database, 3);
    const [a, b, c] = claims;
    const dropRoot = mkdtempSync(join(tmpdir(), "billcycle-not-text-"));
    const inbox = join(dropRoot, p.practiceId, "inbox");
    mkdirSync(inbox, { recursive: true });
    const nul = Buffer.concat([Buffer.from(paying(`T-nul-${backend}`, "NOT-OURS")), Buffer.from([0, 0, 0])]);
    const brokenUtf16 = Buffer.concat([utf16le("ISA*00*", true), Buffer.from([0x41])]);
    const files: Array<[string, Buffer]> = [
      ["1-utf16le-bom.835", utf16le(paying(`T-le-${backend}`, a!.patientControlNumber), true)],
      ["2-utf16be.835", utf16be(paying(`T-be-${backend}`, b!.patientControlNumber), false)],
      ["3-nul.835", nul],
      ["4-broken-utf16.835", brokenUtf16],
      ["5-good.835", Buffer.from(paying(`T-good-${backend}`, c!.patientControlNumber))],
    ];
    for (const [name, bytes] of files) writeFileSync(join(inbox, name), bytes);

    const counts = await pickUpInboundFiles(database, p.practiceId, NOW, {
      transportFor: defaultTransportResolver({ dropRoot }),
    });
    expect(counts).toMatchObject({ files: 5, remittances: 3, rejected: 2 });

    const stored = await inboundFiles(p);
    expect(stored.map((f) => [f.name, f.status, f.rejectCode, f.encoding])).toEqual([
      ["1-utf16le-bom.835", "processed", null, "utf-16le"],
      ["2-utf16be.835", "processed", null, "utf-16be"],
      ["3-nul.835", "rejected", "FILE_NOT_TEXT", null],
      ["4-broken-utf16.835", "rejected", "FILE_NOT_TEXT", null],
      ["5-good.835", "processed", null, "utf-8"],
    ]);
    // The bytes received are what is stored, NULs and all.
    for (const [name, bytes] of files) {
      expect(Buffer.from(stored.find((f) => f.name === name)?.raw as Uint8Array)).toEqual(bytes);
    }
    expect(stored.find((f) => f.name === "3-nul.835")?.lastError).toMatch(/NUL character/);
    for (const claim of [a!, b!, c!]) {
      const [claimRow] = await database.db.select().from(tables.claims).where(eq(tables.claims.id, claim.id));
      expect(claimRow).toMatchObject({ status: "adjudicated", adjudication: "paid" });
    }
    expect(readdirSync(inbox, { withFileTypes: true }).filter((e) => e.isFile())).toEqual([]);
    expect(readdirSync(join(inbox, "rejected")).sort()).toEqual(["3-nul.835", "4-broken-utf16.835"]);
    expect(readFileSync(join(inbox, "rejected", "3-nul.835"))).toEqual(nul);
    expect(existsSync(join(inbox, "archive", "5-good.835"))).toBe(true);
  });

  it("ERA Processing: a file above MAX_INBOUND_FILE_BYTES is refused unread (FILE_TOO_LARGE) and moved aside", async () => {
    const { p } = await practiceWithSubmittedClaims(database, 1);
    const dropRoot = mkdtempSync(join(tmpdir(), "billcycle-too-large-"));
    const inbox = join(dropRoot, p.practiceId, "inbox");
    mkdirSync(inbox, { recursive: true });
    writeFileSync(join(inbox, "huge.835"), Buffer.alloc(MAX_INBOUND_FILE_BYTES + 1, 0x20));
    const counts = await pickUpInboundFiles(database, p.practiceId, NOW, {
      transportFor: defaultTransportResolver({ dropRoot }),
    });
    expect(counts).toMatchObject({ files: 1, rejected: 1 });
    expect((await inboundFiles(p)).map((f) => [f.name, f.status, f.rejectCode, f.bytes, f.raw])).toEqual([
      ["huge.835", "rejected", "FILE_TOO_LARGE", MAX_INBOUND_FILE_BYTES + 1, null],
    ]);
    expect(readdirSync(join(inbox, "rejected"))).toEqual(["huge.835"]);
  });

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
      .orderBy(asc(tables.clearinghouseFiles.name));
});

describe.each(testBackends())("POST …/inbound-files with a file that is not text (%s)", (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(backend);
  });
  afterAll(async () => h?.dispose());

  it("NUL bytes are refused with 422 FILE_NOT_TEXT (not 500), the file stored as rejected, and nothing echoed", async () => {
    const p = await h.newPractice("Upload NUL");
    const content = `${era835({ trace: `T-nul-${backend}`, claims: [{ pcn: "SECRET-PATIENT", chargeCents: 100, paidCents: 100 }] })}\u0000`;
    const r = await h.call("POST", `/api/v1/practices/${p.id}/inbound-files`, {
      token: p.users.owner.token,
      body: { name: "nul.835", content },
    });
    expect(r.status).toBe(422);
    const error = (r.json as { error: { code: string; fileId: string } }).error;
    expect(error).toMatchObject({ code: "FILE_NOT_TEXT", fileId: expect.any(String) });
    expect(JSON.stringify(r.json)).not.toContain("SECRET-PATIENT");
    const [file] = await h.database.db
      .select()
      .from(tables.clearinghouseFiles)
      .where(eq(tables.clearinghouseFiles.id, error.fileId));
    expect(file).toMatchObject({ status: "rejected", rejectCode: "FILE_NOT_TEXT", content: null });
    expect(Buffer.from(file?.raw as Uint8Array).toString("utf8")).toBe(content);
  });
});
