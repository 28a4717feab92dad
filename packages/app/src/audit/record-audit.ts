import { bulkInsert, type Executor, everyRow, tables } from "@billcycle/db";
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
  | "transition"
  /** Numbers reserved for documents and never used (a superbills batch that failed after reserving them). */
  | "skip";

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

/** Many rows of one action by one actor in one statement, on the caller's transaction (a chunk's transitions). */
export const recordAudits = async (
  tx: Executor,
  actor: Actor,
  action: AuditAction,
  entity: string,
  at: Date,
  rows: ReadonlyArray<{ entityId: string | null; details?: Record<string, unknown> }>,
): Promise<void> => {
  if (rows.length === 0) return;
  await tx.execute(
    bulkInsert(tables.auditLog, {
      practiceId: everyRow(actor.practiceId),
      userId: everyRow(actor.userId),
      actor: everyRow(actor.label),
      action: everyRow(action),
      entity: everyRow(entity),
      entityId: rows.map((r) => r.entityId),
      at: everyRow(at),
      details: rows.map((r) => r.details ?? null),
    }),
  );
};
