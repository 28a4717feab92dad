import { DomainError } from "../errors/domain-error";
import { assertTemplate } from "./message-template";
import type { OutreachChannel } from "./outreach-message-status";

/** A local time of day, HH:MM (24 h). */
export type TimeOfDay = string;
export type SendWindow = { start: TimeOfDay; end: TimeOfDay };

/** Messages reach a patient only between these local hours unless a step says otherwise. */
export const DEFAULT_SEND_WINDOW: SendWindow = { start: "09:00", end: "20:00" };

export type RuleStep = {
  /** Days after the set started (0: the day it starts). */
  dayOffset: number;
  channel: OutreachChannel;
  template: string;
  /** Email only: the subject line (placeholders allowed). */
  subject?: string | undefined;
  sendWindow: SendWindow;
};

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const minutesOfDay = (t: TimeOfDay): number => {
  const m = HHMM.exec(t);
  if (!m) throw new DomainError("VALIDATION_FAILED", `${t} is not a time of day (HH:MM)`, { value: t });
  return Number(m[1]) * 60 + Number(m[2]);
};

/**
 * INVALID_RULE_SET for no steps, two steps on one day and channel, a day offset outside 0–365, or a send window that
 * ends before it starts (or is shorter than 30 minutes); UNKNOWN_PLACEHOLDER for a template naming anything else.
 * Returns the steps in order of day offset (email before SMS on one day: the order they are sent).
 */
export const assertRuleSteps = (steps: readonly RuleStep[]): RuleStep[] => {
  if (steps.length === 0) throw new DomainError("INVALID_RULE_SET", "A rule set needs at least one step");
  if (steps.length > 50) throw new DomainError("INVALID_RULE_SET", "A rule set has at most 50 steps");
  const seen = new Set<string>();
  steps.forEach((s, i) => {
    if (!Number.isInteger(s.dayOffset) || s.dayOffset < 0 || s.dayOffset > 365) {
      throw new DomainError("INVALID_RULE_SET", "A step's day offset is a whole number of days, 0 to 365", {
        step: i,
      });
    }
    const key = `${s.dayOffset}:${s.channel}`;
    if (seen.has(key)) {
      throw new DomainError("INVALID_RULE_SET", `Two steps send ${s.channel} on day ${s.dayOffset}`, {
        step: i,
        dayOffset: s.dayOffset,
        channel: s.channel,
      });
    }
    seen.add(key);
    assertTemplate(s.template, `steps.${i}.template`);
    if (s.subject !== undefined) assertTemplate(s.subject, `steps.${i}.subject`);
    if (minutesOfDay(s.sendWindow.end) - minutesOfDay(s.sendWindow.start) < 30) {
      throw new DomainError("INVALID_RULE_SET", "A send window ends at least 30 minutes after it starts", {
        step: i,
      });
    }
  });
  return [...steps].sort((a, b) => a.dayOffset - b.dayOffset || a.channel.localeCompare(b.channel));
};

/**
 * Where a set continues after its rule set changes: the first step of the new set after the last step sent
 * (by day offset), so nothing sent is repeated and nothing later is skipped. `lastSentDay` null: from the first.
 * Returns steps.length when the new set has nothing after it (the set is Expired).
 */
export const matchingStepIndex = (steps: readonly RuleStep[], lastSentDay: number | null): number => {
  if (lastSentDay === null) return 0;
  const i = steps.findIndex((s) => s.dayOffset > lastSentDay);
  return i === -1 ? steps.length : i;
};
