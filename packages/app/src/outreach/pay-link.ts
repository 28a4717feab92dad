import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { DomainError } from "@billcycle/core";

export const DEFAULT_PAY_LINK_DAYS = 30;
const VERSION = "p1";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type PayLinkClaims = { practiceId: string; setId: string; expiresAt: Date };

/** The pay-link HMAC key, derived (HKDF-SHA256) from the server's secret key: never the share-link key. */
export const payLinkKeyFrom = (secretKey: Buffer): Buffer =>
  Buffer.from(hkdfSync("sha256", secretKey, Buffer.alloc(0), "billcycle pay links v1", 32));

const signature = (key: Buffer, body: string): string =>
  createHmac("sha256", key).update(body).digest("base64url");

/** `p1.<practice id>.<set id>.<expiry, unix seconds>.<HMAC-SHA256 of the rest>`. */
export const signPayLink = (key: Buffer, claims: PayLinkClaims): string => {
  const body = [VERSION, claims.practiceId, claims.setId, Math.floor(claims.expiresAt.getTime() / 1000)].join(
    ".",
  );
  return `${body}.${signature(key, body)}`;
};

const invalid = () => new DomainError("PAY_LINK_INVALID", "This payment link is not valid");

/** The claims of an untampered, unexpired token; PAY_LINK_INVALID or PAY_LINK_EXPIRED otherwise. */
export const verifyPayLink = (key: Buffer, token: string, now: Date): PayLinkClaims => {
  const parts = token.split(".");
  if (parts.length !== 5) throw invalid();
  const [version, practiceId = "", setId = "", expiry = "", given = ""] = parts;
  if (version !== VERSION || !UUID.test(practiceId) || !UUID.test(setId) || !/^\d{1,12}$/.test(expiry)) {
    throw invalid();
  }
  const expected = Buffer.from(signature(key, parts.slice(0, 4).join(".")));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) throw invalid();
  const expiresAt = new Date(Number(expiry) * 1000);
  if (expiresAt.getTime() <= now.getTime()) {
    throw new DomainError(
      "PAY_LINK_EXPIRED",
      "This payment link has expired: ask the practice for a new one",
      {
        expiredAt: expiresAt.toISOString(),
      },
    );
  }
  return { practiceId, setId, expiresAt };
};
