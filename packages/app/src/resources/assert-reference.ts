import { DomainError } from "@billcycle/core";
import type { Executor } from "@billcycle/db";
import { and, eq } from "drizzle-orm";
import type { TenantTable } from "./resource-definition";

/**
 * Refuses a reference to a record that is not in the actor's practice, before any write. Used where the
 * database alone would not give REFERENCE_NOT_FOUND: a reference without a composite foreign key, or one
 * whose unique index would answer first and so reveal whether another practice's record exists.
 */
export const assertReferenceInPractice = async (
  tx: Executor,
  reference: {
    table: TenantTable;
    practiceId: string;
    /** The referenced id as given (nothing to check when null or absent). */
    id: unknown;
    /** The input field that holds it, for the error. */
    path: string;
    label: string;
  },
): Promise<void> => {
  const { table, practiceId, id, path, label } = reference;
  if (id === null || id === undefined) return;
  const found = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.practiceId, practiceId), eq(table.id, String(id))))
    .limit(1);
  if (found.length === 0) {
    throw new DomainError("REFERENCE_NOT_FOUND", `${label} does not exist in this practice`, {
      issues: [{ path, code: "REFERENCE_NOT_FOUND", message: `unknown ${label.toLowerCase()}` }],
    });
  }
};
