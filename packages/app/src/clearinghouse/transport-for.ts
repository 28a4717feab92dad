import { join } from "node:path";
import { DomainError } from "@billcycle/core";
import type { tables } from "@billcycle/db";
import { directoryTransport } from "./directory-transport";
import { connectionSecretContext, decryptSecret, loadSecretKey } from "./secrets";
import { sftpTransport } from "./sftp-transport";
import type { ClearinghouseTransport } from "./transport";

export type ClearinghouseConnection = typeof tables.clearinghouseConnections.$inferSelect;

export type TransportForOptions = {
  /**
   * The directory drop's root (see defaultDropRoot). A directory connection's folders live under
   * `<dropRoot>/<practiceId>/`, so practices never share a folder.
   */
  dropRoot: string;
  /** The key secrets were encrypted with (default: loadSecretKey(), read only for SFTP connections). */
  secretKey?: Buffer | undefined;
  connectTimeoutMs?: number | undefined;
  operationTimeoutMs?: number | undefined;
  /** Reported for every SFTP host key seen (e.g. to offer pinning an unpinned connection). */
  onHostKey?: ((sha256: string) => void) | undefined;
};

/** BILLCYCLE_CLAIMS_DIR, else `<BILLCYCLE_DATA_DIR or ./data>/clearinghouse` (as the CLI's file drop). */
export const defaultDropRoot = (env: NodeJS.ProcessEnv = process.env): string =>
  env.BILLCYCLE_CLAIMS_DIR?.trim() || join(env.BILLCYCLE_DATA_DIR?.trim() || "./data", "clearinghouse");

/**
 * The transport a connection row describes. Nothing connects until the first operation. An SFTP connection
 * without its host, user or secret is a DomainError (VALIDATION_FAILED); a secret that does not decrypt with
 * the key is a DomainError (INTERNAL) naming the key.
 */
export const transportFor = (
  connection: ClearinghouseConnection,
  options: TransportForOptions,
): ClearinghouseTransport => {
  if (connection.kind === "directory") {
    return directoryTransport({
      root: join(options.dropRoot, connection.practiceId),
      outboundDir: connection.outboundDir,
      inboundDir: connection.inboundDir,
    });
  }
  const { host, port, username, authKind, secretCiphertext } = connection;
  if (!host || !username || authKind === "none" || !secretCiphertext) {
    throw new DomainError(
      "VALIDATION_FAILED",
      `clearinghouse connection "${connection.name}" is incomplete: SFTP needs a host, a username and a password or private key`,
      { connectionId: connection.id },
    );
  }
  const secret = decryptSecret(
    secretCiphertext,
    options.secretKey ?? loadSecretKey(),
    connectionSecretContext(connection.practiceId),
  );
  return sftpTransport({
    host,
    port: port ?? 22,
    username,
    auth:
      authKind === "password"
        ? { kind: "password", password: secret }
        : { kind: "private_key", privateKey: secret },
    hostKeySha256: connection.hostKeySha256,
    outboundDir: connection.outboundDir,
    inboundDir: connection.inboundDir,
    connectTimeoutMs: options.connectTimeoutMs,
    operationTimeoutMs: options.operationTimeoutMs,
    onHostKey: options.onHostKey,
  });
};
