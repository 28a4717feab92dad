import { createHash } from "node:crypto";
import { posix } from "node:path";
import type { ConnectConfig, FileEntryWithStats, SFTPWrapper } from "ssh2";
import SftpClient from "ssh2-sftp-client";
import {
  ARCHIVE_FOLDER,
  assertFileName,
  type ClearinghouseTransport,
  type InboundSubfolder,
  isListable,
  PART_SUFFIX,
  type RemoteFile,
  TransportError,
  type TransportFolder,
  type TransportOperation,
} from "./transport";

export type SftpAuth =
  | { kind: "password"; password: string }
  | { kind: "private_key"; privateKey: string; passphrase?: string | undefined };

export type SftpTransportOptions = {
  host: string;
  /** Default 22. */
  port?: number | undefined;
  username: string;
  auth: SftpAuth;
  /**
   * SHA-256 of the server's host key: base64 as OpenSSH prints it (with or without the "SHA256:" prefix and
   * padding) or 64 hex digits. When set, a server presenting any other key is refused ("failed"); when not,
   * any key is accepted (and reported to onHostKey, so it can be pinned).
   */
  hostKeySha256?: string | null | undefined;
  /** Remote folders, as the server names them (relative to the login directory, or absolute). */
  outboundDir: string;
  inboundDir: string;
  /** Connecting, key exchange and authentication together (default 10 s). */
  connectTimeoutMs?: number | undefined;
  /** Each remote operation (default 30 s); a timeout closes the connection. */
  operationTimeoutMs?: number | undefined;
  /** Called with the fingerprint (canonical form) of every host key the server presents. */
  onHostKey?: ((sha256: string) => void) | undefined;
};

/** SHA-256 of an SSH public key blob, base64 without padding: OpenSSH's "SHA256:…" fingerprint without the prefix. */
export const hostKeyFingerprint = (publicKeyBlob: Buffer): string =>
  createHash("sha256").update(publicKeyBlob).digest("base64").replace(/=+$/, "");

/**
 * A host key pin in canonical form (unpadded base64 of the 32-byte SHA-256), from "SHA256:…", base64 with or
 * without padding, or 64 hex digits; null when it is none of these.
 */
export const normalizeHostKeySha256 = (input: string): string | null => {
  const text = input.trim().replace(/^SHA256:/i, "");
  let bytes: Buffer;
  if (/^[0-9a-f]{64}$/i.test(text)) bytes = Buffer.from(text, "hex");
  else if (/^[A-Za-z0-9+/]{43}=?$/.test(text)) bytes = Buffer.from(text, "base64");
  else return null;
  return bytes.length === 32 ? bytes.toString("base64").replace(/=+$/, "") : null;
};

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_OPERATION_TIMEOUT_MS = 30_000;

/** SFTP status codes (draft-ietf-secsh-filexfer-02). */
const NO_SUCH_FILE = 2;

/** The connection is gone (dropped, reset, closed, timed out): anything in flight may or may not have happened. */
class ConnectionLost extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "ConnectionLost";
  }
}

/** A status the server answered with (ssh2 puts the SFTP status code on `code` as a number). */
const statusCode = (e: unknown): number | undefined =>
  typeof e === "object" && e !== null && "code" in e && typeof (e as { code: unknown }).code === "number"
    ? (e as { code: number }).code
    : undefined;

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const errnoOf = (e: unknown): string | undefined =>
  typeof e === "object" && e !== null && "code" in e && typeof (e as { code: unknown }).code === "string"
    ? (e as { code: string }).code
    : undefined;

/** The ssh2 Client inside ssh2-sftp-client (untyped there); destroying it closes the socket at once. */
const destroySocket = (client: SftpClient): void => {
  const inner: unknown = Reflect.get(client, "client");
  if (inner && typeof inner === "object" && "destroy" in inner && typeof inner.destroy === "function") {
    inner.destroy();
  } else {
    client.end().catch(() => undefined);
  }
};

type Session = {
  client: SftpClient;
  sftp: SFTPWrapper;
  /** Rejects (with ConnectionLost) once the connection is gone. */
  lost: Promise<never>;
  isLost(): boolean;
  kill(reason: ConnectionLost): void;
};

/**
 * Clearinghouse transport over SFTP (ssh2-sftp-client). One connection per batch of operations: opened
 * lazily by the first operation, reused, closed by close(); an operation after the connection dropped
 * reconnects.
 *
 * Upload: checks `<name>` is not there yet, writes `<outbound>/<name>.part`, closes it, renames it to
 * `<name>` (an SFTP rename never replaces an existing file). Errors before the first byte goes out, and any
 * error the server answers with, are "failed" (the `.part` is removed when possible); a connection that drops
 * or times out after the first byte went out is "unknown".
 */
export const sftpTransport = (options: SftpTransportOptions): ClearinghouseTransport => {
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const operationTimeoutMs = options.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS;
  const pin = options.hostKeySha256 ? normalizeHostKeySha256(options.hostKeySha256) : null;
  if (options.hostKeySha256 && !pin) {
    throw new RangeError("hostKeySha256 is not a SHA-256 fingerprint (base64 or hex)");
  }
  const where = `${options.username}@${options.host}:${options.port ?? 22}`;
  const folders: Record<TransportFolder, string> = {
    outbound: options.outboundDir,
    inbound: options.inboundDir,
  };
  const inFolder = (folder: TransportFolder, name: string) => posix.join(folders[folder], name);

  let current: Promise<Session> | undefined;

  const open = async (): Promise<Session> => {
    let presented: string | undefined;
    let lostReason: ConnectionLost | undefined;
    let rejectLost: (e: ConnectionLost) => void = () => undefined;
    const lost = new Promise<never>((_, reject) => {
      rejectLost = reject;
    });
    lost.catch(() => undefined);
    const markLost = (reason: ConnectionLost) => {
      if (lostReason) return;
      lostReason = reason;
      rejectLost(reason);
    };
    // Silent global listeners: every event is handled by the operation it interrupts.
    const client = new SftpClient("billcycle-clearinghouse", {
      error: () => undefined,
      end: () => undefined,
      close: () => undefined,
    });
    client.on("error", (e: unknown) => markLost(new ConnectionLost(`connection error: ${messageOf(e)}`, e)));
    client.on("end", () => markLost(new ConnectionLost("the server ended the connection")));
    client.on("close", () => markLost(new ConnectionLost("the connection closed")));

    const config: ConnectConfig = {
      host: options.host,
      port: options.port ?? 22,
      username: options.username,
      readyTimeout: connectTimeoutMs,
      tryKeyboard: false,
      hostVerifier: (key: Buffer) => {
        presented = hostKeyFingerprint(key);
        options.onHostKey?.(presented);
        return pin === null || presented === pin;
      },
    };
    if (options.auth.kind === "password") config.password = options.auth.password;
    else {
      config.privateKey = options.auth.privateKey;
      if (options.auth.passphrase) config.passphrase = options.auth.passphrase;
    }

    let timer: NodeJS.Timeout | undefined;
    try {
      const sftp = await Promise.race([
        client.connect(config),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`timed out after ${connectTimeoutMs} ms`)),
            connectTimeoutMs + 1_000,
          );
        }),
      ]);
      sftp.on("error", (e: unknown) => markLost(new ConnectionLost(`SFTP error: ${messageOf(e)}`, e)));
      sftp.on("close", () => markLost(new ConnectionLost("the SFTP channel closed")));
      sftp.on("end", () => markLost(new ConnectionLost("the SFTP channel ended")));
      const session: Session = {
        client,
        sftp,
        lost,
        isLost: () => lostReason !== undefined,
        kill: (reason) => {
          if (lostReason) return;
          markLost(reason);
          // Not a polite end(): the server may be the thing that stopped answering.
          destroySocket(client);
        },
      };
      return session;
    } catch (e) {
      markLost(new ConnectionLost("connect failed"));
      destroySocket(client);
      const refusedKey = pin !== null && presented !== undefined && presented !== pin;
      const message = refusedKey
        ? `SFTP ${where}: host key SHA256:${presented} does not match the pinned SHA256:${pin}; refused`
        : `SFTP ${where}: cannot connect: ${messageOf(e)}`;
      throw new TransportError("failed", "connect", message, {
        cause: e,
        code: refusedKey ? "HOST_KEY_MISMATCH" : errnoOf(e),
      });
    } finally {
      clearTimeout(timer);
    }
  };

  const session = async (): Promise<Session> => {
    const existing = current;
    if (existing) {
      // Operations waiting for the same connect share its failure; the next one after it tries again.
      const s = await existing;
      if (!s.isLost()) return s;
      if (current === existing) current = undefined;
      return session(); // reconnect (or join a reconnect another operation started meanwhile)
    }
    const opening = open();
    current = opening;
    opening.catch(() => {
      if (current === opening) current = undefined;
    });
    return opening;
  };

  /**
   * One raw SFTP request, bounded by the operation timeout and the connection's life: rejects with the
   * server's status error, or ConnectionLost.
   */
  const call = <T>(s: Session, what: string, start: (done: (err: unknown, value?: T) => void) => void) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        const e = new ConnectionLost(`${what}: no answer within ${operationTimeoutMs} ms`);
        s.kill(e);
        reject(e);
      }, operationTimeoutMs);
      s.lost.catch((e: unknown) => {
        clearTimeout(timer);
        reject(e);
      });
      try {
        start((err, value) => {
          clearTimeout(timer);
          if (err === undefined || err === null) resolve(value as T);
          else if (statusCode(err) !== undefined) reject(err);
          else {
            // No status from the server ("No response from server"): the channel or connection is gone.
            const e = new ConnectionLost(`${what}: ${messageOf(err)}`, err);
            s.kill(e);
            reject(e);
          }
        });
      } catch (e) {
        clearTimeout(timer);
        reject(e);
      }
    });

  const exists = async (s: Session, path: string): Promise<boolean> => {
    try {
      await call(s, `stat ${path}`, (done) => s.sftp.lstat(path, done));
      return true;
    } catch (e) {
      if (statusCode(e) === NO_SUCH_FILE) return false;
      throw e;
    }
  };

  const transportError = (
    outcome: "failed" | "unknown",
    operation: TransportOperation,
    what: string,
    e: unknown,
  ): TransportError => {
    if (e instanceof TransportError) return e;
    const status = statusCode(e);
    return new TransportError(outcome, operation, `SFTP ${where}: ${what}: ${messageOf(e)}`, {
      cause: e,
      code: status ?? errnoOf(e),
    });
  };

  const upload = async (name: string, content: Buffer): Promise<void> => {
    assertFileName(name);
    const target = inFolder("outbound", name);
    const part = target + PART_SUFFIX;
    const s = await session();
    /** Whether bytes may have left: from the first WRITE on, a lost connection leaves the outcome unknown. */
    let sent = false;
    try {
      if (await exists(s, target)) {
        throw new TransportError(
          "unknown",
          "upload",
          `SFTP ${where}: ${target} already exists; reconcile instead of uploading again`,
          { code: "EEXIST" },
        );
      }
      const handle = await call<Buffer>(s, `open ${part}`, (done) => s.sftp.open(part, "w", done));
      sent = true;
      try {
        await call<number>(s, `write ${part}`, (done) =>
          s.sftp.write(handle, content, 0, content.length, 0, done),
        );
      } finally {
        // Closes the handle on a status error too (the connection is still up); skipped once it is gone.
        if (!s.isLost()) await call(s, `close ${part}`, (done) => s.sftp.close(handle, done));
      }
      try {
        await call(s, `rename ${part}`, (done) => s.sftp.rename(part, target, done));
      } catch (e) {
        // Refused because the name appeared meanwhile: something else wrote it; reconcile.
        if (statusCode(e) !== undefined && (await exists(s, target).catch(() => false))) {
          throw new TransportError(
            "unknown",
            "upload",
            `SFTP ${where}: ${target} appeared during the upload; reconcile instead of uploading again`,
            { cause: e, code: "EEXIST" },
          );
        }
        throw e;
      }
    } catch (e) {
      if (e instanceof TransportError) throw e;
      if (e instanceof ConnectionLost) {
        throw transportError(sent ? "unknown" : "failed", "upload", `uploading ${name}`, e);
      }
      // The server answered with an error: nothing was renamed into place. Tidy up the partial file.
      if (sent && !s.isLost())
        await call(s, `remove ${part}`, (done) => s.sftp.unlink(part, done)).catch(() => undefined);
      throw transportError("failed", "upload", `uploading ${name}`, e);
    }
  };

  const list = async (folder: TransportFolder): Promise<RemoteFile[]> => {
    const dir = folders[folder];
    try {
      const s = await session();
      const entries = await call<FileEntryWithStats[]>(s, `list ${dir}`, (done) => s.sftp.readdir(dir, done));
      return entries
        .filter((e) => e.attrs.isFile() && isListable(e.filename))
        .map((e) => ({ name: e.filename, size: e.attrs.size, modifiedAt: new Date(e.attrs.mtime * 1000) }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      const missing = statusCode(e) === NO_SUCH_FILE;
      throw transportError(
        "failed",
        "list",
        missing ? `the ${folder} folder ${dir} does not exist` : `listing the ${folder} folder ${dir}`,
        e,
      );
    }
  };

  const download = async (folder: "inbound", name: string): Promise<Buffer> => {
    assertFileName(name);
    const path = inFolder(folder, name);
    try {
      const s = await session();
      return await call<Buffer>(s, `read ${path}`, (done) => s.sftp.readFile(path, done));
    } catch (e) {
      throw transportError("failed", "download", `reading ${path}`, e);
    }
  };

  const archive = async (name: string, into: InboundSubfolder = ARCHIVE_FOLDER): Promise<void> => {
    assertFileName(name);
    const source = inFolder("inbound", name);
    const archiveDir = inFolder("inbound", into);
    const target = posix.join(archiveDir, name);
    let renaming = false;
    try {
      const s = await session();
      if (!(await exists(s, archiveDir))) {
        await call(s, `mkdir ${archiveDir}`, (done) => s.sftp.mkdir(archiveDir, done)).catch(async (e) => {
          // Created by another worker meanwhile is fine.
          if (!(await exists(s, archiveDir))) throw e;
        });
      }
      if (!(await exists(s, source))) {
        if (await exists(s, target)) return; // archived already
        throw new TransportError("failed", "archive", `SFTP ${where}: ${source} does not exist`, {
          code: NO_SUCH_FILE,
        });
      }
      const free = (await exists(s, target)) ? `${target}.${Date.now()}` : target;
      renaming = true;
      await call(s, `rename ${source}`, (done) => s.sftp.rename(source, free, done));
    } catch (e) {
      const unknown = renaming && e instanceof ConnectionLost;
      throw transportError(unknown ? "unknown" : "failed", "archive", `archiving ${source}`, e);
    }
  };

  const close = async (): Promise<void> => {
    const opening = current;
    current = undefined;
    if (!opening) return;
    const s = await opening.catch(() => undefined);
    if (!s || s.isLost()) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      s.client.end().catch(() => undefined),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, operationTimeoutMs);
      }),
    ]);
    clearTimeout(timer);
    s.kill(new ConnectionLost("closed")); // a no-op unless end() timed out
  };

  return { upload, list, download, archive, close };
};
