import { generateKeyPairSync } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type ClearinghouseTransport,
  normalizeHostKeySha256,
  reconcileUpload,
  type SftpTransportOptions,
  sftpTransport,
  TransportError,
} from "@billcycle/app";
import {
  generateSshKeyPair,
  sshFingerprint,
  startSftpServer,
  type TestSftpServer,
} from "@billcycle/testing/sftp-server";
import ssh2 from "ssh2";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

const PASSWORD = "s3cret pass phrase";
const userKey = generateSshKeyPair("ed25519");

/** An RSA key as PKCS#1 PEM ("BEGIN RSA PRIVATE KEY"), the other format practices paste in. */
const rsaPem = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
}).privateKey;
const rsaPublicLine = (() => {
  const parsed = ssh2.utils.parseKey(rsaPem);
  if (parsed instanceof Error || Array.isArray(parsed)) throw new Error("cannot parse the RSA key");
  return `${parsed.type} ${parsed.getPublicSSH().toString("base64")}`;
})();

/** What the outcome of a rejected promise was: "failed" / "unknown" / the error's name. */
const outcomeOf = async (p: Promise<unknown>): Promise<{ outcome: string; error: TransportError }> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof TransportError) return { outcome: e.outcome, error: e };
    throw e;
  }
  throw new Error("expected the operation to fail");
};

describe("SFTP transport against a real SFTP server", () => {
  let root: string;
  let server: TestSftpServer;
  const open: ClearinghouseTransport[] = [];

  const outbound = () => join(root, "outbound");
  const inbound = () => join(root, "inbound");
  const outboundFiles = () => readdirSync(outbound()).sort();

  const transport = (overrides: Partial<SftpTransportOptions> = {}): ClearinghouseTransport => {
    const t = sftpTransport({
      host: "127.0.0.1",
      port: server.port,
      username: "biller",
      auth: { kind: "password", password: PASSWORD },
      hostKeySha256: server.hostKeySha256,
      outboundDir: "/outbound",
      inboundDir: "/inbound",
      connectTimeoutMs: 5_000,
      operationTimeoutMs: 5_000,
      ...overrides,
    });
    open.push(t);
    return t;
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "billcycle-sftp-"));
    server = await startSftpServer({
      root,
      users: {
        biller: { password: PASSWORD, publicKey: userKey.public },
        keyonly: { publicKey: rsaPublicLine },
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  });
  beforeEach(() => {
    rmSync(outbound(), { recursive: true, force: true });
    rmSync(inbound(), { recursive: true, force: true });
    mkdirSync(outbound());
    mkdirSync(inbound());
    for (const key of Object.keys(server.faults)) delete server.faults[key as keyof typeof server.faults];
    server.log.length = 0;
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((t) => t.close()));
  });

  it("uploads, lists, downloads and archives over one connection (password authentication)", async () => {
    const t = transport();
    const before = server.connections();
    const content = Buffer.from("ISA*00*          *00*          *ZZ*SUBMITTER~");
    await t.upload("claims-0001.x12", content);
    expect(outboundFiles()).toEqual(["claims-0001.x12"]);
    expect(readFileSync(join(outbound(), "claims-0001.x12"))).toEqual(content);
    // Written as .part, then renamed into place.
    expect(server.log).toEqual(
      expect.arrayContaining([
        "OPEN /outbound/claims-0001.x12.part w",
        "RENAME /outbound/claims-0001.x12.part /outbound/claims-0001.x12",
      ]),
    );

    const listed = await t.list("outbound");
    expect(listed).toEqual([{ name: "claims-0001.x12", size: content.length, modifiedAt: expect.any(Date) }]);

    // Inbound: files are listed, sub-folders and in-progress .part files are not.
    writeFileSync(join(inbound(), "999-1.x12"), "ack one");
    writeFileSync(join(inbound(), "835-2.x12"), "remit two");
    writeFileSync(join(inbound(), "835-3.x12.part"), "still arriving");
    mkdirSync(join(inbound(), "other"));
    expect((await t.list("inbound")).map((f) => f.name)).toEqual(["835-2.x12", "999-1.x12"]);
    expect((await t.download("inbound", "835-2.x12")).toString()).toBe("remit two");

    await t.archive("835-2.x12");
    expect(readFileSync(join(inbound(), "archive", "835-2.x12"), "utf8")).toBe("remit two");
    expect((await t.list("inbound")).map((f) => f.name)).toEqual(["999-1.x12"]);
    // Archiving again (an earlier archive whose answer was lost) is fine.
    await t.archive("835-2.x12");
    // The same name received again later is archived beside the first, not over it.
    writeFileSync(join(inbound(), "835-2.x12"), "remit two, again");
    await t.archive("835-2.x12");
    const archived = readdirSync(join(inbound(), "archive")).sort();
    expect(archived).toHaveLength(2);
    expect(archived[0]).toBe("835-2.x12");
    expect(archived[1]).toMatch(/^835-2\.x12\.\d+$/);

    expect(server.connections() - before).toBe(1);
    await t.close();
    // Usable again after close: reconnects.
    expect((await t.list("inbound")).map((f) => f.name)).toEqual(["999-1.x12"]);
    expect(server.connections() - before).toBe(2);
  });

  it("authenticates with a private key (OpenSSH ed25519 and PKCS#1 RSA PEM)", async () => {
    const ed = transport({ auth: { kind: "private_key", privateKey: userKey.private } });
    await ed.upload("by-ed25519.x12", Buffer.from("one"));
    const rsa = transport({ username: "keyonly", auth: { kind: "private_key", privateKey: rsaPem } });
    await rsa.upload("by-rsa.x12", Buffer.from("two"));
    expect(outboundFiles()).toEqual(["by-ed25519.x12", "by-rsa.x12"]);
    // The key-only user has no password.
    const { outcome, error } = await outcomeOf(
      transport({ username: "keyonly" }).upload("nope.x12", Buffer.from("x")),
    );
    expect(outcome).toBe("failed");
    expect(error.operation).toBe("connect");
  });

  it("operations started together share one connection; after a drop the next one reconnects", async () => {
    const t = transport();
    const before = server.connections();
    const names = ["p-1.x12", "p-2.x12", "p-3.x12", "p-4.x12"];
    await Promise.all(names.map((n) => t.upload(n, Buffer.from(n))));
    expect(outboundFiles()).toEqual(names);
    expect(server.connections() - before).toBe(1);

    server.faults.dropAfterWrite = "before_rename";
    await expect(t.upload("p-5.x12", Buffer.from("five"))).rejects.toThrow(TransportError);
    server.faults.dropAfterWrite = undefined;
    const [a, b] = await Promise.all([t.list("outbound"), t.list("outbound")]);
    expect(a?.map((f) => f.name)).toEqual(names);
    expect(b).toEqual(a);
    expect(server.connections() - before).toBe(2);
  });

  it("moves a multi-packet file intact", async () => {
    const big = Buffer.alloc(300_000);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31) % 251;
    const t = transport();
    await t.upload("big.x12", big);
    expect(readFileSync(join(outbound(), "big.x12")).equals(big)).toBe(true);
    writeFileSync(join(inbound(), "big-in.x12"), big);
    expect((await t.download("inbound", "big-in.x12")).equals(big)).toBe(true);
  });

  it("pins the host key: the right fingerprint in any notation connects, any other key is refused", async () => {
    const pin = server.hostKeySha256;
    const hex = Buffer.from(pin, "base64").toString("hex");
    for (const notation of [pin, `SHA256:${pin}`, `${pin}=`, hex]) {
      expect(normalizeHostKeySha256(notation)).toBe(pin);
      await transport({ hostKeySha256: notation }).list("outbound");
    }
    const seen: string[] = [];
    const unpinned = transport({ hostKeySha256: null, onHostKey: (k) => seen.push(k) });
    await unpinned.list("outbound");
    expect(seen).toEqual([pin]);

    const other = generateSshKeyPair("ed25519");
    const wrong = sshFingerprint(other.public);
    expect(wrong).not.toBe(pin);
    const { outcome, error } = await outcomeOf(
      transport({ hostKeySha256: wrong }).upload("pinned.x12", Buffer.from("x")),
    );
    expect(outcome).toBe("failed");
    expect(error.code).toBe("HOST_KEY_MISMATCH");
    expect(error.message).toContain(`SHA256:${pin}`);
    expect(outboundFiles()).toEqual([]);
  });

  it("refused connections and authentication are failed (safe to retry), and nothing is written", async () => {
    server.faults.rejectAuth = true;
    const refusedAuth = await outcomeOf(transport().upload("a.x12", Buffer.from("x")));
    expect(refusedAuth.outcome).toBe("failed");
    expect(refusedAuth.error.operation).toBe("connect");
    server.faults.rejectAuth = false;

    const wrongPassword = await outcomeOf(
      transport({ auth: { kind: "password", password: "wrong" } }).upload("a.x12", Buffer.from("x")),
    );
    expect(wrongPassword.outcome).toBe("failed");

    // Nothing listening on the port.
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", () => r()));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = await outcomeOf(transport({ port }).upload("a.x12", Buffer.from("x")));
    expect(refused.outcome).toBe("failed");
    expect(refused.error.code).toBe("ECONNREFUSED");
    expect(outboundFiles()).toEqual([]);
  });

  it("a server that accepts the TCP connection but never speaks SSH times out as failed", async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", () => r()));
    try {
      const port = (silent.address() as { port: number }).port;
      const started = Date.now();
      const { outcome, error } = await outcomeOf(
        transport({ port, connectTimeoutMs: 300 }).upload("a.x12", Buffer.from("x")),
      );
      expect(outcome).toBe("failed");
      expect(error.operation).toBe("connect");
      expect(Date.now() - started).toBeLessThan(4_000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });

  it("permission denied on open: failed, no file; the retry on the same transport goes through", async () => {
    const t = transport();
    server.faults.failOpen = true;
    const { outcome, error } = await outcomeOf(t.upload("claims-2.x12", Buffer.from("content")));
    expect(outcome).toBe("failed");
    expect(error.operation).toBe("upload");
    expect(error.code).toBe("3"); // SSH_FX_PERMISSION_DENIED
    expect(outboundFiles()).toEqual([]);
    expect(await reconcileUpload(t, "claims-2.x12", 7)).toBe("not_sent");

    server.faults.failOpen = false;
    await t.upload("claims-2.x12", Buffer.from("content"));
    expect(outboundFiles()).toEqual(["claims-2.x12"]);
  });

  it("an error the server answers a write with (no space): failed, and the partial file is removed", async () => {
    server.faults.failWrite = true;
    const { outcome, error } = await outcomeOf(transport().upload("claims-3.x12", Buffer.from("content")));
    expect(outcome).toBe("failed");
    expect(error.message).toContain("No space left on device");
    expect(outboundFiles()).toEqual([]);
  });

  it("connection dropped after the write, before the rename: unknown; reconcile says not sent; the resend leaves one copy", async () => {
    const content = Buffer.from("ISA*claims four~");
    const t = transport();
    server.faults.dropAfterWrite = "before_rename";
    const { outcome, error } = await outcomeOf(t.upload("claims-4.x12", content));
    expect(outcome).toBe("unknown");
    expect(error.operation).toBe("upload");
    expect(server.log).toContain("DROP after WRITE");
    expect(outboundFiles()).toEqual(["claims-4.x12.part"]); // the data arrived, but never under its name

    server.faults.dropAfterWrite = undefined;
    // Reconciling lists the folder (reconnecting); the half-written .part does not count.
    expect(await reconcileUpload(t, "claims-4.x12", content.length)).toBe("not_sent");
    await t.upload("claims-4.x12", content);
    expect(outboundFiles()).toEqual(["claims-4.x12"]);
    expect(readFileSync(join(outbound(), "claims-4.x12"))).toEqual(content);
  });

  it("connection dropped after the rename: unknown; reconcile says sent, and exactly one copy is on the server", async () => {
    const content = Buffer.from("ISA*claims five~");
    const t = transport();
    server.faults.dropAfterWrite = "after_rename";
    const { outcome } = await outcomeOf(t.upload("claims-5.x12", content));
    expect(outcome).toBe("unknown");
    expect(server.log).toContain("DROP after RENAME");
    server.faults.dropAfterWrite = undefined;

    expect(await reconcileUpload(t, "claims-5.x12", content.length)).toBe("sent");
    expect(outboundFiles()).toEqual(["claims-5.x12"]);
    expect(readFileSync(join(outbound(), "claims-5.x12"))).toEqual(content);
    // One upload only: a single open for writing, a single rename.
    expect(server.log.filter((l) => l.startsWith("OPEN /outbound/claims-5.x12.part"))).toHaveLength(1);
    expect(server.log.filter((l) => l.startsWith("RENAME"))).toHaveLength(1);

    // Uploading it again anyway is refused as unknown (reconcile), and does not overwrite or duplicate.
    const again = await outcomeOf(t.upload("claims-5.x12", Buffer.from("different")));
    expect(again.outcome).toBe("unknown");
    expect(again.error.code).toBe("EEXIST");
    expect(outboundFiles()).toEqual(["claims-5.x12"]);
    expect(readFileSync(join(outbound(), "claims-5.x12"))).toEqual(content);
  });

  it("a write the server never answers times out as unknown and closes the connection", async () => {
    const t = transport({ operationTimeoutMs: 400 });
    server.faults.stallWrite = true;
    const { outcome, error } = await outcomeOf(t.upload("claims-6.x12", Buffer.from("six")));
    expect(outcome).toBe("unknown");
    expect(error.message).toContain("no answer within 400 ms");
    server.faults.stallWrite = false;
    expect(await reconcileUpload(t, "claims-6.x12", 3)).toBe("not_sent");
  });

  it("reconcile: a same-named file of another size is neither sent nor safe to resend", async () => {
    writeFileSync(join(outbound(), "claims-7.x12"), "someone else's file");
    const { outcome, error } = await outcomeOf(reconcileUpload(transport(), "claims-7.x12", 3));
    expect(outcome).toBe("unknown");
    expect(error.code).toBe("SIZE_MISMATCH");
  });

  it("a missing remote folder is a clear failed error; a bad name is a programming error", async () => {
    const t = transport({ inboundDir: "/nowhere" });
    const { outcome, error } = await outcomeOf(t.list("inbound"));
    expect(outcome).toBe("failed");
    expect(error.message).toContain("/nowhere does not exist");
    await expect(t.upload("../escape.x12", Buffer.from("x"))).rejects.toThrow(RangeError);
    await expect(t.upload("x.part", Buffer.from("x"))).rejects.toThrow(RangeError);
    await expect(t.download("inbound", "a/b")).rejects.toThrow(RangeError);
    expect(existsSync(join(root, "escape.x12"))).toBe(false);
  });
});
