import { DomainError, type TokenScope } from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { hashSecret } from "./token-secret";

/** last_used_at is kept to the minute: every request reads the token, but at most one a minute writes. */
export const LAST_USED_RESOLUTION_MS = 60_000;

export type TokenUser = {
  id: string;
  email: string;
  name: string;
  via: string;
  token: { id: string; scopes: TokenScope[] };
};

/**
 * Resolves a Bearer secret to its user and scopes: null for an unknown secret, UNAUTHENTICATED naming why for
 * a revoked or expired one (the caller holds the secret, so saying which reveals nothing new).
 */
export const authenticateApiToken = async (
  database: Database,
  secret: string,
  now: Date,
): Promise<TokenUser | null> => {
  const [row] = await database.db
    .select({
      id: tables.users.id,
      email: tables.users.email,
      name: tables.users.name,
      tokenId: tables.apiTokens.id,
      scopes: tables.apiTokens.scopes,
      expiresAt: tables.apiTokens.expiresAt,
      revokedAt: tables.apiTokens.revokedAt,
      lastUsedAt: tables.apiTokens.lastUsedAt,
    })
    .from(tables.apiTokens)
    .innerJoin(tables.users, eq(tables.users.id, tables.apiTokens.userId))
    .where(eq(tables.apiTokens.tokenHash, hashSecret(secret)));
  if (!row) return null;
  if (row.revokedAt) throw new DomainError("UNAUTHENTICATED", "This API token was revoked");
  if (row.expiresAt.getTime() <= now.getTime()) {
    throw new DomainError(
      "UNAUTHENTICATED",
      `This API token expired at ${row.expiresAt.toISOString()}; create a new one`,
    );
  }
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt < staleBefore) {
    // The condition is repeated in SQL so that concurrent requests write once between them.
    await database.db
      .update(tables.apiTokens)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(tables.apiTokens.id, row.tokenId),
          or(isNull(tables.apiTokens.lastUsedAt), lt(tables.apiTokens.lastUsedAt, staleBefore)),
        ),
      );
  }
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    via: `token:${row.tokenId}`,
    token: { id: row.tokenId, scopes: row.scopes },
  };
};
