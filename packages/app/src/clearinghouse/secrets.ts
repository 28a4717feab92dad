import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DomainError } from "@billcycle/core";
import { ensureOwnerOnlyDir, tightenOwnerOnlyFile } from "@billcycle/db";

/**
 * Clearinghouse passwords and private keys are stored encrypted at rest with AES-256-GCM:
 * "v1:<iv>:<tag>:<ciphertext>", each part base64 (12-byte IV, 16-byte tag). The key comes from
 * BILLCYCLE_SECRET_KEY (32 bytes, base64) or, when that is not set, from `<data dir>/secret.key`, created once
 * with mode 0600. With PostgreSQL the data directory may not be shared or backed up with the database: set
 * BILLCYCLE_SECRET_KEY there, and keep it — secrets encrypted with a lost key must be entered again.
 */

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SECRET_KEY_BYTES = 32;

/** Authenticated data binding a connection's secret to its practice (a ciphertext copied to another practice does not decrypt). */
export const connectionSecretContext = (practiceId: string): string =>
  `clearinghouse_connection:${practiceId}`;

const assertKey = (key: Buffer): void => {
  if (key.length !== SECRET_KEY_BYTES) {
    throw new DomainError("INTERNAL", `the secret key must be ${SECRET_KEY_BYTES} bytes, not ${key.length}`);
  }
};

/** Encrypts a secret with a fresh random IV; `context`, when given, must be given again to decrypt. */
export const encryptSecret = (plaintext: string, key: Buffer, context?: string): string => {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  if (context !== undefined) cipher.setAAD(Buffer.from(context, "utf8"));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64"), tag.toString("base64"), data.toString("base64")].join(":");
};

const undecryptable = (why: string): DomainError =>
  new DomainError(
    "INTERNAL",
    `a stored clearinghouse secret cannot be decrypted: ${why}. BILLCYCLE_SECRET_KEY (or <data dir>/secret.key) ` +
      "is not the key it was encrypted with, or the stored value was altered; restore that key, or enter the " +
      "password or private key again",
    { reason: "SECRET_UNDECRYPTABLE" },
  );

/** Decrypts what encryptSecret produced; a wrong key, a wrong context or any altered byte is a DomainError. */
export const decryptSecret = (ciphertext: string, key: Buffer, context?: string): string => {
  assertKey(key);
  const parts = ciphertext.split(":");
  if (parts.length !== 4 || parts[0] !== VERSION) throw undecryptable("not a v1 ciphertext");
  const [, ivText = "", tagText = "", dataText = ""] = parts;
  const iv = Buffer.from(ivText, "base64");
  const tag = Buffer.from(tagText, "base64");
  const data = Buffer.from(dataText, "base64");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw undecryptable("malformed ciphertext");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    if (context !== undefined) decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
  } catch {
    throw undecryptable("authentication failed");
  }
};

/** A new random key, base64 (what BILLCYCLE_SECRET_KEY holds): `openssl rand -base64 32` does the same. */
export const generateSecretKey = (): string => randomBytes(SECRET_KEY_BYTES).toString("base64");

const parseKey = (text: string, source: string): Buffer => {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, "base64");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || key.length !== SECRET_KEY_BYTES) {
    throw new DomainError(
      "INTERNAL",
      `${source} must be ${SECRET_KEY_BYTES} random bytes in base64 (openssl rand -base64 32)`,
    );
  }
  return key;
};

/** A key kept in a file as loadSecretKey writes one (base64, one line): the old key when rotating. */
export const readSecretKeyFile = (file: string): Buffer => parseKey(readFileSync(file, "utf8"), file);

const keyFiles = new Map<string, Buffer>();

/**
 * The key secrets are encrypted with: BILLCYCLE_SECRET_KEY when set, else `<BILLCYCLE_DATA_DIR or ./data>/secret.key`,
 * created on first use (random, mode 0600, in a 0700 directory) and read back afterwards; a key file found with
 * wider modes is tightened to 0600 (`billcycle start` also does so, and says it did).
 */
export const loadSecretKey = (env: NodeJS.ProcessEnv = process.env): Buffer => {
  const fromEnv = env.BILLCYCLE_SECRET_KEY?.trim();
  if (fromEnv) return parseKey(fromEnv, "BILLCYCLE_SECRET_KEY");
  const dataDir = resolve(env.BILLCYCLE_DATA_DIR?.trim() || "./data");
  const file = join(dataDir, "secret.key");
  const cached = keyFiles.get(file);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
    tightenOwnerOnlyFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    ensureOwnerOnlyDir(dataDir);
    try {
      writeFileSync(file, `${generateSecretKey()}\n`, { mode: 0o600, flag: "wx" });
    } catch (w) {
      // Another process created it first: use theirs.
      if ((w as NodeJS.ErrnoException).code !== "EEXIST") throw w;
    }
    text = readFileSync(file, "utf8");
  }
  const key = parseKey(text, file);
  keyFiles.set(file, key);
  return key;
};
