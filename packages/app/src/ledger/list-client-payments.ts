import { DomainError } from "@billcycle/core";
import { type Database, isUuid } from "@billcycle/db";
import { sql } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { TenantActor } from "../resources/crud";
import type { ClientPaymentList } from "./ledger-schemas";
import { findClient } from "./ledger-writes";
import { selectPayments } from "./payment-views";

/** A client's payments, newest first, a page at a time, with what is applied, refunded and unapplied of each. */
export const listClientPayments = async (
  database: Database,
  input: { actor: TenantActor; clientId: string; limit: number; cursor?: string | undefined; now: Date },
): Promise<ClientPaymentList> => {
  const { actor } = input;
  if (input.cursor !== undefined && !isUuid(input.cursor)) {
    throw new DomainError("VALIDATION_FAILED", "The cursor is not a payment", { field: "cursor" });
  }
  return database.db.transaction(async (tx) => {
    await findClient(tx, actor.practiceId, input.clientId);
    const rows = await selectPayments(tx, {
      practiceId: actor.practiceId,
      where: sql`p.client_id = ${input.clientId}::uuid ${input.cursor ? sql`AND p.id < ${input.cursor}::uuid` : sql``}`,
      limit: input.limit + 1,
    });
    const data = rows.slice(0, input.limit);
    await recordAudit(tx, actor, "list", "payment", input.clientId, input.now, { count: data.length });
    return { data, nextCursor: rows.length > input.limit ? data.at(-1)!.id : null };
  });
};
