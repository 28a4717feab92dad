import { DomainError, type Role } from "@billcycle/core";
import { type Database, newId, tables } from "@billcycle/db";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/actor";
import { assertPasswordAcceptable } from "../auth/check-password-rules";
import { hashPassword } from "../auth/passwords";
import { translateDbError } from "../db-errors";

export const createUserSchema = z.strictObject({
  email: z.email(),
  name: z.string().trim().min(1).max(200),
  // Length and commonness are checked by assertPasswordAcceptable (WEAK_PASSWORD), not here.
  password: z.string().max(200),
});

export type CreateUserOptions = {
  /** Made by the demo seed: a production start refuses to run while one exists. */
  isDemo?: boolean;
  /** Makes the user a platform operator (may create practices); audited as a grant by `actor`. */
  operator?: { actor: Actor };
};

/**
 * Creates a user, and memberships when practices are given. Emails are unique, case-insensitively.
 * The password has at least 12 characters and is not a common one (WEAK_PASSWORD otherwise).
 */
export const createUser = async (
  database: Database,
  {
    input,
    memberships,
    now,
    isDemo = false,
    operator,
  }: {
    input: z.infer<typeof createUserSchema>;
    memberships: Array<{ practiceId: string; role: Role }>;
    now: Date;
  } & CreateUserOptions,
): Promise<{ id: string }> => {
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) {
    throw new DomainError(
      "VALIDATION_FAILED",
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    );
  }
  await assertPasswordAcceptable(parsed.data.password);
  const id = newId(now.getTime());
  const passwordHash = await hashPassword(parsed.data.password);
  await database.db
    .transaction(async (tx) => {
      await tx.insert(tables.users).values({
        id,
        email: parsed.data.email.toLowerCase(),
        name: parsed.data.name,
        passwordHash,
        createdAt: now,
        isDemo,
        platformRole: operator ? "operator" : null,
      });
      for (const m of memberships)
        await tx.insert(tables.memberships).values({ userId: id, practiceId: m.practiceId, role: m.role });
      if (operator)
        await recordAudit(tx, operator.actor, "grant_operator", "user", id, now, {
          platformRole: "operator",
        });
    })
    .catch((e: unknown) => {
      throw translateDbError(e);
    });
  return { id };
};
