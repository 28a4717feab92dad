import { describe, expect, it } from "vitest";
import { assertTransition, canTransition } from "../state/state-machine";
import {
  type AppointmentStatus,
  appointmentStatuses,
  appointmentStatusLabel,
  appointmentTransitions,
} from "./appointment-status";

describe("appointment status transitions", () => {
  it("an upcoming appointment can be marked with every outcome", () => {
    for (const to of ["kept", "no_show", "late_cancel", "canceled"] as const) {
      expect(canTransition(appointmentTransitions, "upcoming", to)).toBe(true);
    }
  });

  it("a canceled appointment can only be reopened, never marked kept directly", () => {
    expect(() => assertTransition("Appointment status", appointmentTransitions, "canceled", "kept")).toThrow(
      expect.objectContaining({ code: "ILLEGAL_TRANSITION" }),
    );
    const out = appointmentStatuses.filter((to) => canTransition(appointmentTransitions, "canceled", to));
    expect(out).toEqual(["upcoming"]);
  });

  it("a completed outcome can be corrected to another outcome or back to upcoming, but not canceled", () => {
    const completed: AppointmentStatus[] = ["kept", "no_show", "late_cancel"];
    for (const from of completed) {
      expect(canTransition(appointmentTransitions, from, "upcoming")).toBe(true);
      expect(canTransition(appointmentTransitions, from, "canceled")).toBe(false);
      for (const to of completed)
        if (to !== from) expect(canTransition(appointmentTransitions, from, to)).toBe(true);
    }
  });

  it("no status moves to itself (a no-op would write a meaningless history row)", () => {
    for (const s of appointmentStatuses) expect(canTransition(appointmentTransitions, s, s)).toBe(false);
  });

  it("the table names only known statuses and every status has a row and a label", () => {
    expect(Object.keys(appointmentTransitions).sort()).toEqual([...appointmentStatuses].sort());
    for (const targets of Object.values(appointmentTransitions)) {
      for (const t of targets) expect(appointmentStatuses).toContain(t);
    }
    for (const s of appointmentStatuses) expect(appointmentStatusLabel[s]).toMatch(/^[A-Z]/);
  });

  it("every status is reachable from upcoming and can get back to it", () => {
    for (const s of appointmentStatuses) {
      if (s === "upcoming") continue;
      expect(canTransition(appointmentTransitions, "upcoming", s)).toBe(true);
      expect(canTransition(appointmentTransitions, s, "upcoming")).toBe(true);
    }
  });
});
