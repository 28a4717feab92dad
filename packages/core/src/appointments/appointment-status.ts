import type { TransitionTable } from "../state/state-machine";

export const appointmentStatuses = ["upcoming", "kept", "no_show", "late_cancel", "canceled"] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/**
 * Upcoming → Kept / No Show / Late Cancel / Canceled. A mistaken mark can be corrected between the
 * completed outcomes or back to Upcoming; Canceled can be reopened. Billing code guards against
 * changing an appointment that is already on an invoice.
 */
export const appointmentTransitions: TransitionTable<AppointmentStatus> = {
  upcoming: ["kept", "no_show", "late_cancel", "canceled"],
  kept: ["upcoming", "no_show", "late_cancel"],
  no_show: ["upcoming", "kept", "late_cancel"],
  late_cancel: ["upcoming", "kept", "no_show"],
  canceled: ["upcoming"],
};

export const appointmentStatusLabel: Record<AppointmentStatus, string> = {
  upcoming: "Upcoming",
  kept: "Kept",
  no_show: "No Show",
  late_cancel: "Late Cancel",
  canceled: "Canceled",
};
