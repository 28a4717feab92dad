import { type Database, tables } from "@billcycle/db";
import { eq } from "drizzle-orm";
import type { ClearinghouseTransport } from "../clearinghouse/transport";
import type { ConnectionRow, TransportResolver } from "./clearinghouse-context";

export type TransportResolverDeps = { transportFor: TransportResolver };
export type ClearinghouseContext = { connection: ConnectionRow | null; transport: ClearinghouseTransport };

/** The transport for a file's connection (or the practice's directory drop when the file was sent without one). */
export const loadConnection = async (
  database: Database,
  practiceId: string,
  connectionId: string | null,
  deps: TransportResolverDeps,
): Promise<ClearinghouseContext> => {
  const connection = connectionId
    ? ((
        await database.db
          .select()
          .from(tables.clearinghouseConnections)
          .where(eq(tables.clearinghouseConnections.id, connectionId))
      )[0] ?? null)
    : null;
  return { connection, transport: deps.transportFor(practiceId, connection) };
};
