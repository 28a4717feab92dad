import { describe, expect, it } from "vitest";
import { DEPENDENCY_RETRY_MS, decideRunDependency, type PrerequisiteState } from "./decide-run-dependency";

const now = new Date("2026-03-10T04:00:00Z");
const scheduledAt = new Date("2026-03-10T03:30:00Z");
const creation = (over: Partial<PrerequisiteState> = {}): PrerequisiteState => ({
  automation: "invoice_creation",
  enabled: true,
  checkedThrough: now,
  unfinished: [],
  ...over,
});
const processing = (cadence: "same_night" | "staggered", prerequisite: PrerequisiteState | null) =>
  decideRunDependency({
    automation: "invoice_processing",
    cadence,
    localDate: "2026-03-09",
    scheduledAt,
    now,
    prerequisite,
  });

describe("decideRunDependency", () => {
  it("runs a step with no prerequisite, or whose prerequisite automation is off", () => {
    expect(processing("same_night", null)).toEqual({ action: "run" });
    expect(
      processing(
        "same_night",
        creation({ enabled: false, unfinished: [{ localDate: "2026-03-09", status: "running" }] }),
      ),
    ).toEqual({ action: "run" });
  });

  it("same night: waits while that night's creation run is queued or still leased to a (dead) worker", () => {
    for (const status of ["queued", "running"] as const) {
      expect(
        processing("same_night", creation({ unfinished: [{ localDate: "2026-03-09", status }] })),
      ).toEqual({
        action: "wait",
        retryAt: new Date(now.getTime() + DEPENDENCY_RETRY_MS),
        waitingFor: "invoice_creation",
        localDate: "2026-03-09",
      });
    }
  });

  it("same night: an earlier late creation run blocks too, a later night's does not", () => {
    const earlier = processing(
      "same_night",
      creation({ unfinished: [{ localDate: "2026-03-08", status: "queued" }] }),
    );
    expect(earlier).toMatchObject({ action: "wait", localDate: "2026-03-08" });
    const later = processing(
      "same_night",
      creation({ unfinished: [{ localDate: "2026-03-10", status: "queued" }] }),
    );
    expect(later).toEqual({ action: "run" });
  });

  it("staggered: only creation runs of earlier days block, since processing takes invoices from before its day", () => {
    const sameDay = processing(
      "staggered",
      creation({ unfinished: [{ localDate: "2026-03-09", status: "running" }] }),
    );
    expect(sameDay).toEqual({ action: "run" });
    const dayBefore = processing(
      "staggered",
      creation({ unfinished: [{ localDate: "2026-03-08", status: "running" }] }),
    );
    expect(dayBefore).toMatchObject({
      action: "wait",
      waitingFor: "invoice_creation",
      localDate: "2026-03-08",
    });
  });

  it("waits for the oldest blocking run", () => {
    const d = processing(
      "same_night",
      creation({
        unfinished: [
          { localDate: "2026-03-09", status: "queued" },
          { localDate: "2026-03-07", status: "running" },
        ],
      }),
    );
    expect(d).toMatchObject({ action: "wait", localDate: "2026-03-07" });
  });

  it("waits while the prerequisite's clock has not yet looked at this run's time (its run may not exist yet)", () => {
    const behind = processing(
      "same_night",
      creation({ checkedThrough: new Date(scheduledAt.getTime() - 1) }),
    );
    expect(behind).toMatchObject({ action: "wait", waitingFor: "invoice_creation", localDate: null });
    expect(processing("same_night", creation({ checkedThrough: null }))).toEqual({ action: "run" });
    expect(processing("same_night", creation({ checkedThrough: scheduledAt }))).toEqual({ action: "run" });
  });

  it("autopay waits for the creation runs scheduled at or before its own time, whatever the cadence", () => {
    // Autopay at 00:30 on 03-10; creation at 00:00 the same night is still running: wait for it.
    const autopayAt = new Date("2026-03-10T05:30:00Z");
    const autopay = (cadence: "same_night" | "staggered", unfinished: PrerequisiteState["unfinished"]) =>
      decideRunDependency({
        automation: "autopay",
        cadence,
        localDate: "2026-03-10",
        scheduledAt: autopayAt,
        now: autopayAt,
        prerequisite: creation({ checkedThrough: autopayAt, unfinished }),
      });
    const midnight = {
      localDate: "2026-03-10",
      status: "running" as const,
      scheduledAt: new Date("2026-03-10T05:00:00Z"),
    };
    for (const cadence of ["staggered", "same_night"] as const) {
      expect(autopay(cadence, [midnight])).toMatchObject({ action: "wait", waitingFor: "invoice_creation" });
      // Creation at 23:00 the same local date runs after autopay: autopay does not wait 22 hours for it.
      const lateEvening = { ...midnight, scheduledAt: new Date("2026-03-11T04:00:00Z") };
      expect(autopay(cadence, [lateEvening])).toEqual({ action: "run" });
    }
    // Creation's clock has not looked at 00:30 yet: it may still schedule tonight's run.
    expect(
      decideRunDependency({
        automation: "autopay",
        cadence: "staggered",
        localDate: "2026-03-10",
        scheduledAt: autopayAt,
        now: autopayAt,
        prerequisite: creation({ checkedThrough: new Date("2026-03-10T05:20:00Z") }),
      }),
    ).toMatchObject({ action: "wait" });
  });
});
