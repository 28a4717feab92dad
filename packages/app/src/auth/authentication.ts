import { createHash, randomBytes } from "node:crypto";
import { DomainError, decideLoginThrottle, loginThrottlePolicy, type Role } from "@billcycle/core";
import { type Database, newId, tables } from "@billcycle/db";
import { and, count, eq, gt, gte, lt, max, type SQL } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { authenticateApiToken, type TokenUser } from "./authenticate-api-token";
import { DUMMY_HASH, verifyPassword } from "./passwords";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** Failed sign-ins older than this no longer count, for the address or the account. */
export const LOGIN_WINDOW_MS = loginThrottlePolicy.windowMs;
/** How long a browser stays a known device of an account after signing in on it. */
export const KNOWN_DEVICE_TTL_MS = 365 * 24 * 60 * 60 * 1000;
/** A session unused this long is refused, whatever its absolute expiry (overridable per server). */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** last_seen_at is written at most this often, so a busy session does not write on every request. */
export const SESSION_SEEN_REFRESH_MS = 60 * 1000;

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");
const secret = (prefix: string): string => `${prefix}_${randomBytes(32).toString("base64url")}`;

export type AuthenticatedUser = { id: string; email: string; name: string };

export type LoginInput = {
  email: string;
  password: string;
  /** The client's address, as the server decided to trust it. */
  ip: string;
  /** The known-device cookie the browser sent, if any. */
  deviceSecret?: string | undefined;
};

export type LoginResult = {
  token: string;
  user: AuthenticatedUser;
  expiresAt: Date;
  /** The known-device secret to (re)set in the browser's cookie. */
  device: { secret: string; expiresAt: Date };
};

const failuresSince = async (
  database: Database,
  where: SQL | undefined,
): Promise<{ failures: number; lastFailureAt: Date | null }> => {
  const [row] = await database.db
    .select({ n: count(), last: max(tables.loginAttempts.at) })
    .from(tables.loginAttempts)
    .where(where);
  return { failures: row?.n ?? 0, lastFailureAt: row?.last ?? null };
};

const knownDeviceOf = async (
  database: Database,
  userId: string,
  deviceSecret: string | undefined,
  now: Date,
): Promise<string | null> => {
  if (!deviceSecret) return null;
  const [row] = await database.db
    .select({ id: tables.knownDevices.id })
    .from(tables.knownDevices)
    .where(
      and(
        eq(tables.knownDevices.userId, userId),
        eq(tables.knownDevices.tokenHash, sha256(deviceSecret)),
        gt(tables.knownDevices.expiresAt, now),
      ),
    );
  return row?.id ?? null;
};

/**
 * Signs a user in, throttled so that guessing is slowed but a real user cannot be locked out
 * (decideLoginThrottle: a backoff per client address over any emails, and a short capped backoff per account
 * that a known device of the account skips). Failures are counted in the database, so every process shares
 * them; a refusal is audited as login_throttled and is not itself a failure. The password is checked only when
 * the attempt is allowed, so a throttled flood costs no scrypt work.
 */
export const login = async (database: Database, input: LoginInput, now: Date): Promise<LoginResult> => {
  const emailKey = input.email.trim().toLowerCase();
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [user] = await database.db.select().from(tables.users).where(eq(tables.users.email, emailKey));
  const knownDeviceId = user ? await knownDeviceOf(database, user.id, input.deviceSecret, now) : null;
  const address = await failuresSince(
    database,
    and(eq(tables.loginAttempts.ip, input.ip), gt(tables.loginAttempts.at, since)),
  );
  const account = knownDeviceId
    ? null
    : await failuresSince(
        database,
        and(
          eq(tables.loginAttempts.emailKey, emailKey),
          gt(tables.loginAttempts.at, since),
          eq(tables.loginAttempts.knownDevice, false),
        ),
      );
  const decision = decideLoginThrottle({ now, address, account });
  const anonymous = { userId: user?.id ?? null, practiceId: null, role: null, label: "anonymous" };
  if (decision.kind === "delay") {
    await recordAudit(database.db, anonymous, "login_throttled", "user", user?.id ?? null, now, {
      reason: decision.reason,
      retryAfterSeconds: decision.seconds,
    });
    throw new DomainError(
      "RATE_LIMITED",
      `Too many failed sign-ins ${decision.reason === "address" ? "from this address" : "for this account"}; ` +
        `try again in ${decision.seconds} seconds`,
      { retryAfterSeconds: decision.seconds },
    );
  }
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    await database.db.transaction(async (tx) => {
      await tx.insert(tables.loginAttempts).values({
        id: newId(now.getTime()),
        emailKey,
        ip: input.ip,
        at: now,
        knownDevice: knownDeviceId !== null,
      });
      await recordAudit(tx, anonymous, "login_failed", "user", user?.id ?? null, now);
    });
    throw new DomainError("UNAUTHENTICATED", "Email or password is wrong");
  }
  const token = secret("bcs");
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  // A browser already known for this account keeps its secret; any other gets a new one for this account.
  const device = {
    secret: knownDeviceId && input.deviceSecret ? input.deviceSecret : secret("bcd"),
    expiresAt: new Date(now.getTime() + KNOWN_DEVICE_TTL_MS),
  };
  await database.db.transaction(async (tx) => {
    await tx.insert(tables.authSessions).values({
      id: newId(now.getTime()),
      tokenHash: sha256(token),
      userId: user.id,
      createdAt: now,
      expiresAt,
      lastSeenAt: now,
    });
    if (knownDeviceId) {
      await tx
        .update(tables.knownDevices)
        .set({ lastUsedAt: now, expiresAt: device.expiresAt })
        .where(eq(tables.knownDevices.id, knownDeviceId));
    } else {
      await tx.insert(tables.knownDevices).values({
        id: newId(now.getTime()),
        userId: user.id,
        tokenHash: sha256(device.secret),
        createdAt: now,
        lastUsedAt: now,
        expiresAt: device.expiresAt,
      });
    }
    await recordAudit(
      tx,
      { userId: user.id, practiceId: null, role: null, label: `user:${user.id}` },
      "login",
      "user",
      user.id,
      now,
    );
  });
  return { token, user: { id: user.id, email: user.email, name: user.name }, expiresAt, device };
};

export const logout = async (database: Database, token: string): Promise<void> => {
  await database.db.delete(tables.authSessions).where(eq(tables.authSessions.tokenHash, sha256(token)));
};

/**
 * Resolves a session cookie or a bearer API token to its user, or null. A session must be within its absolute
 * expiry and used within the last `sessionIdleMs`; using it moves its last-seen time (at most once a minute).
 * A token carries its scopes; a revoked or expired token is UNAUTHENTICATED. Signing out ends the session
 * only: tokens are separate credentials.
 */
export const authenticate = async (
  database: Database,
  credential: { kind: "session" | "token"; secret: string },
  now: Date,
  options: { sessionIdleMs?: number | undefined } = {},
): Promise<(AuthenticatedUser & { via: string; token?: TokenUser["token"] }) | null> => {
  const hash = sha256(credential.secret);
  if (credential.kind === "session") {
    const idleSince = new Date(now.getTime() - (options.sessionIdleMs ?? SESSION_IDLE_MS));
    const [row] = await database.db
      .select({
        id: tables.users.id,
        email: tables.users.email,
        name: tables.users.name,
        sessionId: tables.authSessions.id,
        lastSeenAt: tables.authSessions.lastSeenAt,
      })
      .from(tables.authSessions)
      .innerJoin(tables.users, eq(tables.users.id, tables.authSessions.userId))
      .where(
        and(
          eq(tables.authSessions.tokenHash, hash),
          gt(tables.authSessions.expiresAt, now),
          gte(tables.authSessions.lastSeenAt, idleSince),
        ),
      );
    if (!row) return null;
    const refreshBefore = new Date(now.getTime() - SESSION_SEEN_REFRESH_MS);
    if (row.lastSeenAt < refreshBefore) {
      await database.db
        .update(tables.authSessions)
        .set({ lastSeenAt: now })
        .where(
          and(eq(tables.authSessions.id, row.sessionId), lt(tables.authSessions.lastSeenAt, refreshBefore)),
        );
    }
    return { id: row.id, email: row.email, name: row.name, via: `user:${row.id}` };
  }
  return authenticateApiToken(database, credential.secret, now);
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
