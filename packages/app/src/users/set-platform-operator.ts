import { DomainError } from "@billcycle/core";
import { type Database, tables } from "@billcycle/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/actor";

/**
 * Grants or revokes the platform operator role (who may create practices). The command line is the only
 * caller: no API route can make an operator. The change and its audit row are one transaction.
 */
export const setPlatformOperator = async (
  database: Database,
  email: string,
  grant: boolean,
  actor: Actor,
  now: Date,
): Promise<{ userId: string; changed: boolean }> =>
  database.db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: tables.users.id, platformRole: tables.users.platformRole })
      .from(tables.users)
      .where(eq(tables.users.email, email.trim().toLowerCase()))
      .for("update");
    if (!user) throw new DomainError("NOT_FOUND", `No user ${email}`, { entity: "User" });
    const wanted = grant ? "operator" : null;
    if (user.platformRole === wanted) return { userId: user.id, changed: false };
    await tx.update(tables.users).set({ platformRole: wanted }).where(eq(tables.users.id, user.id));
    await recordAudit(tx, actor, grant ? "grant_operator" : "revoke_operator", "user", user.id, now, {
      platformRole: "operator",
    });
    return { userId: user.id, changed: true };
  });

/** Whether the user may act above any practice (create practices). */
export const isPlatformOperator = async (database: Database, userId: string): Promise<boolean> => {
  const [user] = await database.db
    .select({ platformRole: tables.users.platformRole })
    .from(tables.users)
    .where(eq(tables.users.id, userId));
  return user?.platformRole === "operator";
};

/** Refuses with FORBIDDEN unless the user is a platform operator. */
export const requirePlatformOperator = async (database: Database, userId: string): Promise<void> => {
  if (!(await isPlatformOperator(database, userId))) {
    throw new DomainError(
      "FORBIDDEN",
      "Creating a practice needs the operator role, which is granted on the command line " +
        "(billcycle user operator <email> --grant)",
      { permission: "platform:operator" },
    );
  }
};
