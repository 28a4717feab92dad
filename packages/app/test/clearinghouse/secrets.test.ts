import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  connectionSecretContext,
  decryptSecret,
  encryptSecret,
  generateSecretKey,
  loadSecretKey,
} from "@billcycle/app";
import { DomainError } from "@billcycle/core";
import { afterAll, describe, expect, it } from "vitest";

const key = randomBytes(32);
const PEM =
  "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n";

const flip = (text: string, part: number): string => {
  const parts = text.split(":");
  const bytes = Buffer.from(parts[part] ?? "", "base64");
  bytes[0] = (bytes[0] ?? 0) ^ 0x01;
  parts[part] = bytes.toString("base64");
  return parts.join(":");
};

const domainError = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
};

describe("secrets at rest (AES-256-GCM)", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it("round-trips passwords and private keys; the stored form is v1:<iv>:<tag>:<data> and never the plaintext", () => {
    for (const secret of ["hunter2 with spaces ", PEM, "ünïcödé 🔑"]) {
      const stored = encryptSecret(secret, key);
      expect(stored).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
      expect(stored).not.toContain(secret.trim());
      const [, iv, tag] = stored.split(":");
      expect(Buffer.from(iv ?? "", "base64")).toHaveLength(12);
      expect(Buffer.from(tag ?? "", "base64")).toHaveLength(16);
      expect(decryptSecret(stored, key)).toBe(secret);
    }
    // A fresh IV every time.
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("detects tampering with any part", () => {
    const stored = encryptSecret("password", key);
    for (const part of [1, 2, 3]) {
      const e = domainError(() => decryptSecret(flip(stored, part), key));
      expect(e.code).toBe("INTERNAL");
    }
    expect(domainError(() => decryptSecret("v2:a:b:c", key)).message).toContain("not a v1 ciphertext");
    expect(domainError(() => decryptSecret("plaintext", key)).message).toContain("cannot be decrypted");
  });

  it("a wrong key is a clear DomainError naming BILLCYCLE_SECRET_KEY", () => {
    const stored = encryptSecret("correct-horse-7731", key);
    const e = domainError(() => decryptSecret(stored, randomBytes(32)));
    expect(e.code).toBe("INTERNAL");
    expect(e.message).toContain("BILLCYCLE_SECRET_KEY");
    expect(e.message).toContain("not the key it was encrypted with");
    expect(JSON.stringify({ message: e.message, details: e.details })).not.toContain("correct-horse");
    expect(() => encryptSecret("x", randomBytes(16))).toThrow(/32 bytes/);
  });

  it("binds a connection's secret to its practice", () => {
    const a = connectionSecretContext("11111111-1111-1111-1111-111111111111");
    const b = connectionSecretContext("22222222-2222-2222-2222-222222222222");
    const stored = encryptSecret("password", key, a);
    expect(decryptSecret(stored, key, a)).toBe("password");
    expect(domainError(() => decryptSecret(stored, key, b)).code).toBe("INTERNAL");
    expect(domainError(() => decryptSecret(stored, key)).code).toBe("INTERNAL");
  });

  it("loads the key from BILLCYCLE_SECRET_KEY, refusing one that is not 32 bytes", () => {
    const text = generateSecretKey();
    expect(loadSecretKey({ BILLCYCLE_SECRET_KEY: text })).toEqual(Buffer.from(text, "base64"));
    expect(() => loadSecretKey({ BILLCYCLE_SECRET_KEY: randomBytes(16).toString("base64") })).toThrow(
      /BILLCYCLE_SECRET_KEY must be 32 random bytes/,
    );
    expect(() => loadSecretKey({ BILLCYCLE_SECRET_KEY: "not base64!" })).toThrow(DomainError);
  });

  it("otherwise creates <data dir>/secret.key once (mode 0600) and keeps using it", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "billcycle-key-"));
    dirs.push(dataDir);
    const env = { BILLCYCLE_DATA_DIR: join(dataDir, "nested") };
    const first = loadSecretKey(env);
    const file = join(dataDir, "nested", "secret.key");
    expect(first).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, "nested")).mode & 0o777).toBe(0o700);
    expect(Buffer.from(readFileSync(file, "utf8").trim(), "base64")).toEqual(first);
    expect(loadSecretKey(env)).toEqual(first);
    // The environment variable wins over the file.
    const fromEnv = generateSecretKey();
    expect(loadSecretKey({ ...env, BILLCYCLE_SECRET_KEY: fromEnv })).toEqual(Buffer.from(fromEnv, "base64"));
  });

  it("a key file found readable by others is tightened to 0600 and still used", () => {
    const parent = mkdtempSync(join(tmpdir(), "billcycle-key-"));
    dirs.push(parent);
    const dataDir = join(parent, "wide");
    mkdirSync(dataDir);
    const text = generateSecretKey();
    writeFileSync(join(dataDir, "secret.key"), `${text}\n`);
    chmodSync(join(dataDir, "secret.key"), 0o644);
    expect(loadSecretKey({ BILLCYCLE_DATA_DIR: dataDir })).toEqual(Buffer.from(text, "base64"));
    expect(statSync(join(dataDir, "secret.key")).mode & 0o777).toBe(0o600);
  });
});
