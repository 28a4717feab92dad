import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { directoryTransport, reconcileUpload, TransportError } from "@billcycle/app";
import { afterAll, beforeEach, describe, expect, it } from "vitest";

describe("directory transport (the embedded default)", () => {
  const base = mkdtempSync(join(tmpdir(), "billcycle-drop-"));
  let root: string;
  let n = 0;
  beforeEach(() => {
    root = join(base, `practice-${n++}`);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const make = () => directoryTransport({ root, outboundDir: "outbox", inboundDir: "inbox" });

  it("uploads atomically, lists, downloads and archives, creating its folders", async () => {
    const t = make();
    const content = Buffer.from("ISA*00*~GS*HC~");
    await t.upload("claims-1.x12", content);
    expect(readdirSync(join(root, "outbox"))).toEqual(["claims-1.x12"]);
    expect(readFileSync(join(root, "outbox", "claims-1.x12"))).toEqual(content);
    expect(await t.list("outbound")).toEqual([
      { name: "claims-1.x12", size: content.length, modifiedAt: expect.any(Date) },
    ]);

    expect(await t.list("inbound")).toEqual([]);
    writeFileSync(join(root, "inbox", "b-835.x12"), "remittance");
    writeFileSync(join(root, "inbox", "a-999.x12"), "ack");
    writeFileSync(join(root, "inbox", "c.x12.part"), "arriving");
    mkdirSync(join(root, "inbox", "sub"));
    expect((await t.list("inbound")).map((f) => f.name)).toEqual(["a-999.x12", "b-835.x12"]);
    expect((await t.download("inbound", "b-835.x12")).toString()).toBe("remittance");

    await t.archive("b-835.x12");
    expect(readFileSync(join(root, "inbox", "archive", "b-835.x12"), "utf8")).toBe("remittance");
    expect((await t.list("inbound")).map((f) => f.name)).toEqual(["a-999.x12"]);
    await t.archive("b-835.x12"); // already archived: fine
    writeFileSync(join(root, "inbox", "b-835.x12"), "remittance again");
    await t.archive("b-835.x12");
    expect(readdirSync(join(root, "inbox", "archive")).sort()).toEqual([
      "b-835.x12",
      expect.stringMatching(/^b-835\.x12\.\d+$/),
    ]);
    await t.close();
  });

  it("an unfinished .part is never listed, so reconcile answers not_sent; a finished file is sent", async () => {
    const t = make();
    mkdirSync(join(root, "outbox"), { recursive: true });
    writeFileSync(join(root, "outbox", "claims-2.x12.part"), "half");
    expect(await reconcileUpload(t, "claims-2.x12", 4)).toBe("not_sent");
    await t.upload("claims-2.x12", Buffer.from("whole file"));
    expect(await reconcileUpload(t, "claims-2.x12", 10)).toBe("sent");
    expect(readdirSync(join(root, "outbox"))).toEqual(["claims-2.x12"]); // the stale .part was replaced
  });

  it("never overwrites: uploading an existing name is unknown (reconcile), and the file is unchanged", async () => {
    const t = make();
    await t.upload("claims-3.x12", Buffer.from("first"));
    const error = await t.upload("claims-3.x12", Buffer.from("second")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).outcome).toBe("unknown");
    expect(readFileSync(join(root, "outbox", "claims-3.x12"), "utf8")).toBe("first");
  });

  it("a disk error is failed and leaves no file", async () => {
    // The outbound folder's path is taken by a file: nothing can be written there.
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, "outbox"), "not a folder");
    const error = await make()
      .upload("claims-4.x12", Buffer.from("x"))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).outcome).toBe("failed");
    expect(readdirSync(root)).toEqual(["outbox"]);
    const missing = await make()
      .download("inbound", "nothing.x12")
      .catch((e: unknown) => e);
    expect((missing as TransportError).outcome).toBe("failed");
    expect((missing as TransportError).code).toBe("ENOENT");
  });

  it("folders stay inside the root, and names are single path segments", async () => {
    expect(() => directoryTransport({ root, outboundDir: "../elsewhere", inboundDir: "inbox" })).toThrow(
      RangeError,
    );
    expect(() => directoryTransport({ root, outboundDir: "/etc", inboundDir: "inbox" })).toThrow(RangeError);
    const t = make();
    for (const bad of ["../x.x12", "a/b.x12", "", "..", "claims.part", "nul\u0000.x12"]) {
      await expect(t.upload(bad, Buffer.from("x"))).rejects.toThrow(RangeError);
    }
    expect(existsSync(join(root, "x.x12"))).toBe(false);
  });
});
