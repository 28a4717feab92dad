import {
  connectionSecretContext,
  decryptSecret,
  encryptSecret,
  generateSecretKey,
  rotateSecretKey,
} from "@billcycle/app";
import { DomainError } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { testBackends } from "@billcycle/testing";
import { type Harness, openHarness, type PracticeFixture } from "@billcycle/testing/api-harness";
import { sqlRows } from "@billcycle/testing/db-state";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The key the API encrypts with while the connections are made: the old key of the rotation.
const OLD_KEY = generateSecretKey();
process.env.BILLCYCLE_SECRET_KEY = OLD_KEY;
const oldKey = Buffer.from(OLD_KEY, "base64");
const newKey = Buffer.from(generateSecretKey(), "base64");

const sftp = (name: string, secret: string) => ({
  name,
  kind: "sftp",
  host: "sftp.clearinghouse.example",
  port: 22,
  username: "biller",
  authKind: "password",
  secret,
  outboundDir: "/outbound",
  inboundDir: "/inbound",
  submitterId: "SUBMITTER01",
  submitterName: "Springfield Counseling",
  receiverId: "CLEARINGHOUSE",
  receiverName: "Acme Clearinghouse",
});

describe.each(testBackends())("rotating the secret key (%s)", (backend) => {
  let h: Harness;
  let practices: PracticeFixture[];
  const passwords = new Map<string, string>();

  const stored = () =>
    h.database.db
      .select({
        id: tables.clearinghouseConnections.id,
        practiceId: tables.clearinghouseConnections.practiceId,
        secret: tables.clearinghouseConnections.secretCiphertext,
        version: tables.clearinghouseConnections.version,
      })
      .from(tables.clearinghouseConnections)
      .orderBy(asc(tables.clearinghouseConnections.id));

  beforeAll(async () => {
    h = await openHarness(backend);
    practices = [await h.newPractice("Rotate A"), await h.newPractice("Rotate B")];
    for (const [i, p] of practices.entries()) {
      for (const name of ["Primary", "Backup"]) {
        const password = `pw-${name}-${i}-${Math.random().toString(36).slice(2)}`;
        const res = await h.call("POST", `/api/v1/practices/${p.id}/clearinghouse-connections`, {
          token: p.users.owner.token,
          body: sftp(name, password),
        });
        expect(res.status, res.text).toBe(201);
        passwords.set(String(res.json.id), password);
      }
    }
    // A directory drop has no secret: rotation leaves it alone.
    const drop = await h.call("POST", `/api/v1/practices/${practices[0]!.id}/clearinghouse-connections`, {
      token: practices[0]!.users.owner.token,
      body: {
        name: "Drop",
        kind: "directory",
        submitterId: "SUBMITTER01",
        submitterName: "Springfield Counseling",
        receiverId: "CLEARINGHOUSE",
        receiverName: "Acme Clearinghouse",
      },
    });
    expect(drop.status, drop.text).toBe(201);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it("re-encrypts every secret under the new key, bound to its practice, with a new version and an audit row", async () => {
    const before = await stored();
    const result = await rotateSecretKey(h.database, { from: oldKey, to: newKey }, h.clock.now(), "cli:test");
    expect(result).toEqual({ reencrypted: 4, alreadyRotated: 0 });
    const after = await stored();
    for (const row of after.filter((r) => r.secret !== null)) {
      const context = connectionSecretContext(row.practiceId);
      expect(decryptSecret(row.secret!, newKey, context)).toBe(passwords.get(row.id));
      expect(() => decryptSecret(row.secret!, oldKey, context)).toThrow(DomainError);
      expect(row.version).toBe(before.find((b) => b.id === row.id)!.version + 1);
    }
    expect(after.filter((r) => r.secret === null)).toHaveLength(1);
    const audit = await sqlRows(
      h.database,
      `SELECT entity_id, practice_id, actor, details FROM audit_log
        WHERE entity = 'clearinghouse_connection' AND action = 'update' ORDER BY entity_id`,
    );
    expect(audit.map((a) => a.entity_id)).toEqual([...passwords.keys()].sort());
    expect(audit[0]).toMatchObject({ actor: "cli:test", details: { fields: ["secret"] } });
    // Never the secret itself in the trail.
    for (const password of passwords.values()) expect(JSON.stringify(audit)).not.toContain(password);
  });

  it("a second run with the same keys changes nothing", async () => {
    const before = await stored();
    const again = await rotateSecretKey(h.database, { from: oldKey, to: newKey }, h.clock.now(), "cli:test");
    expect(again).toEqual({ reencrypted: 0, alreadyRotated: 4 });
    expect(await stored()).toEqual(before);
  });

  it("a secret under neither key stops the rotation and nothing is re-encrypted", async () => {
    const [first, second] = (await stored()).filter((r) => r.secret !== null);
    // `second` was stored under a key nobody has any more.
    const lost = Buffer.from(generateSecretKey(), "base64");
    await h.database.db
      .update(tables.clearinghouseConnections)
      .set({ secretCiphertext: encryptSecret("x", lost, connectionSecretContext(second!.practiceId)) })
      .where(eq(tables.clearinghouseConnections.id, second!.id));
    const before = await stored();
    const newer = Buffer.from(generateSecretKey(), "base64");
    const refused = await rotateSecretKey(
      h.database,
      { from: newKey, to: newer },
      h.clock.now(),
      "cli:test",
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: "CONFLICT", details: { connectionId: second!.id } });
    expect(await stored()).toEqual(before);
    expect(decryptSecret(first!.secret!, newKey, connectionSecretContext(first!.practiceId))).toBe(
      passwords.get(first!.id),
    );
  });

  it("refuses the same key as old and new", async () => {
    await expect(
      rotateSecretKey(h.database, { from: newKey, to: Buffer.from(newKey) }, h.clock.now(), "cli:test"),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});
