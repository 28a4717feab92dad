import {
  can,
  DomainError,
  isValidTimeZone,
  type Permission,
  tokenCan,
  tokenMayUseMethod,
} from "@billcycle/core";
import { isUuid } from "@billcycle/db";
import type { Context } from "hono";
import type { AuthUser, HonoEnv } from "./deps";

/** A read-scoped API token may only send reading requests, on every route. */
const refuseTokenWrites = (c: Context<HonoEnv>, user: AuthUser | null) => {
  if (user?.token && !tokenMayUseMethod(user.token.scopes, c.req.method)) {
    throw new DomainError("FORBIDDEN", "This API token has the read scope: it may only read (GET)", {
      scopes: user.token.scopes,
    });
  }
};

/**
 * The acting user must hold `permission` in the practice in the URL; read-only users are refused writes here.
 * With an API token, its scopes must grant it too: a token never does more than its creator's current role.
 */
export const requirePermission = (c: Context<HonoEnv>, permission: Permission) => {
  const actor = c.get("actor");
  if (!actor.role || !can(actor.role, permission)) {
    throw new DomainError(
      "FORBIDDEN",
      `Your role (${actor.role ?? "none"}) may not do this (needs ${permission})`,
      {
        permission,
      },
    );
  }
  const token = c.get("user")?.token;
  refuseTokenWrites(c, c.get("user"));
  if (token && !tokenCan(actor.role, token.scopes, permission)) {
    throw new DomainError(
      "FORBIDDEN",
      `This API token's scopes (${token.scopes.join(", ")}) exclude ${permission}`,
      {
        permission,
        scopes: token.scopes,
      },
    );
  }
  return actor;
};

export const requireUser = (c: Context<HonoEnv>) => {
  const user = c.get("user");
  if (!user) throw new DomainError("UNAUTHENTICATED", "Sign in, or send an API token as a Bearer credential");
  refuseTokenWrites(c, user);
  return user;
};

/** A malformed id cannot name an existing record: answer as for any other unknown id. */
export const recordId = (id: string, label: string): string => {
  if (!isUuid(id)) throw new DomainError("NOT_FOUND", `${label} not found`, { entity: label });
  return id.toLowerCase();
};

export { isValidTimeZone };
