import { DomainError } from "@billcycle/core";
import { deriveLinkKey, type SignedLinkKind, signLink, verifyLink } from "../links/signed-link";

/** How long a shared link works unless configured otherwise. */
export const DEFAULT_SHARE_LINK_DAYS = 30;

export type ShareLinkClaims = { practiceId: string; documentId: string; expiresAt: Date };

/** The HMAC key of shared links, derived from the server's secret key (BILLCYCLE_SECRET_KEY or <data dir>/secret.key). */
export const shareLinkKeyFrom = (secretKey: Buffer): Buffer =>
  deriveLinkKey(secretKey, "billcycle share links v1");

const shareLink: SignedLinkKind = {
  version: "v1",
  invalid: () =>
    new DomainError(
      "SHARE_LINK_INVALID",
      "This link is not valid: ask the practice to share the document again",
    ),
  expired: (expiredAt) =>
    new DomainError(
      "SHARE_LINK_EXPIRED",
      "This link has expired: ask the practice to share the document again",
      {
        expiredAt: expiredAt.toISOString(),
      },
    ),
};

/** `v1.<practice id>.<document id>.<expiry>.<signature>`: opaque to the client. */
export const signShareLink = (key: Buffer, claims: ShareLinkClaims): string =>
  signLink(key, shareLink, {
    practiceId: claims.practiceId,
    subjectId: claims.documentId,
    expiresAt: claims.expiresAt,
  });

/** The claims of an untampered, unexpired token; SHARE_LINK_INVALID or SHARE_LINK_EXPIRED otherwise. */
export const verifyShareLink = (key: Buffer, token: string, now: Date): ShareLinkClaims => {
  const { practiceId, subjectId, expiresAt } = verifyLink(key, shareLink, token, now);
  return { practiceId, documentId: subjectId, expiresAt };
};
