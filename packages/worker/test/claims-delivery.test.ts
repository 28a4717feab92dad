import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  clearinghouseConnectionsResource,
  createResource,
  defaultTransportResolver,
  generateSecretKey,
  scrubClaims,
  submitClaims,
  updateClaimsSettings,
  x12ClaimsPipeline,
} from "@billcycle/app";
import { ManualClock } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { openTestDatabase, type TestDatabase, testBackends } from "@billcycle/testing";
import type { PracticeFixture } from "@billcycle/testing/billing-fixture";
import { practiceWithSubmittedClaims, ZONE } from "@billcycle/testing/claims-fixture";
import { local } from "@billcycle/testing/engine-harness";
import { startSftpServer, type TestSftpServer } from "@billcycle/testing/sftp-server";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { drainJobs } from "../src/worker";

process.env.BILLCYCLE_SECRET_KEY ??= generateSecretKey();

describe.each(testBackends())("claim delivery over SFTP (%s)", (backend) => {
  let database: TestDatabase;
  let sftp: TestSftpServer;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    const root = mkdtempSync(join(tmpdir(), "billcycle-sftp-"));
    mkdirSync(join(root, "outbound"));
    mkdirSync(join(root, "inbound"));
    sftp = await startSftpServer({ root, users: { billcycle: { password: "correct-horse-battery" } } });
  });
  afterAll(async () => {
    await sftp?.stop();
    await database?.dispose();
  });
  // The server reads its live faults object: change it in place.
  const setFaults = (faults: TestSftpServer["faults"]) => {
    for (const k of Object.keys(sftp.faults) as Array<keyof TestSftpServer["faults"]>) delete sftp.faults[k];
    Object.assign(sftp.faults, faults);
  };
  beforeEach(() => setFaults({}));

  const deps = () => ({
    transportFor: defaultTransportResolver({
      dropRoot: mkdtempSync(join(tmpdir(), "drop-")),
      operationTimeoutMs: 3000,
    }),
  });
  const outbound = () => readdirSync(join(sftp.root, "outbound")).filter((f) => !f.endsWith(".part"));

  /** A practice with `count` claims awaiting submission and its SFTP connection. */
  const setup = async (count: number) => {
    const { p, claims } = await practiceWithSubmittedClaims(database, count);
    // practiceWithSubmittedClaims marks them submitted; these tests submit them for real.
    await database.db
      .update(tables.claims)
      .set({ status: "awaiting_submission" })
      .where(eq(tables.claims.practiceId, p.practiceId));
    const connection = await createResource(database, clearinghouseConnectionsResource, {
      actor: p.actor,
      input: {
        name: "SFTP",
        kind: "sftp",
        host: sftp.host,
        port: sftp.port,
        username: "billcycle",
        authKind: "password",
        secret: "correct-horse-battery",
        hostKeySha256: sftp.hostKeySha256,
        outboundDir: "/outbound",
        inboundDir: "/inbound",
        submitterId: "123456789",
        submitterName: "Fixture Practice",
        receiverId: "CLEARHOUSE",
        receiverName: "Clearinghouse",
      },
      now: local("2026-03-03T12:00", ZONE),
    });
    await updateClaimsSettings(database, {
      actor: p.actor,
      settings: { disabledWarnings: [], unknownCodeAction: "block", connectionId: String(connection.id) },
      expectedVersion: 0,
      now: local("2026-03-03T12:00", ZONE),
    });
    return { p, claims };
  };
  const submit = (p: PracticeFixture, now: Date, d = deps()) =>
    submitClaims(
      database,
      { practiceId: p.practiceId, runId: null, trigger: "manual", today: "2026-03-04" },
      now,
      d,
    );
  const statuses = async (p: PracticeFixture) =>
    (
      await database.db
        .select({ status: tables.claims.status })
        .from(tables.claims)
        .where(eq(tables.claims.practiceId, p.practiceId))
    ).map((c) => c.status);

  it("a blocking scrub edit holds the claim in Scrubber Rejected with its message; fixing the data and re-scrubbing sends it on", async () => {
    const { p, claims } = await setup(1);
    await database.db
      .update(tables.practices)
      .set({ address: { line1: "1 Main Street", city: "Austin", state: "TX", zip: "78701" } })
      .where(eq(tables.practices.id, p.practiceId));
    const now = local("2026-03-04T21:00", ZONE);
    const r = await submit(p, now);
    expect(r).toMatchObject({ considered: 1, scrubberRejected: 1, submitted: 0, files: 0 });
    expect(await statuses(p)).toEqual(["scrubber_rejected"]);
    const [scrub] = await database.db
      .select()
      .from(tables.claimScrubs)
      .where(eq(tables.claimScrubs.claimId, claims[0]!.id));
    expect(scrub!.edits).toContainEqual(
      expect.objectContaining({
        code: "BILLING_ZIP_NOT_9_DIGITS",
        severity: "blocking",
        message: "Billing address ZIP 78701 needs all 9 digits (ZIP+4)",
      }),
    );
    await database.db
      .update(tables.practices)
      .set({ address: { line1: "1 Main Street", city: "Austin", state: "TX", zip: "78701-1234" } })
      .where(eq(tables.practices.id, p.practiceId));
    const [again] = await database.db.transaction((tx) =>
      scrubClaims(tx, {
        practiceId: p.practiceId,
        claimIds: [claims[0]!.id],
        today: "2026-03-04",
        now,
        actor: "biller",
      }),
    );
    expect(again).toMatchObject({ blocked: false });
    expect(await statuses(p)).toEqual(["awaiting_submission"]);
  });

  it("scrub results that fail to be written stop the run: no file is stored or sent, the claims wait", async () => {
    const { p } = await setup(2);
    const files = outbound().length;
    // On PostgreSQL the 837P is rendered while the scrub results are written: the failure must still win.
    await database.db.execute(
      sql.raw(`CREATE FUNCTION refuse_scrub() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        RAISE EXCEPTION 'simulated failure'; END $$`),
    );
    await database.db.execute(
      sql.raw(
        "CREATE TRIGGER refuse_scrub BEFORE INSERT ON claim_scrubs FOR EACH ROW EXECUTE FUNCTION refuse_scrub()",
      ),
    );
    try {
      await expect(submit(p, local("2026-03-04T21:00", ZONE))).rejects.toThrow();
    } finally {
      await database.db.execute(sql.raw("DROP TRIGGER refuse_scrub ON claim_scrubs"));
      await database.db.execute(sql.raw("DROP FUNCTION refuse_scrub()"));
    }
    const stored = await database.db
      .select({ id: tables.clearinghouseFiles.id })
      .from(tables.clearinghouseFiles)
      .where(eq(tables.clearinghouseFiles.practiceId, p.practiceId));
    expect(stored).toEqual([]);
    expect(outbound().length).toBe(files);
    expect(await statuses(p)).toEqual(["awaiting_submission", "awaiting_submission"]);
    // And the next run sends them.
    expect(await submit(p, local("2026-03-04T21:05", ZONE))).toMatchObject({ submitted: 2, files: 1 });
  });

  it("names go out in the X12 character set: accents are dropped; a name with no Latin spelling holds its claim", async () => {
    /** A practice with one claim awaiting submission, its client renamed. */
    const named = async (firstName: string, lastName: string) => {
      const { p, claims } = await setup(1);
      const [claim] = await database.db
        .select()
        .from(tables.claims)
        .where(eq(tables.claims.id, claims[0]!.id));
      await database.db
        .update(tables.clients)
        .set({ firstName, lastName })
        .where(eq(tables.clients.id, claim!.clientId));
      return { p, claim: claim! };
    };
    const textEdits = async (claimId: string) => {
      const [scrub] = await database.db
        .select()
        .from(tables.claimScrubs)
        .where(eq(tables.claimScrubs.claimId, claimId));
      return (
        scrub!.edits as Array<{ code: string; severity: string; path?: string; message: string }>
      ).filter((e) => e.code === "TEXT_NOT_WRITABLE");
    };
    const { p } = await named("José", "Muñoz-Peña");
    const now = local("2026-03-04T21:00", ZONE);
    const before = new Set(outbound());
    expect(await submit(p, now)).toMatchObject({ submitted: 1, files: 1, delivery: "sent" });
    const [sent] = outbound().filter((n) => !before.has(n));
    const bytes = readFileSync(join(sftp.root, "outbound", sent!));
    expect(bytes.every((b) => b >= 0x20 && b < 0x7f)).toBe(true);
    expect(bytes.toString("latin1")).toContain("NM1*IL*1*Munoz-Pena*Jose*");

    // Another practice's client, whose name is in a script no clearinghouse takes: the scrubber says which field.
    const second = await named("小明", "王");
    expect(await submit(second.p, now)).toMatchObject({ scrubberRejected: 1, submitted: 0, files: 0 });
    expect((await textEdits(second.claim.id)).map((e) => [e.severity, e.path])).toEqual([
      ["blocking", "subscriber.name.lastName"],
      ["blocking", "subscriber.name.firstName"],
    ]);

    // Identifiers are never respelled: a member id typed with Ø (a slashed zero?) is held, not sent as "O". A
    // practice address that only fits N301 before ß is spelled ss is held too, instead of failing the whole file.
    const third = await named("Ana", "Diaz");
    const held = third.claim;
    await database.db
      .update(tables.insurancePolicies)
      .set({ memberId: "XØ123" })
      .where(eq(tables.insurancePolicies.clientId, held.clientId));
    await database.db
      .update(tables.practices)
      .set({
        address: { line1: `${"Straße ".repeat(7)}12`, city: "Austin", state: "TX", zip: "78701-1234" },
      })
      .where(eq(tables.practices.id, third.p.practiceId));
    expect(await submit(third.p, now)).toMatchObject({ scrubberRejected: 1, submitted: 0, files: 0 });
    const messages = (await textEdits(held.id)).map((e) => `${e.path}: ${e.message}`);
    expect(messages).toEqual([
      expect.stringMatching(
        /^billingProvider\.address\.line1: Billing provider address ".*" is 58 characters as the claim file spells it; the file takes at most 55/,
      ),
      expect.stringMatching(
        /^subscriber\.name\.id: Subscriber member id "XØ123" has characters a claim file cannot carry \(Ø \(U\+00D8\)\)/,
      ),
    ]);
  });

  it("a failed upload is never marked sent; the retry delivers exactly one copy", async () => {
    const { p } = await setup(2);
    const before = outbound().length;
    setFaults({ failOpen: true });
    const d = deps();
    const now = local("2026-03-04T21:00", ZONE);
    const r = await submit(p, now, d);
    expect(r).toMatchObject({ submitted: 0, files: 1, delivery: "retrying" });
    expect(await statuses(p)).toEqual(["awaiting_submission", "awaiting_submission"]);
    const [file] = await database.db
      .select()
      .from(tables.clearinghouseFiles)
      .where(eq(tables.clearinghouseFiles.practiceId, p.practiceId));
    expect(file).toMatchObject({ status: "failed", attempts: 1 });
    expect(outbound().length).toBe(before);
    // The next run does not put the same claims in a second file while the first is still being delivered.
    expect(await submit(p, local("2026-03-04T21:30", ZONE), d)).toMatchObject({
      considered: 2,
      submitted: 0,
      files: 0,
    });

    setFaults({});
    const later = new ManualClock(local("2026-03-04T21:10", ZONE));
    expect(
      await drainJobs({ database, clock: later, ports: { claims: x12ClaimsPipeline(d) } }),
    ).toBeGreaterThanOrEqual(1);
    expect(await statuses(p)).toEqual(["submitted", "submitted"]);
    expect(outbound().filter((n) => n === file!.name)).toHaveLength(1);
    expect(outbound().length).toBe(before + 1);
  });

  it("an upload whose connection drops after the rename is reconciled as sent, with no second copy", async () => {
    const { p } = await setup(1);
    const before = outbound().length;
    setFaults({ dropAfterWrite: "after_rename" });
    const opensBefore = sftp.log.filter((l) => l.startsWith("OPEN /outbound/") && l.endsWith(" w")).length;
    const r = await submit(p, local("2026-03-04T21:00", ZONE));
    expect(r).toMatchObject({ submitted: 1, delivery: "sent" });
    expect(await statuses(p)).toEqual(["submitted"]);
    expect(outbound().length).toBe(before + 1);
    expect(
      sftp.log.filter((l) => l.startsWith("OPEN /outbound/") && l.endsWith(" w")).length - opensBefore,
    ).toBe(1);
  });

  it("an upload dropped before the rename is reconciled as not sent and delivered once by the retry", async () => {
    const { p } = await setup(1);
    const before = outbound().length;
    setFaults({ dropAfterWrite: "before_rename" });
    const d = deps();
    const r = await submit(p, local("2026-03-04T21:00", ZONE), d);
    expect(r.submitted).toBe(0);
    expect(await statuses(p)).toEqual(["awaiting_submission"]);
    expect(outbound().length).toBe(before);
    setFaults({});
    await drainJobs({
      database,
      clock: new ManualClock(local("2026-03-04T21:10", ZONE)),
      ports: { claims: x12ClaimsPipeline(d) },
    });
    expect(await statuses(p)).toEqual(["submitted"]);
    expect(outbound().length).toBe(before + 1);
  });

  /**
   * Delivers with the clearinghouse gone after the connection drops: every attempt ends unknown (it cannot look),
   * until the last. Returns the file, unknown with no attempt left.
   */
  const deliverUntilOutOfAttempts = async (p: PracticeFixture, drop: "before_rename" | "after_rename") => {
    const d = deps();
    const clock = new ManualClock(local("2026-03-04T21:00", ZONE));
    setFaults({ dropAfterWrite: drop, goneAfterDrop: true });
    expect(await submit(p, clock.now(), d)).toMatchObject({ submitted: 0, files: 1, delivery: "unknown" });
    const file = async () =>
      (
        await database.db
          .select()
          .from(tables.clearinghouseFiles)
          .where(eq(tables.clearinghouseFiles.practiceId, p.practiceId))
      )[0]!;
    for (let i = 0; i < 8 && (await file()).nextAttemptAt !== null; i++) {
      clock.advance(20 * 60_000);
      await drainJobs({ database, clock, ports: { claims: x12ClaimsPipeline(d) } });
    }
    expect(await file()).toMatchObject({ status: "unknown", attempts: 5, nextAttemptAt: null });
    return { d, clock, file };
  };
  const janitorJob = async (fileId: string) =>
    (
      await database.db
        .select()
        .from(tables.jobs)
        .where(eq(tables.jobs.singletonKey, `reconcile:${fileId}`))
    )[0];

  it("janitor: a file still unknown after its last attempt is found on the server: Sent, its claims Submitted, never re-sent", async () => {
    const { p } = await setup(1);
    const { d, clock, file } = await deliverUntilOutOfAttempts(p, "after_rename");
    const { id, name } = await file();
    expect(await statuses(p)).toEqual(["awaiting_submission"]);
    // The server is still away when the janitor first looks: it waits and looks again, without using an attempt.
    clock.advance(60 * 60_000);
    await drainJobs({ database, clock, ports: { claims: x12ClaimsPipeline(d) } });
    expect(await file()).toMatchObject({ status: "unknown" });
    expect(await janitorJob(id)).toMatchObject({ status: "queued", attempts: 0 });

    setFaults({});
    const writesBefore = sftp.log.filter((l) => l.startsWith(`OPEN /outbound/${name}`)).length;
    clock.advance(60 * 60_000);
    await drainJobs({ database, clock, ports: { claims: x12ClaimsPipeline(d) } });
    expect(await file()).toMatchObject({ status: "sent" });
    expect(await statuses(p)).toEqual(["submitted"]);
    expect(await janitorJob(id)).toMatchObject({ status: "done" });
    expect(outbound().filter((n) => n === name)).toHaveLength(1);
    expect(sftp.log.filter((l) => l.startsWith(`OPEN /outbound/${name}`)).length).toBe(writesBefore);
  });

  it("janitor: a file still unknown after its last attempt and absent from the server releases its claims to the next file", async () => {
    const { p } = await setup(1);
    const { d, clock, file } = await deliverUntilOutOfAttempts(p, "before_rename");
    const { id, name } = await file();
    setFaults({});
    clock.advance(60 * 60_000);
    await drainJobs({ database, clock, ports: { claims: x12ClaimsPipeline(d) } });
    expect(await file()).toMatchObject({ status: "failed" });
    expect(await janitorJob(id)).toMatchObject({ status: "done" });
    expect(outbound()).not.toContain(name);
    // No longer in flight: the next submission puts the claim in a new file and delivers it.
    expect(await submit(p, clock.now(), d)).toMatchObject({ submitted: 1, files: 1, delivery: "sent" });
    expect(await statuses(p)).toEqual(["submitted"]);
  });
});
