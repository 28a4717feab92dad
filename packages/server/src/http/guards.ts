import { can, DomainError, isValidTimeZone, type Permission } from "@billcycle/core";
import { isUuid } from "@billcycle/db";
import type { Context } from "hono";
import type { HonoEnv } from "./deps";

/** The acting user must hold `permission` in the practice in the URL; read-only users are refused writes here. */
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
  return actor;
};

export const requireUser = (c: Context<HonoEnv>) => {
  const user = c.get("user");
  if (!user) throw new DomainError("UNAUTHENTICATED", "Sign in, or send an API token as a Bearer credential");
  return user;
};

/** A malformed id cannot name an existing record: answer as for any other unknown id. */
export const recordId = (id: string, label: string): string => {
  if (!isUuid(id)) throw new DomainError("NOT_FOUND", `${label} not found`, { entity: label });
  return id.toLowerCase();
};

export { isValidTimeZone };
