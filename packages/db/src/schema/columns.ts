import { bigint, integer, timestamp, uuid } from "drizzle-orm/pg-core";

/** Every tenant-owned row: a time-ordered id, its practice, an optimistic-concurrency version and UTC instants. */
export const tenantColumns = () => ({
  id: uuid("id").primaryKey(),
  practiceId: uuid("practice_id").notNull(),
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/** Money: integer cents in a bigint column, surfaced as a JS number (safe to 2^53 cents). */
export const cents = (name: string) => bigint(name, { mode: "number" });

export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
