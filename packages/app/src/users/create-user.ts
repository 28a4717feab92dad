import { DomainError, type Role } from "@billcycle/core";
import { type Database, newId, tables } from "@billcycle/db";
import { z } from "zod";
import { hashPassword } from "../auth/passwords";
import { translateDbError } from "../db-errors";

export const createUserSchema = z.strictObject({
  email: z.email(),
  name: z.string().trim().min(1).max(200),
  password: z.string().min(10, "passwords have at least 10 characters").max(200),
});

/** Creates a user, and memberships when practices are given. Emails are unique, case-insensitively. */
export const createUser = async (
  database: Database,
  {
    input,
    memberships,
    now,
  }: {
    input: z.infer<typeof createUserSchema>;
    memberships: Array<{ practiceId: string; role: Role }>;
    now: Date;
  },
): Promise<{ id: string }> => {
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) {
    throw new DomainError(
      "VALIDATION_FAILED",
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    );
  }
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
      });
      for (const m of memberships)
        await tx.insert(tables.memberships).values({ userId: id, practiceId: m.practiceId, role: m.role });
    })
    .catch((e: unknown) => {
      throw translateDbError(e);
    });
  return { id };
};
