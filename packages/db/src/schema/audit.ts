import { bigserial, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { instant } from "./columns";

/**
 * Append-only: who read or changed what, when. A trigger (migration 0001) refuses UPDATE and DELETE.
 * `details` holds field names and ids, never patient values.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    practiceId: uuid("practice_id"),
    userId: uuid("user_id"),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    at: instant("at").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_log_practice_at_idx").on(t.practiceId, t.at),
    index("audit_log_entity_idx").on(t.entity, t.entityId),
  ],
);
