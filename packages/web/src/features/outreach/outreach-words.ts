import {
  type OutreachAction,
  type OutreachSetStatus,
  outreachActionLabel,
  outreachActions,
  outreachSetStatusLabel,
} from "@billcycle/core";
import { formatCents, words } from "../../lib/format";
import type { OutreachEvent } from "./outreach-api";

export { outreachActionLabel, outreachSetStatusLabel };

/** What each action does, said in its confirmation. */
export const actionConsequence: Record<OutreachAction, string> = {
  write_off:
    "The outstanding balance is written off as uncollectable (in the ledger) and outreach stops for good.",
  send_to_collections:
    "The invoice set goes to collections: outreach stops for good and it appears in the collections CSV.",
  change_rule_set: "Outreach continues with the chosen rule set, at its step matching the days already sent.",
  pause: "Automated messages stop until someone resumes outreach.",
  resume: "Automated messages start again with the next step of the rule set.",
  cancel: "All outreach for the invoice set stops for good; the balance stays as it is.",
};

/** The past tense of an action, for the notice after it ("Paused Dana Lee's invoice set"). */
export const actionDone: Record<OutreachAction, string> = {
  write_off: "Wrote off",
  send_to_collections: "Sent to collections",
  change_rule_set: "Changed the rule set of",
  pause: "Paused",
  resume: "Resumed",
  cancel: "Cancelled",
};

const codeWords: Record<string, string> = {
  ALL_STEPS_SENT: "every step of the rule set was sent",
  BALANCE_ZERO: "nothing is outstanding",
  NO_PHONE: "the patient has no phone number",
  INVALID_PHONE: "the patient's phone number is not a valid number",
  SMS_OPTED_OUT: "the patient opted out of text messages",
  NO_EMAIL: "the patient has no email address",
  EMAIL_BOUNCED: "an earlier email to the patient bounced",
  EMAIL_OPTED_OUT: "the patient opted out of email",
  SMTP_REFUSED: "the mail server refused the address",
  OUTCOME_UNKNOWN: "the sender did not learn whether it went out",
};

/** A machine code in words ("NO_PHONE" → "the patient has no phone number"). */
export const codeInWords = (code: string): string => codeWords[code] ?? words(code);

/** Who or what did it: a staff member's name, the patient, the automatic sender, the SMS provider. */
export const actorInWords = (event: Pick<OutreachEvent, "actor" | "actorName">): string => {
  if (event.actorName) return event.actorName;
  const [kind = "", rest = ""] = event.actor.split(/:(.*)/s);
  if (event.actor === "patient") return "The patient";
  if (event.actor === "system:outreach") return "Automatic outreach";
  if (event.actor === "system:twilio") return "The text message provider";
  if (kind === "system") return `Automation (${words(rest)})`;
  if (kind === "user") return "A staff member";
  if (kind === "token") return "An API token";
  return words(event.actor);
};

const channelWords = { sms: "Text message", email: "Email" } as const;
const messageStatusWords = {
  sending: "sending",
  sent: "sent",
  delivered: "delivered",
  failed: "failed",
  unknown: "outcome unknown",
} as const;

const text = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);
const count = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const statusLabel = (v: unknown): string =>
  typeof v === "string" && v in outreachSetStatusLabel
    ? outreachSetStatusLabel[v as OutreachSetStatus]
    : words(String(v));

/** Why a status changed, in words; nothing when the change was the action itself. */
const reasonInWords = (reason: string | null, byPerson: boolean): string | null => {
  if (!reason || (outreachActions as readonly string[]).includes(reason)) return null;
  if (byPerson) return `“${reason}”`;
  return /^[A-Z0-9_]+$/.test(reason) || reason in codeWords ? codeInWords(reason) : words(reason);
};

export type EventInWords = {
  /** One line: what happened. */
  what: string;
  /** The message text or the patient's words, quoted as sent. */
  quote?: string | undefined;
  /** Why it failed, or other detail. */
  note?: string | undefined;
  tone?: "danger" | "success" | undefined;
};

/** A timeline event said in words (no ids): messages, delivery, replies, payments and status changes. */
export const eventInWords = (event: OutreachEvent): EventInWords => {
  const d = event.details ?? {};
  const m = event.message;
  switch (event.kind) {
    case "started": {
      const n = count(d.invoices);
      const amount = count(d.amountCents);
      return {
        what:
          `Outreach started ${d.startedBy === "auto" ? "automatically" : "by hand"}` +
          (n !== null ? ` for ${n} invoice${n === 1 ? "" : "s"}` : "") +
          (amount !== null ? `, ${formatCents(amount)} outstanding` : ""),
      };
    }
    case "charge_added":
      return { what: "A new charge joined the invoice set" };
    case "message":
    case "delivery": {
      if (!m) return { what: event.kind === "message" ? "Message" : "Delivery report" };
      const step = count(d.step);
      const head =
        event.kind === "message"
          ? `${channelWords[m.channel]}${step !== null ? ` (step ${step + 1})` : ""}${m.to ? ` to ${m.to}` : ""}`
          : `Delivery report for the ${channelWords[m.channel].toLowerCase()}${m.to ? ` to ${m.to}` : ""}`;
      const reported = event.kind === "delivery" ? text(d.status) : null;
      return {
        what: `${head}: ${reported ? words(reported) : messageStatusWords[m.status]}`,
        quote: event.kind === "message" ? (m.subject ? `${m.subject} — ${m.body}` : m.body) : undefined,
        note:
          m.status === "failed" || m.status === "unknown"
            ? `${m.status === "failed" ? "Not delivered" : "Unknown"}: ${m.failureMessage ?? codeInWords(m.failureCode ?? "")}`
            : undefined,
        tone: m.status === "failed" ? "danger" : undefined,
      };
    }
    case "reply":
      return { what: "The patient replied", quote: text(d.body) ?? "" };
    case "preference":
      return {
        what:
          d.sms === "opted_in"
            ? "The patient opted in to text messages again"
            : "The patient opted out of text messages",
      };
    case "help":
      return { what: "Answered the patient's HELP", quote: text(d.reply) ?? undefined };
    case "payment": {
      const left = count(d.amountOutstandingCents);
      return {
        what: `Payment recorded${text(d.cause) ? ` (${words(String(d.cause))})` : ""}`,
        note: left !== null ? `${formatCents(left)} outstanding after it` : undefined,
        tone: "success",
      };
    }
    case "status": {
      const why = reasonInWords(text(d.reason), event.actor.startsWith("user:"));
      return {
        what: `Status changed from ${statusLabel(d.from)} to ${statusLabel(d.to)}${why ? `: ${why}` : ""}`,
        tone: d.to === "failed" ? "danger" : d.to === "paid" ? "success" : undefined,
      };
    }
    case "rule_set": {
      const step = count(d.continuesAtStep);
      return {
        what:
          `Rule set changed to ${text(d.name) ?? "another rule set"}` +
          (step !== null ? `, continuing at step ${step + 1}` : ""),
      };
    }
    case "rescheduled":
      return {
        what:
          `Next message rescheduled for the patient's time zone` +
          (text(d.fromZone) && text(d.toZone) ? ` (${text(d.fromZone)} to ${text(d.toZone)})` : ""),
      };
    case "skipped":
      return { what: `A step was skipped${text(d.reason) ? `: ${codeInWords(String(d.reason))}` : ""}` };
    default:
      return { what: words(event.kind) };
  }
};
