import { type ApiTokenStatus, apiTokenStatus, type TokenScope } from "@billcycle/core";
import { tables } from "@billcycle/db";

/** A token as its owner sees it: everything but the secret and its hash. */
export type ApiTokenView = {
  id: string;
  name: string;
  scopes: TokenScope[];
  createdVia: "session" | "cli";
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  status: ApiTokenStatus;
};

/** The columns an ApiTokenView is read from (never token_hash). */
export const apiTokenColumns = {
  id: tables.apiTokens.id,
  name: tables.apiTokens.name,
  scopes: tables.apiTokens.scopes,
  createdVia: tables.apiTokens.createdVia,
  createdAt: tables.apiTokens.createdAt,
  expiresAt: tables.apiTokens.expiresAt,
  lastUsedAt: tables.apiTokens.lastUsedAt,
  revokedAt: tables.apiTokens.revokedAt,
};

export const apiTokenView = (row: Omit<ApiTokenView, "status">, now: Date): ApiTokenView => ({
  ...row,
  status: apiTokenStatus(row, now),
});
