import { DomainError } from "@billcycle/core";
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

/** Who the clearinghouse calls about the file (loop 1000A PER): at least one of phone and email. */
export type SubmitterContact = { name: string; phone: string | null; email: string | null };

export type Envelope = {
  submitterId: string;
  submitterName: string;
  contact: SubmitterContact | null;
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
  const [practice] = await tx.select().from(tables.practices).where(eq(tables.practices.id, practiceId));
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
        contact: submitterContact(practice, connection),
        receiverId: connection.receiverId,
        receiverName: connection.receiverName,
        usage: connection.usageIndicator,
      },
    };
  }
  return {
    connection: null,
    envelope: {
      submitterId: (practice?.taxId ?? "000000000").replace(/\D/g, ""),
      submitterName: practice?.name ?? "billcycle",
      contact: submitterContact(practice, null),
      receiverId: "CLEARINGHOUSE",
      receiverName: "Clearinghouse",
      usage: "T",
    },
  };
};

type PracticeRow = typeof tables.practices.$inferSelect;

/**
 * The practice's own contact for its claim files: the billing contact's name (else the practice's), the practice
 * phone and the billing contact's email (else the connection's submitter email). Null when there is no way to
 * reach the practice: such a practice cannot enable or run Claims Submission.
 */
export const submitterContact = (
  practice: Pick<PracticeRow, "name" | "phone" | "billingContactName" | "billingContactEmail"> | undefined,
  connection: Pick<ConnectionRow, "submitterContactEmail"> | null,
): SubmitterContact | null => {
  // Saved in E.164: a North American number goes in PER as its ten digits, without the country code.
  const digits = practice?.phone?.replace(/\D/g, "") ?? "";
  const phone = (practice?.phone?.startsWith("+1") ? digits.slice(1) : digits) || null;
  const email = practice?.billingContactEmail ?? connection?.submitterContactEmail ?? null;
  if (!phone && !email) return null;
  return { name: practice?.billingContactName ?? practice?.name ?? "Billing", phone, email };
};

export const submitterContactMissing = (): DomainError =>
  new DomainError(
    "SUBMITTER_CONTACT_MISSING",
    "Claim files name who the clearinghouse can call: set the practice phone or billing contact email first",
  );
