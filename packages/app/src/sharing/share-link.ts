import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { DomainError } from "@billcycle/core";

/** How long a shared link works unless configured otherwise. */
export const DEFAULT_SHARE_LINK_DAYS = 30;

const VERSION = "v1";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type ShareLinkClaims = { practiceId: string; documentId: string; expiresAt: Date };

/**
 * The HMAC key of shared links, derived (HKDF-SHA256) from the server's secret key (BILLCYCLE_SECRET_KEY or
 * <data dir>/secret.key, as clearinghouse secrets), so no second secret has to be kept and the two uses never share
 * a key. Rotating the secret key ends every link sent before.
 */
export const shareLinkKeyFrom = (secretKey: Buffer): Buffer =>
  Buffer.from(hkdfSync("sha256", secretKey, Buffer.alloc(0), "billcycle share links v1", 32));

const signature = (key: Buffer, body: string): string =>
  createHmac("sha256", key).update(body).digest("base64url");

/** `v1.<practice id>.<document id>.<expiry, unix seconds>.<HMAC-SHA256 of the rest>`: opaque to the client. */
export const signShareLink = (key: Buffer, claims: ShareLinkClaims): string => {
  const body = [
    VERSION,
    claims.practiceId,
    claims.documentId,
    Math.floor(claims.expiresAt.getTime() / 1000),
  ].join(".");
  return `${body}.${signature(key, body)}`;
};

const invalid = () =>
  new DomainError(
    "SHARE_LINK_INVALID",
    "This link is not valid: ask the practice to share the document again",
  );

/** The claims of an untampered, unexpired token; SHARE_LINK_INVALID or SHARE_LINK_EXPIRED otherwise. */
export const verifyShareLink = (key: Buffer, token: string, now: Date): ShareLinkClaims => {
  const parts = token.split(".");
  if (parts.length !== 5) throw invalid();
  const [version, practiceId = "", documentId = "", expiry = "", given = ""] = parts;
  if (version !== VERSION || !UUID.test(practiceId) || !UUID.test(documentId) || !/^\d{1,12}$/.test(expiry)) {
    throw invalid();
  }
  const expected = Buffer.from(signature(key, parts.slice(0, 4).join(".")));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw invalid();
  const expiresAt = new Date(Number(expiry) * 1000);
  if (expiresAt.getTime() <= now.getTime()) {
    throw new DomainError(
      "SHARE_LINK_EXPIRED",
      "This link has expired: ask the practice to share the document again",
      { expiredAt: expiresAt.toISOString() },
    );
  }
  return { practiceId, documentId, expiresAt };
};
