import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import type { DomainError } from "@billcycle/core";
import { isUuid } from "@billcycle/db";

/**
 * A link's HMAC key, derived (HKDF-SHA256) from the server's secret key with a label per use, so no second secret
 * is kept and two kinds of link never share a key. Rotating the secret key ends every link sent before.
 */
export const deriveLinkKey = (secretKey: Buffer, label: string): Buffer =>
  Buffer.from(hkdfSync("sha256", secretKey, Buffer.alloc(0), label, 32));

/** One kind of signed link: its version tag and the errors a bad or expired token gets. */
export type SignedLinkKind = {
  version: string;
  invalid: () => DomainError;
  expired: (expiredAt: Date) => DomainError;
};

export type SignedLinkClaims = { practiceId: string; subjectId: string; expiresAt: Date };

const signature = (key: Buffer, body: string): string =>
  createHmac("sha256", key).update(body).digest("base64url");

/** `<version>.<practice id>.<subject id>.<expiry, unix seconds>.<HMAC-SHA256 of the rest>`: opaque to its holder. */
export const signLink = (key: Buffer, kind: SignedLinkKind, claims: SignedLinkClaims): string => {
  const expiry = Math.floor(claims.expiresAt.getTime() / 1000);
  const body = [kind.version, claims.practiceId, claims.subjectId, expiry].join(".");
  return `${body}.${signature(key, body)}`;
};

/** The claims of an untampered, unexpired token of this kind; the kind's invalid or expired error otherwise. */
export const verifyLink = (key: Buffer, kind: SignedLinkKind, token: string, now: Date): SignedLinkClaims => {
  const parts = token.split(".");
  if (parts.length !== 5) throw kind.invalid();
  const [version, practiceId = "", subjectId = "", expiry = "", given = ""] = parts;
  if (version !== kind.version || !isUuid(practiceId) || !isUuid(subjectId) || !/^\d{1,12}$/.test(expiry)) {
    throw kind.invalid();
  }
  const expected = Buffer.from(signature(key, parts.slice(0, 4).join(".")));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw kind.invalid();
  const expiresAt = new Date(Number(expiry) * 1000);
  if (expiresAt.getTime() <= now.getTime()) throw kind.expired(expiresAt);
  return { practiceId, subjectId, expiresAt };
};
