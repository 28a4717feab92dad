import { createHash, randomBytes } from "node:crypto";
import { DomainError, type Role } from "@billcycle/core";
import { type Database, newId, tables } from "@billcycle/db";
import { and, count, eq, gt, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { DUMMY_HASH, verifyPassword } from "./passwords";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES = 5;

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");
const secret = (prefix: string): string => `${prefix}_${randomBytes(32).toString("base64url")}`;

export type AuthenticatedUser = { id: string; email: string; name: string };

/**
 * Signs a user in. Failures are counted per email in the database (so every process shares the count);
 * after LOGIN_MAX_FAILURES in LOGIN_WINDOW_MS further attempts are refused, even with the right password.
 */
export const login = async (
  database: Database,
  input: { email: string; password: string; ip: string },
  now: Date,
): Promise<{ token: string; user: AuthenticatedUser; expiresAt: Date }> => {
  const emailKey = input.email.trim().toLowerCase();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [recent] = await database.db
    .select({ n: count() })
    .from(tables.loginAttempts)
    .where(and(eq(tables.loginAttempts.emailKey, emailKey), gt(tables.loginAttempts.at, since)));
  if ((recent?.n ?? 0) >= LOGIN_MAX_FAILURES) {
    throw new DomainError("RATE_LIMITED", "Too many failed sign-ins; wait 15 minutes and try again", {
      retryAfterSeconds: LOGIN_WINDOW_MS / 1000,
    });
  }
  const [user] = await database.db.select().from(tables.users).where(eq(tables.users.email, emailKey));
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    await database.db.transaction(async (tx) => {
      await tx
        .insert(tables.loginAttempts)
        .values({ id: newId(now.getTime()), emailKey, ip: input.ip, at: now });
      await recordAudit(
        tx,
        { userId: user?.id ?? null, practiceId: null, role: null, label: "anonymous" },
        "login_failed",
        "user",
        user?.id ?? null,
        now,
      );
    });
    throw new DomainError("UNAUTHENTICATED", "Email or password is wrong");
  }
  const token = secret("bcs");
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await database.db.transaction(async (tx) => {
    await tx.insert(tables.authSessions).values({
      id: newId(now.getTime()),
      tokenHash: sha256(token),
      userId: user.id,
      createdAt: now,
      expiresAt,
    });
    await recordAudit(
      tx,
      { userId: user.id, practiceId: null, role: null, label: `user:${user.id}` },
      "login",
      "user",
      user.id,
      now,
    );
  });
  return { token, user: { id: user.id, email: user.email, name: user.name }, expiresAt };
};

export const logout = async (database: Database, token: string): Promise<void> => {
  await database.db.delete(tables.authSessions).where(eq(tables.authSessions.tokenHash, sha256(token)));
};

/** Resolves a session cookie or a bearer API token to its user, or null. */
export const authenticate = async (
  database: Database,
  credential: { kind: "session" | "token"; secret: string },
  now: Date,
): Promise<(AuthenticatedUser & { via: string }) | null> => {
  const hash = sha256(credential.secret);
  if (credential.kind === "session") {
    const [row] = await database.db
      .select({
        id: tables.users.id,
        email: tables.users.email,
        name: tables.users.name,
        sessionId: tables.authSessions.id,
      })
      .from(tables.authSessions)
      .innerJoin(tables.users, eq(tables.users.id, tables.authSessions.userId))
      .where(and(eq(tables.authSessions.tokenHash, hash), gt(tables.authSessions.expiresAt, now)));
    return row ? { id: row.id, email: row.email, name: row.name, via: `user:${row.id}` } : null;
  }
  const [row] = await database.db
    .select({
      id: tables.users.id,
      email: tables.users.email,
      name: tables.users.name,
      tokenId: tables.apiTokens.id,
    })
    .from(tables.apiTokens)
    .innerJoin(tables.users, eq(tables.users.id, tables.apiTokens.userId))
    .where(and(eq(tables.apiTokens.tokenHash, hash), isNull(tables.apiTokens.revokedAt)));
  if (!row) return null;
  await database.db
    .update(tables.apiTokens)
    .set({ lastUsedAt: now })
    .where(eq(tables.apiTokens.id, row.tokenId));
  return { id: row.id, email: row.email, name: row.name, via: `token:${row.tokenId}` };
};

export const createApiToken = async (
  database: Database,
  { userId, name, now }: { userId: string; name: string; now: Date },
): Promise<{ id: string; token: string }> => {
  const token = secret("bct");
  const id = newId(now.getTime());
  await database.db
    .insert(tables.apiTokens)
    .values({ id, tokenHash: sha256(token), userId, name, createdAt: now });
  return { id, token };
};

export const membershipsOf = async (
  database: Database,
  userId: string,
): Promise<Array<{ practiceId: string; practiceName: string; role: Role }>> =>
  database.db
    .select({
      practiceId: tables.memberships.practiceId,
      practiceName: tables.practices.name,
      role: tables.memberships.role,
    })
    .from(tables.memberships)
    .innerJoin(tables.practices, eq(tables.practices.id, tables.memberships.practiceId))
    .where(eq(tables.memberships.userId, userId));

export const roleIn = async (
  database: Database,
  userId: string,
  practiceId: string,
): Promise<Role | null> => {
  const [m] = await database.db
    .select({ role: tables.memberships.role })
    .from(tables.memberships)
    .where(and(eq(tables.memberships.userId, userId), eq(tables.memberships.practiceId, practiceId)));
  return m?.role ?? null;
};
