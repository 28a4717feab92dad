import type { OutreachChannel } from "./outreach-message-status";

export const willFailCodes = [
  "NO_PHONE",
  "INVALID_PHONE",
  "SMS_OPTED_OUT",
  "NO_EMAIL",
  "EMAIL_BOUNCED",
  "EMAIL_OPTED_OUT",
] as const;
export type WillFailCode = (typeof willFailCodes)[number];
export type WillFailReason = { code: WillFailCode; message: string };

export type ContactFacts = {
  /** The phone in E.164, or null when there is none or it does not parse as a valid number. */
  phoneE164: string | null;
  hasPhone: boolean;
  smsOptIn: boolean;
  hasEmail: boolean;
  emailOptIn: boolean;
  /** An earlier message to this address bounced (SMTP refused it). */
  emailBounced: boolean;
};

/** Why a message on `channel` is predicted to fail (empty: it should go through). */
export const decideWillFail = (channel: OutreachChannel, c: ContactFacts): WillFailReason[] => {
  const reasons: WillFailReason[] = [];
  if (channel === "sms") {
    if (!c.hasPhone) reasons.push({ code: "NO_PHONE", message: "The patient has no phone number" });
    else if (c.phoneE164 === null)
      reasons.push({ code: "INVALID_PHONE", message: "The patient's phone number is not a valid number" });
    if (!c.smsOptIn)
      reasons.push({ code: "SMS_OPTED_OUT", message: "The patient has opted out of text messages" });
  } else {
    if (!c.hasEmail) reasons.push({ code: "NO_EMAIL", message: "The patient has no email address" });
    else if (c.emailBounced)
      reasons.push({ code: "EMAIL_BOUNCED", message: "An earlier email to the patient's address bounced" });
    if (!c.emailOptIn)
      reasons.push({ code: "EMAIL_OPTED_OUT", message: "The patient has opted out of email" });
  }
  return reasons;
};
