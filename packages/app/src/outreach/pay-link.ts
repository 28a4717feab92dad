import { DomainError } from "@billcycle/core";
import { deriveLinkKey, type SignedLinkKind, signLink, verifyLink } from "../links/signed-link";

export const DEFAULT_PAY_LINK_DAYS = 30;

export type PayLinkClaims = { practiceId: string; setId: string; expiresAt: Date };

/** The pay-link HMAC key, derived from the server's secret key: never the share-link key. */
export const payLinkKeyFrom = (secretKey: Buffer): Buffer =>
  deriveLinkKey(secretKey, "billcycle pay links v1");

const payLink: SignedLinkKind = {
  version: "p1",
  invalid: () => new DomainError("PAY_LINK_INVALID", "This payment link is not valid"),
  expired: (expiredAt) =>
    new DomainError("PAY_LINK_EXPIRED", "This payment link has expired: ask the practice for a new one", {
      expiredAt: expiredAt.toISOString(),
    }),
};

/** `p1.<practice id>.<set id>.<expiry>.<signature>`. */
export const signPayLink = (key: Buffer, claims: PayLinkClaims): string =>
  signLink(key, payLink, {
    practiceId: claims.practiceId,
    subjectId: claims.setId,
    expiresAt: claims.expiresAt,
  });

/** The claims of an untampered, unexpired token; PAY_LINK_INVALID or PAY_LINK_EXPIRED otherwise. */
export const verifyPayLink = (key: Buffer, token: string, now: Date): PayLinkClaims => {
  const { practiceId, subjectId, expiresAt } = verifyLink(key, payLink, token, now);
  return { practiceId, setId: subjectId, expiresAt };
};
