import { DateTime } from "luxon";
import { minutesOfDay, type SendWindow } from "./rule-set";

/**
 * When a step may go out, in the patient's own zone: the step's day (the set's start date there plus the offset)
 * at the window's start, or `now` if later; a time outside the window moves to the next window start. Wall-clock
 * arithmetic in the zone, so a DST change keeps 09:00 at 09:00.
 */
export const decideSendTime = (input: {
  startedAt: Date;
  dayOffset: number;
  zone: string;
  window: SendWindow;
  now: Date;
}): Date => {
  const { zone, window } = input;
  const startMin = minutesOfDay(window.start);
  const day = DateTime.fromJSDate(input.startedAt, { zone }).startOf("day").plus({ days: input.dayOffset });
  const stepStart = atMinutes(day, startMin);
  const now = DateTime.fromJSDate(input.now, { zone });
  // biome-ignore lint/complexity/useMathMinMax: Luxon DateTimes, not numbers: the later of the two, zone kept
  return nextInWindow(stepStart > now ? stepStart : now, window).toJSDate();
};

/** `at` if inside the window, else the window's next start (today's if before it, tomorrow's if after). */
export const nextInWindow = (at: DateTime, window: SendWindow): DateTime => {
  const startMin = minutesOfDay(window.start);
  const endMin = minutesOfDay(window.end);
  const minute = at.hour * 60 + at.minute;
  if (minute < startMin) return atMinutes(at.startOf("day"), startMin);
  if (minute >= endMin) return atMinutes(at.startOf("day").plus({ days: 1 }), startMin);
  return at;
};

/** Whether `at` is inside the window in `zone` (the sender checks again before sending). */
export const isInSendWindow = (at: Date, zone: string, window: SendWindow): boolean => {
  const local = DateTime.fromJSDate(at, { zone });
  const minute = local.hour * 60 + local.minute;
  return minute >= minutesOfDay(window.start) && minute < minutesOfDay(window.end);
};

const atMinutes = (day: DateTime, minutes: number): DateTime =>
  day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
