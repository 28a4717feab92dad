import { type Executor, tables } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import type { ClearinghouseTransport } from "../clearinghouse/transport";
import { getClaimsSettings } from "./claims-settings";

export type ConnectionRow = typeof tables.clearinghouseConnections.$inferSelect;

/** Builds the transport for a practice's connection; `null` means the embedded directory drop for that practice. */
export type TransportResolver = (
  practiceId: string,
  connection: ConnectionRow | null,
) => ClearinghouseTransport;

export type Envelope = {
  submitterId: string;
  submitterName: string;
  submitterEmail: string | null;
  receiverId: string;
  receiverName: string;
  usage: "T" | "P";
};

/**
 * The practice's clearinghouse connection (the one chosen in claims settings, else its only active one, else none:
 * the directory drop) and the X12 identities to put on the envelope.
 */
export const loadClearinghouse = async (
  tx: Executor,
  practiceId: string,
): Promise<{ connection: ConnectionRow | null; envelope: Envelope }> => {
  const { settings } = await getClaimsSettings(tx, practiceId);
  const connections = await tx
    .select()
    .from(tables.clearinghouseConnections)
    .where(
      and(
        eq(tables.clearinghouseConnections.practiceId, practiceId),
        eq(tables.clearinghouseConnections.active, true),
      ),
    );
  const connection =
    connections.find((c) => c.id === settings.connectionId) ??
    (connections.length === 1 ? connections[0]! : null);
  if (connection) {
    return {
      connection,
      envelope: {
        submitterId: connection.submitterId,
        submitterName: connection.submitterName,
        submitterEmail: connection.submitterContactEmail,
        receiverId: connection.receiverId,
        receiverName: connection.receiverName,
        usage: connection.usageIndicator,
      },
    };
  }
  const [practice] = await tx.select().from(tables.practices).where(eq(tables.practices.id, practiceId));
  return {
    connection: null,
    envelope: {
      submitterId: (practice?.taxId ?? "000000000").replace(/\D/g, ""),
      submitterName: practice?.name ?? "billcycle",
      submitterEmail: null,
      receiverId: "CLEARINGHOUSE",
      receiverName: "Clearinghouse",
      usage: "T",
    },
  };
};
