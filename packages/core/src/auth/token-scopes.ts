import { DomainError } from "../errors/domain-error";
import { can, type Permission, permissions, type Role, rolePermissions } from "./permissions";

/**
 * What an API token may do. A scope only narrows: a token acts with the permissions its scopes name that the
 * creator's role in the practice holds *now*, so demoting the user shrinks the token at once.
 *   read  — the `:read` permissions (GET requests only)
 *   write — everything the role allows
 */
export const tokenScopes = ["read", "write"] as const;
export type TokenScope = (typeof tokenScopes)[number];

const scopeGrants: Readonly<Record<TokenScope, readonly Permission[]>> = {
  read: permissions.filter((p) => p.endsWith(":read")),
  write: permissions,
};

export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 365;

/** The one rule for a token's rights in a practice: its scopes intersected with the creator's current role. */
export const tokenCan = (role: Role, scopes: readonly TokenScope[], permission: Permission): boolean =>
  can(role, permission) && scopes.some((s) => scopeGrants[s].includes(permission));

/** Only a token with the write scope may send anything but a safe (reading) request. */
export const tokenMayUseMethod = (scopes: readonly TokenScope[], method: string): boolean =>
  ["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase()) || scopes.includes("write");

/** Whether a role can use the scope at all: `read` needs some read, `write` some write. */
const roleUses = (role: Role, scope: TokenScope): boolean =>
  rolePermissions[role].some((p) => p.endsWith(scope === "read" ? ":read" : ":write"));

/** The scopes a user holding these roles may give a token (the screens offer only these). */
export const scopesAllowedFor = (roles: readonly Role[]): TokenScope[] =>
  tokenScopes.filter((scope) => roles.some((role) => roleUses(role, scope)));

/**
 * Refuses scopes wider than every role the creator holds, so a read-only user can only make read tokens
 * (and a user of no practice none).
 */
export const assertScopesWithinRoles = (scopes: readonly TokenScope[], roles: readonly Role[]): void => {
  const allowed = scopesAllowedFor(roles);
  for (const scope of scopes) {
    if (allowed.includes(scope)) continue;
    throw new DomainError(
      "FORBIDDEN",
      `A token cannot have the ${scope} scope: no role you hold allows it (${roles.join(", ") || "no practice"})`,
      { scope },
    );
  }
};

/** Days until expiry as asked for: a whole number from 1 to 365, 90 when not given. */
export const apiTokenExpiresAt = (now: Date, expiresInDays: number = API_TOKEN_DEFAULT_DAYS): Date => {
  if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > API_TOKEN_MAX_DAYS) {
    throw new DomainError(
      "VALIDATION_FAILED",
      `A token expires in 1 to ${API_TOKEN_MAX_DAYS} whole days (asked for ${expiresInDays})`,
      { field: "expiresInDays" },
    );
  }
  return new Date(now.getTime() + expiresInDays * 24 * 60 * 60 * 1000);
};

export type ApiTokenStatus = "active" | "expired" | "revoked";

export const apiTokenStatus = (
  token: { expiresAt: Date; revokedAt: Date | null },
  now: Date,
): ApiTokenStatus =>
  token.revokedAt ? "revoked" : token.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
