import {
  API_TOKEN_MAX_DAYS,
  apiTokenExpiresAt,
  assertScopesWithinRoles,
  DomainError,
  type TokenScope,
  tokenScopes,
} from "@billcycle/core";
import { type Database, newId, tables } from "@billcycle/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "./actor";
import { type ApiTokenView, apiTokenView } from "./api-token-view";
import { hashSecret, newSecret } from "./token-secret";

export const createApiTokenSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z
    .int()
    .min(1)
    .max(API_TOKEN_MAX_DAYS)
    .optional()
    .describe("days until the token stops working: 1 to 365, 90 when not given"),
  scopes: z
    .array(z.enum(tokenScopes))
    .min(1)
    .max(tokenScopes.length)
    .optional()
    .describe("read (GET requests only) or write (all your role allows); read when not given"),
});

export type CreateApiTokenInput = z.input<typeof createApiTokenSchema> & {
  userId: string;
  /** A token is made from a signed-in session or by the operator at the command line, never by a token. */
  createdVia: "session" | "cli";
};

/**
 * Makes an API token for a user. The secret is returned here once; only its SHA-256 is stored. Its scopes may
 * not be wider than the roles the user holds, and the creation is audited in the same transaction.
 */
export const createApiToken = async (
  database: Database,
  input: CreateApiTokenInput,
  actor: Actor,
  now: Date,
): Promise<ApiTokenView & { token: string }> => {
  const { userId, createdVia, ...fields } = input;
  const parsed = createApiTokenSchema.safeParse(fields);
  if (!parsed.success) {
    throw new DomainError(
      "VALIDATION_FAILED",
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
      { field: String(parsed.error.issues[0]?.path[0] ?? "") },
    );
  }
  const asked: TokenScope[] = parsed.data.scopes ?? ["read"];
  const scopes = [...new Set(asked)];
  const expiresAt = apiTokenExpiresAt(now, parsed.data.expiresInDays);
  const roles = await database.db
    .select({ role: tables.memberships.role })
    .from(tables.memberships)
    .where(eq(tables.memberships.userId, userId));
  // An operator may need a write token before holding any practice role: creating practices is theirs.
  const [user] = await database.db
    .select({ platformRole: tables.users.platformRole })
    .from(tables.users)
    .where(eq(tables.users.id, userId));
  if (user?.platformRole !== "operator") {
    assertScopesWithinRoles(
      scopes,
      roles.map((r) => r.role),
    );
  }
  const token = newSecret("bct");
  const row = {
    id: newId(now.getTime()),
    name: parsed.data.name,
    scopes,
    createdVia,
    createdAt: now,
    expiresAt,
    lastUsedAt: null,
    revokedAt: null,
  };
  await database.db.transaction(async (tx) => {
    await tx.insert(tables.apiTokens).values({ ...row, tokenHash: hashSecret(token), userId });
    await recordAudit(tx, actor, "create", "api_token", row.id, now, {
      userId,
      scopes,
      expiresAt: expiresAt.toISOString(),
      createdVia,
    });
  });
  return { ...apiTokenView(row, now), token };
};
