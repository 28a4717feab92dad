import { type Executor, tables } from "@billcycle/db";
import type { Actor } from "../auth/actor";

export type AuditAction =
  | "create"
  | "update"
  | "delete"
  | "revoke"
  | "read"
  | "list"
  | "login"
  | "login_failed"
  | "login_throttled"
  | "grant_operator"
  | "revoke_operator"
  | "transition";

/**
 * Appends one row to the audit trail on the caller's transaction, so the audit row and the change it
 * describes commit or roll back together. Details carry field names and ids, never patient values.
 */
export const recordAudit = async (
  tx: Executor,
  actor: Actor,
  action: AuditAction,
  entity: string,
  entityId: string | null,
  at: Date,
  details?: Record<string, unknown>,
): Promise<void> => {
  await tx.insert(tables.auditLog).values({
    practiceId: actor.practiceId,
    userId: actor.userId,
    actor: actor.label,
    action,
    entity,
    entityId,
    at,
    details: details ?? null,
  });
};
