import { DomainError } from "@billcycle/core";
import { type Database, isUuid, tables } from "@billcycle/db";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "./actor";
import { type ApiTokenView, apiTokenColumns, apiTokenView } from "./api-token-view";

/**
 * Revokes a token; the next request with it is refused. `ownerId` limits it to that user's tokens (another
 * user's token is NOT_FOUND, as if it did not exist); null is the operator at the command line. Revoking a
 * revoked token changes nothing and writes no audit row.
 */
export const revokeApiToken = async (
  database: Database,
  input: { tokenId: string; ownerId: string | null },
  actor: Actor,
  now: Date,
): Promise<ApiTokenView> => {
  const notFound = new DomainError("NOT_FOUND", "API token not found", { entity: "API token" });
  if (!isUuid(input.tokenId)) throw notFound;
  const tokenId = input.tokenId.toLowerCase();
  const owned = and(
    eq(tables.apiTokens.id, tokenId),
    input.ownerId === null ? undefined : eq(tables.apiTokens.userId, input.ownerId),
  );
  return database.db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(tables.apiTokens)
      .set({ revokedAt: now })
      .where(and(owned, isNull(tables.apiTokens.revokedAt)))
      .returning({ ...apiTokenColumns, userId: tables.apiTokens.userId });
    if (revoked) {
      const { userId, ...row } = revoked;
      await recordAudit(tx, actor, "revoke", "api_token", tokenId, now, { userId });
      return apiTokenView(row, now);
    }
    const [already] = await tx.select(apiTokenColumns).from(tables.apiTokens).where(owned);
    if (!already) throw notFound;
    return apiTokenView(already, now);
  });
};
