import { type Database, tables } from "@billcycle/db";
import { desc, eq } from "drizzle-orm";
import { type ApiTokenView, apiTokenColumns, apiTokenView } from "./api-token-view";

/** A user's own tokens, newest first, with their status at `now`; never a secret or its hash. */
export const listApiTokens = async (database: Database, userId: string, now: Date): Promise<ApiTokenView[]> =>
  (
    await database.db
      .select(apiTokenColumns)
      .from(tables.apiTokens)
      .where(eq(tables.apiTokens.userId, userId))
      .orderBy(desc(tables.apiTokens.id))
  ).map((row) => apiTokenView(row, now));
