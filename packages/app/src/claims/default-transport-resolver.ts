import { join } from "node:path";
import { DEFAULT_DIRECTORY_FOLDERS } from "../clearinghouse/connections-resource";
import { directoryTransport } from "../clearinghouse/directory-transport";
import { transportFor } from "../clearinghouse/transport-for";
import type { TransportResolver } from "./clearinghouse-context";

/**
 * The practice's configured connection (SFTP or directory), or — with none configured — the embedded default:
 * a directory drop at `<dropRoot>/<practiceId>/{outbox,inbox}`.
 */
export const defaultTransportResolver =
  (options: {
    dropRoot: string;
    secretKey?: Buffer | undefined;
    connectTimeoutMs?: number;
    operationTimeoutMs?: number;
  }): TransportResolver =>
  (practiceId, connection) =>
    connection
      ? transportFor(connection, options)
      : directoryTransport({ root: join(options.dropRoot, practiceId), ...DEFAULT_DIRECTORY_FOLDERS });
