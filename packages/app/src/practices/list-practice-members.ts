import { roles } from "@billcycle/core";
import { type Executor, tables } from "@billcycle/db";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { TenantActor } from "../resources/crud";

export const practiceMemberSchema = z
  .strictObject({
    id: z.uuid().describe("the user's id (a provider's userId)"),
    name: z.string(),
    email: z.string(),
    role: z.enum(roles),
  })
  .meta({ id: "PracticeMember" });

export const practiceMemberListSchema = z
  .strictObject({ data: z.array(practiceMemberSchema) })
  .meta({ id: "PracticeMemberList" });

export type PracticeMember = z.infer<typeof practiceMemberSchema>;

/**
 * The users who are members of the actor's practice, by name: who a provider can be linked to (and so who signs
 * that provider's notes). Memberships scope the list; a user of several practices shows in each with its role there.
 */
export const listPracticeMembers = async (tx: Executor, actor: TenantActor): Promise<PracticeMember[]> =>
  tx
    .select({
      id: tables.users.id,
      name: tables.users.name,
      email: tables.users.email,
      role: tables.memberships.role,
    })
    .from(tables.memberships)
    .innerJoin(tables.users, eq(tables.users.id, tables.memberships.userId))
    .where(eq(tables.memberships.practiceId, actor.practiceId))
    .orderBy(asc(tables.users.name), asc(tables.users.id));
