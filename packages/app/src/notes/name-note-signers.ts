import { type Executor, tables } from "@billcycle/db";
import { inArray } from "drizzle-orm";

/**
 * Adds `signedByName`, the name of the user who signed each note (the provider's own user or a supervisor), so a
 * page can say "Signed by Dr. X": null while unsigned, or when the signing user no longer exists.
 */
export const nameNoteSigners = async <T extends { signedByUserId?: unknown }>(
  tx: Executor,
  notes: T[],
): Promise<Array<T & { signedByName: string | null }>> => {
  const ids = [
    ...new Set(notes.map((n) => n.signedByUserId).filter((id): id is string => typeof id === "string")),
  ];
  const names = new Map<string, string>();
  if (ids.length > 0) {
    const users = await tx
      .select({ id: tables.users.id, name: tables.users.name })
      .from(tables.users)
      .where(inArray(tables.users.id, ids));
    for (const u of users) names.set(u.id, u.name);
  }
  return notes.map((n) => ({
    ...n,
    signedByName: typeof n.signedByUserId === "string" ? (names.get(n.signedByUserId) ?? null) : null,
  }));
};
