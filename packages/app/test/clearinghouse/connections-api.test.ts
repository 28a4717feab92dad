import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type ClearinghouseConnection,
  clearinghouseConnectionsResource,
  connectionSecretContext,
  createResource,
  decryptSecret,
  generateSecretKey,
  reconcileUpload,
  transportFor,
} from "@billcycle/app";
import { DomainError } from "@billcycle/core";
import { tables } from "@billcycle/db";
import { testBackends } from "@billcycle/testing";
import { errorCode, type Harness, openHarness, type PracticeFixture } from "@billcycle/testing/api-harness";
import { sqlRows } from "@billcycle/testing/db-state";
import { generateSshKeyPair, startSftpServer, type TestSftpServer } from "@billcycle/testing/sftp-server";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The key the API encrypts with; set before anything reads it (never the ./data key file in tests).
const SECRET_KEY = generateSecretKey();
process.env.BILLCYCLE_SECRET_KEY = SECRET_KEY;
const key = Buffer.from(SECRET_KEY, "base64");

const PASSWORD = "Tr0ub4dor&3-clearinghouse";
const userKey = generateSshKeyPair("ed25519");

const envelope = {
  submitterId: "SUBMITTER01",
  submitterName: "Springfield Counseling",
  receiverId: "CLEARINGHOUSE",
  receiverName: "Acme Clearinghouse",
};

describe.each(testBackends())("clearinghouse connections API on %s", (backend) => {
  let h: Harness;
  let p: PracticeFixture;
  let sftpRoot: string;
  let dropRoot: string;
  let server: TestSftpServer;

  const base = () => `/api/v1/practices/${p.id}/clearinghouse-connections`;
  const sftpBody = (over: Record<string, unknown> = {}) => ({
    name: `SFTP ${Math.random().toString(36).slice(2)}`,
    kind: "sftp",
    host: "127.0.0.1",
    port: server.port,
    username: "biller",
    authKind: "password",
    secret: PASSWORD,
    hostKeySha256: `SHA256:${server.hostKeySha256}`,
    outboundDir: "/outbound",
    inboundDir: "/inbound",
    ...envelope,
    ...over,
  });
  const post = (body: unknown, role: keyof PracticeFixture["users"] = "owner") =>
    h.call("POST", base(), { token: p.users[role].token, body });
  const row = async (id: string): Promise<ClearinghouseConnection> => {
    const [r] = await h.database.db
      .select()
      .from(tables.clearinghouseConnections)
      .where(eq(tables.clearinghouseConnections.id, id));
    if (!r) throw new Error(`no connection ${id}`);
    return r;
  };

  beforeAll(async () => {
    h = await openHarness(backend);
    p = await h.newPractice("Clearinghouse");
    sftpRoot = mkdtempSync(join(tmpdir(), "billcycle-sftp-api-"));
    dropRoot = mkdtempSync(join(tmpdir(), "billcycle-drop-api-"));
    mkdirSync(join(sftpRoot, "outbound"));
    mkdirSync(join(sftpRoot, "inbound"));
    server = await startSftpServer({
      root: sftpRoot,
      users: { biller: { password: PASSWORD, publicKey: userKey.public } },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await h?.dispose();
    rmSync(sftpRoot, { recursive: true, force: true });
    rmSync(dropRoot, { recursive: true, force: true });
  });

  it("stores only the ciphertext and never answers with the secret or its ciphertext", async () => {
    const created = await post(sftpBody());
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      kind: "sftp",
      authKind: "password",
      hasSecret: true,
      port: server.port,
    });
    expect(created.json).not.toHaveProperty("secret");
    expect(created.json).not.toHaveProperty("secretCiphertext");
    expect(created.json.hostKeySha256).toBe(server.hostKeySha256); // normalized
    const id = String(created.json.id);

    const stored = await row(id);
    expect(stored.secretCiphertext).toMatch(/^v1:/);
    expect(stored.secretCiphertext).not.toContain(PASSWORD);
    expect(decryptSecret(stored.secretCiphertext ?? "", key, connectionSecretContext(p.id))).toBe(PASSWORD);

    const got = await h.call("GET", `${base()}/${id}`, { token: p.users.biller.token });
    const listed = await h.call("GET", base(), { token: p.users.read_only.token });
    for (const res of [created, got, listed]) {
      expect(res.status, res.text).toBeLessThan(300);
      expect(res.text).not.toContain(PASSWORD);
      expect(res.text).not.toContain(stored.secretCiphertext ?? "");
      expect(res.text).not.toContain("secretCiphertext");
    }
    expect(got.json.hasSecret).toBe(true);

    // The audit trail names the field, never its value.
    const audit = await sqlRows(
      h.database,
      `SELECT details::text AS d FROM audit_log WHERE entity = 'clearinghouse_connection' AND entity_id = '${id}'`,
    );
    expect(audit).toHaveLength(1);
    expect(String(audit[0]?.d)).toContain("secret");
    expect(String(audit[0]?.d)).not.toContain(PASSWORD);
  });

  it("updates keep, replace or refuse to drop the secret", async () => {
    const created = await post(sftpBody());
    const id = String(created.json.id);
    const before = (await row(id)).secretCiphertext;

    const renamed = await h.call("PATCH", `${base()}/${id}`, {
      token: p.users.owner.token,
      body: { version: 1, receiverName: "Renamed" },
    });
    expect(renamed.status, renamed.text).toBe(200);
    expect((await row(id)).secretCiphertext).toBe(before);

    const rotated = await h.call("PATCH", `${base()}/${id}`, {
      token: p.users.owner.token,
      body: { version: 2, secret: "a new password" },
    });
    expect(rotated.status, rotated.text).toBe(200);
    expect(rotated.text).not.toContain("a new password");
    const after = (await row(id)).secretCiphertext ?? "";
    expect(after).not.toBe(before);
    expect(decryptSecret(after, key, connectionSecretContext(p.id))).toBe("a new password");

    // SFTP cannot go without a secret, nor switch to a key without giving one.
    for (const body of [{ secret: null }, { authKind: "private_key" }, { authKind: "none" }]) {
      const res = await h.call("PATCH", `${base()}/${id}`, {
        token: p.users.owner.token,
        body: { version: 3, ...body },
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(errorCode(res)).toBe("VALIDATION_FAILED");
    }
    const toKey = await h.call("PATCH", `${base()}/${id}`, {
      token: p.users.owner.token,
      body: { version: 3, authKind: "private_key", secret: userKey.private },
    });
    expect(toKey.status, toKey.text).toBe(200);
    expect(toKey.json.hasSecret).toBe(true);
  });

  it("validates by kind: SFTP needs host, user and a usable secret; a directory drop needs none and stays inside its root", async () => {
    const invalid: Array<[string, Record<string, unknown>]> = [
      ["host", sftpBody({ host: undefined })],
      ["username", sftpBody({ username: undefined })],
      ["authKind", sftpBody({ authKind: undefined, secret: undefined })],
      ["secret", sftpBody({ secret: undefined })],
      ["secret", sftpBody({ authKind: "private_key", secret: "not a key" })],
      ["inboundDir", sftpBody({ inboundDir: "/outbound" })],
      ["outboundDir", { name: "Drop 1", kind: "directory", outboundDir: "../other-practice", ...envelope }],
      ["inboundDir", { name: "Drop 2", kind: "directory", inboundDir: "/etc", ...envelope }],
      ["secret", { name: "Drop 3", kind: "directory", secret: "pointless", ...envelope }],
    ];
    for (const [field, body] of invalid) {
      const res = await post(body);
      expect(res.status, `${field}: ${res.text}`).toBe(400);
      expect(JSON.stringify(res.json)).toContain(field);
    }
    const schemaErrors = [
      sftpBody({ hostKeySha256: "not-a-fingerprint" }),
      sftpBody({ submitterId: "TOO*MANY~DELIMS" }),
      sftpBody({ submitterId: "SIXTEEN-CHARS-XX" }),
      // Ids are sent as typed: no accents; names are spelled, but need a Latin spelling that fits NM103.
      sftpBody({ submitterId: "CLÍNICA01" }),
      sftpBody({ receiverId: "ＣＬＥＡＲ" }),
      sftpBody({ submitterName: "王医生诊所" }),
      sftpBody({ submitterName: `${"ß".repeat(31)}` }),
      sftpBody({ port: 70_000 }),
      sftpBody({ secretCiphertext: "v1:forged" }),
    ];
    for (const body of schemaErrors) expect((await post(body)).status, JSON.stringify(body)).toBe(400);

    const drop = await post({ name: "Directory drop", kind: "directory", ...envelope });
    expect(drop.status, drop.text).toBe(201);
    expect(drop.json).toMatchObject({
      outboundDir: "outbox",
      inboundDir: "inbox",
      authKind: "none",
      hasSecret: false,
    });
    const accented = await post(
      sftpBody({ name: "Accented names", submitterName: "Clínica Peña", receiverName: "Cámara" }),
    );
    expect(accented.status, accented.text).toBe(201);
    const key = await post(sftpBody({ authKind: "private_key", secret: userKey.private }));
    expect(key.status, key.text).toBe(201);
  });

  it("needs settings:write to change and billing:read to see", async () => {
    expect((await post(sftpBody(), "clinician")).status).toBe(403);
    expect((await post(sftpBody(), "read_only")).status).toBe(403);
    expect((await post(sftpBody(), "biller")).status).toBe(201);
    expect((await h.call("GET", base(), { token: p.users.clinician.token })).status).toBe(200);
    const other = await h.newPractice("Other");
    const theirs = await h.call("GET", `/api/v1/practices/${other.id}/clearinghouse-connections`, {
      token: p.users.owner.token,
    });
    expect(theirs.status).toBe(404);
  });

  it("transportFor: a connection row reaches the real SFTP server with its decrypted secret and pinned host key", async () => {
    const created = await post(sftpBody({ name: "Live SFTP" }));
    const connection = await row(String(created.json.id));
    const transport = transportFor(connection, { dropRoot, secretKey: key });
    try {
      await transport.upload("claims-api.x12", Buffer.from("ISA*api~"));
      expect(await reconcileUpload(transport, "claims-api.x12", 8)).toBe("sent");
    } finally {
      await transport.close();
    }
    expect(readFileSync(join(sftpRoot, "outbound", "claims-api.x12"), "utf8")).toBe("ISA*api~");

    // The wrong key: a clear DomainError before any connection is attempted.
    const connections = server.connections();
    expect(() => transportFor(connection, { dropRoot, secretKey: Buffer.alloc(32, 7) })).toThrow(DomainError);
    expect(server.connections()).toBe(connections);
  });

  it("transportFor: a directory connection writes under <dropRoot>/<practice>/<outboundDir>", async () => {
    const created = await createResource(h.database, clearinghouseConnectionsResource, {
      actor: { userId: p.users.owner.id, practiceId: p.id, role: "owner", label: `user:${p.users.owner.id}` },
      input: { name: "Local drop", kind: "directory", outboundDir: "out", inboundDir: "in", ...envelope },
      now: h.clock.now(),
    });
    expect(created).not.toHaveProperty("secretCiphertext");
    const transport = transportFor(await row(String(created.id)), { dropRoot });
    await transport.upload("claims-dir.x12", Buffer.from("ISA*dir~"));
    expect(readdirSync(join(dropRoot, p.id, "out"))).toEqual(["claims-dir.x12"]);
    expect(await reconcileUpload(transport, "claims-dir.x12", 8)).toBe("sent");
  });
});
