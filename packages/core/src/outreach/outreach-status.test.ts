import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/domain-error";
import { assertTransition, canTransition, sourcesOf } from "../state/state-machine";
import {
  actionNotAllowed,
  isOutreachActionAllowed,
  type OutreachAction,
  outreachActionAvailability,
} from "./outreach-actions";
import { outreachMessageTransitions } from "./outreach-message-status";
import { type OutreachSetStatus, outreachSetStatuses, outreachSetTransitions } from "./outreach-set-status";
import { matchingStepIndex, type RuleStep } from "./rule-set";

const ENDINGS: OutreachSetStatus[] = ["paid", "cancelled", "written_off", "collections"];
const WORKING: OutreachSetStatus[] = ["active", "paused", "expired", "failed", "will_fail"];

/** Every move an outreach set makes in the app, with what triggers it (each has an integration test). */
const TRIGGERS: Array<[from: OutreachSetStatus, to: OutreachSetStatus, trigger: string]> = [
  ["active", "will_fail", "the next step is predicted to fail (no phone, STOP, a bounce …)"],
  ["will_fail", "active", "the prediction clears (START, Resume with a fixed address)"],
  ["active", "failed", "SMTP refused the email, or Twilio reports undelivered/failed"],
  ["will_fail", "failed", "a step predicted to fail comes due: recorded failed, never sent"],
  ["failed", "active", "the next step went out"],
  ["failed", "will_fail", "the step after a failure is predicted to fail too"],
  ["active", "expired", "the last step went out and a balance remains"],
  ["expired", "active", "Change Rule Set to one with later steps"],
  ["active", "paused", "Pause"],
  ["paused", "active", "Resume"],
  ["active", "paid", "the amount outstanding reached zero"],
  ["failed", "paid", "a payment through the pay link after a failure"],
  ["paused", "written_off", "Write Off"],
  ["expired", "collections", "Send to Collections"],
  ["will_fail", "cancelled", "Cancel"],
];

describe("outreach set transitions", () => {
  it("allows every move the app makes", () => {
    for (const [from, to, trigger] of TRIGGERS) {
      expect([from, to, trigger, canTransition(outreachSetTransitions, from, to)]).toEqual([
        from,
        to,
        trigger,
        true,
      ]);
    }
  });

  it("the endings are final and every working status can reach each ending", () => {
    for (const end of ENDINGS) {
      expect(outreachSetTransitions[end]).toEqual([]);
      expect(sourcesOf(outreachSetTransitions, end).sort()).toEqual([...WORKING].sort());
    }
    for (const s of outreachSetStatuses) expect(canTransition(outreachSetTransitions, s, s)).toBe(false);
  });

  it("refuses what it does not list with ILLEGAL_TRANSITION naming both states", () => {
    const refused: Array<[OutreachSetStatus, OutreachSetStatus]> = [
      ["paid", "active"],
      ["collections", "active"],
      ["paused", "failed"],
      ["paused", "will_fail"],
      ["paused", "expired"],
      ["expired", "failed"],
      ["expired", "paused"],
      ["cancelled", "paid"],
    ];
    for (const [from, to] of refused) {
      let caught: unknown;
      try {
        assertTransition("Outreach set", outreachSetTransitions, from, to);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(DomainError);
      expect((caught as DomainError).code).toBe("ILLEGAL_TRANSITION");
      expect((caught as DomainError).details).toMatchObject({ from, to });
    }
  });

  it("every action a status allows is a move the table allows (so an allowed action never half-fails)", () => {
    const target: Partial<Record<OutreachAction, OutreachSetStatus>> = {
      write_off: "written_off",
      send_to_collections: "collections",
      pause: "paused",
      resume: "active",
      cancel: "cancelled",
    };
    for (const [action, statuses] of Object.entries(outreachActionAvailability) as Array<
      [OutreachAction, readonly OutreachSetStatus[]]
    >) {
      const to = target[action];
      for (const status of outreachSetStatuses) {
        expect([action, status, isOutreachActionAllowed(action, status)]).toEqual([
          action,
          status,
          statuses.includes(status),
        ]);
        if (to && statuses.includes(status))
          expect([action, status, canTransition(outreachSetTransitions, status, to)]).toEqual([
            action,
            status,
            true,
          ]);
      }
    }
    expect(actionNotAllowed("resume", "active")).toMatchObject({
      code: "ACTION_NOT_ALLOWED",
      details: { action: "resume", status: "active", allowedFor: ["paused"] },
    });
  });
});

describe("outreach message transitions", () => {
  it("a message is never sent again: nothing goes back to sending, and failed is final", () => {
    expect(sourcesOf(outreachMessageTransitions, "sending")).toEqual([]);
    expect(outreachMessageTransitions.failed).toEqual([]);
    // A sender that died leaves unknown; a late delivery report still settles it.
    expect(canTransition(outreachMessageTransitions, "sending", "unknown")).toBe(true);
    expect(canTransition(outreachMessageTransitions, "unknown", "delivered")).toBe(true);
    expect(canTransition(outreachMessageTransitions, "unknown", "sending")).toBe(false);
    // A carrier can report undelivered after delivered; never the reverse.
    expect(canTransition(outreachMessageTransitions, "delivered", "failed")).toBe(true);
    expect(canTransition(outreachMessageTransitions, "failed", "delivered")).toBe(false);
  });
});

describe("matchingStepIndex (Change Rule Set)", () => {
  const step = (dayOffset: number, channel: "sms" | "email" = "sms"): RuleStep => ({
    dayOffset,
    channel,
    template: "x",
    sendWindow: { start: "09:00", end: "20:00" },
  });
  const steps = [step(0), step(2, "email"), step(5), step(10, "email"), step(10)];
  it("continues after the last day sent, not from the start", () => {
    expect(matchingStepIndex(steps, null)).toBe(0);
    expect(matchingStepIndex(steps, 0)).toBe(1);
    expect(matchingStepIndex(steps, 3)).toBe(2);
    expect(matchingStepIndex(steps, 5)).toBe(3);
    expect(matchingStepIndex(steps, 10)).toBe(steps.length);
  });
});
