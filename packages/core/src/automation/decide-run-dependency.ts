import type { LocalDate } from "../time/local-date";
import type { AutomationKind, Cadence } from "./automations";

/** Which automation's work each step takes up: processing takes created invoices, submission takes claims. */
export const prerequisiteOf: Record<AutomationKind, AutomationKind | null> = {
  invoice_creation: null,
  invoice_processing: "invoice_creation",
  claims_submission: "invoice_processing",
  era_processing: null,
  autopay: "invoice_creation",
  superbills: null,
};

/**
 * Steps that take what their prerequisite made earlier the same night by the clock (autopay at 00:30 charges the
 * bills of 00:00): they wait for prerequisite runs scheduled at or before their own time, whatever the cadence.
 */
const followsByClock: ReadonlySet<AutomationKind> = new Set(["autopay"]);

export type PrerequisiteState = {
  automation: AutomationKind;
  enabled: boolean;
  /** Up to when its clock has scheduled occurrences (null: it has no clock row, so none will be scheduled). */
  checkedThrough: Date | null;
  /** Its scheduled runs not yet done, skipped or failed, with their local dates. */
  unfinished: ReadonlyArray<{ localDate: LocalDate; status: "queued" | "running"; scheduledAt?: Date }>;
};

export type RunDependencyDecision =
  | { action: "run" }
  | { action: "wait"; retryAt: Date; waitingFor: AutomationKind; localDate: LocalDate | null };

/** How long a run waiting for its prerequisite sleeps before it looks again (its job is re-queued, not failed). */
export const DEPENDENCY_RETRY_MS = 15_000;

/**
 * Whether a run may start now or must wait for the runs whose output it takes. Same-night, Invoice Processing on
 * day D takes the invoices dated up to D, so it waits for every creation run up to D (the one of that night, and
 * any late one); staggered, it takes invoices from before D, so it waits only for creation runs before D (the
 * previous night's, normally long finished). Submission waits for processing the same way. A failed
 * prerequisite does not block (a person sees the failure; the step takes what exists). A prerequisite whose
 * clock has not yet looked at this run's time may still be scheduled for it: wait until it has.
 */
export const decideRunDependency = (input: {
  automation: AutomationKind;
  cadence: Cadence;
  localDate: LocalDate;
  scheduledAt: Date;
  now: Date;
  prerequisite: PrerequisiteState | null;
}): RunDependencyDecision => {
  const p = input.prerequisite;
  if (!p?.enabled) return { action: "run" };
  const retryAt = new Date(input.now.getTime() + DEPENDENCY_RETRY_MS);
  const covers = (r: PrerequisiteState["unfinished"][number]) =>
    followsByClock.has(input.automation)
      ? (r.scheduledAt?.getTime() ?? 0) <= input.scheduledAt.getTime()
      : input.cadence === "same_night"
        ? r.localDate <= input.localDate
        : r.localDate < input.localDate;
  const blocking = p.unfinished.filter(covers).sort((a, b) => (a.localDate < b.localDate ? -1 : 1));
  if (blocking[0])
    return { action: "wait", retryAt, waitingFor: p.automation, localDate: blocking[0].localDate };
  // No clock row: the clock never schedules it, so there is nothing to wait for.
  if (p.checkedThrough !== null && p.checkedThrough.getTime() < input.scheduledAt.getTime())
    return { action: "wait", retryAt, waitingFor: p.automation, localDate: null };
  return { action: "run" };
};
