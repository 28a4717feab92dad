import type { ShareEmail } from "./share-mailer";

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The Message-ID of a share's email: the same on every attempt, so a re-send after a crash is recognisable. */
export const shareMessageId = (shareId: string, fromAddress: string): string =>
  `<share.${shareId}@${fromAddress.split("@").pop() || "billcycle.invalid"}>`;

/**
 * The share email. It names the practice and carries the link, nothing else: no amounts, services, diagnoses or
 * even the kind of document, since a mailbox is not a place for health information.
 */
export const composeShareEmail = (input: {
  shareId: string;
  to: string;
  practiceName: string;
  link: string;
  linkExpiresAt: Date;
  fromAddress: string;
}): ShareEmail => {
  const until = input.linkExpiresAt.toISOString().slice(0, 10);
  const practice = input.practiceName;
  return {
    to: input.to,
    fromName: practice,
    subject: `New billing document from ${practice}`,
    text:
      `You have a new billing document from ${practice}.\n\n` +
      `View and download it here:\n${input.link}\n\n` +
      `The link works until ${until}. If it has expired, ask ${practice} to share the document again.\n`,
    html:
      `<p>You have a new billing document from ${escapeHtml(practice)}.</p>` +
      `<p><a href="${escapeHtml(input.link)}">View and download it</a></p>` +
      `<p>The link works until ${until}. If it has expired, ask ${escapeHtml(practice)} to share the document again.</p>`,
    messageId: shareMessageId(input.shareId, input.fromAddress),
  };
};
