import { Button } from "react-aria-components";
import { Link, useSearchParams } from "react-router";
import { clientName, type Directory, providerName } from "../../api/directory";
import type { Appointment } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { ErrorAlert } from "../../components/feedback";
import { AppointmentStatusBadge } from "../../components/status";
import { addDays, formatLocalDate, formatTime, mondayOf, todayIn } from "../../lib/format";
import { useUpdateParams } from "../../lib/url";
import { asksBillingState } from "./BillingState";
import { type SessionBillingState, useBillingStates, useWeekSessions } from "./sessions-api";

/** A past session's billing state on its chip, in a word or two (the session page says why). */
const billingWords = (a: Appointment, state: SessionBillingState | undefined): string | null => {
  if (!asksBillingState(a.status) || !state) return null;
  if (state.billed) return `Billed · ${state.billed.invoiceNumber}`;
  return state.reasons.length ? "Not billed" : "Ready to bill";
};

/** A week of sessions (Monday to Sunday, practice time), each a link to the session. */
export const SessionCalendar = ({
  providerId,
  directory,
}: {
  providerId: string | undefined;
  directory: Directory | undefined;
}) => {
  const { practiceId, timeZone, display } = usePractice();
  const [params] = useSearchParams();
  const today = todayIn(timeZone);
  const weekParam = params.get("week");
  const monday = mondayOf(weekParam && /^\d{4}-\d{2}-\d{2}$/.test(weekParam) ? weekParam : today);
  const sunday = addDays(monday, 6);
  const week = useWeekSessions(practiceId, monday, sunday, providerId);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const byDay = new Map<string, Appointment[]>(days.map((d) => [d, []]));
  for (const a of week.data ?? []) byDay.get(a.dateOfService)?.push(a);
  for (const list of byDay.values()) list.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const pastIds = (week.data ?? [])
    .filter((a) => a.dateOfService <= today && asksBillingState(a.status))
    .map((a) => a.id);
  const billing = useBillingStates(practiceId, pastIds);

  const update = useUpdateParams();
  const goTo = (date: string) => update({ view: "calendar", week: date });

  return (
    <section className="calendar" aria-labelledby="calendar-heading">
      <div className="calendar-toolbar">
        <h2 id="calendar-heading">
          {formatLocalDate(monday, display, "short")} – {formatLocalDate(sunday, display)}
        </h2>
        <div className="button-row">
          <Button className="btn" onPress={() => goTo(addDays(monday, -7))}>
            ← Previous week
          </Button>
          <Button className="btn" onPress={() => goTo(today)} isDisabled={monday === mondayOf(today)}>
            This week
          </Button>
          <Button className="btn" onPress={() => goTo(addDays(monday, 7))}>
            Next week →
          </Button>
        </div>
      </div>
      {week.isError ? <ErrorAlert error={week.error} /> : null}
      <div className="week-grid" aria-busy={week.isFetching || undefined}>
        {days.map((day) => {
          const list = byDay.get(day) ?? [];
          const headingId = `day-${day}`;
          return (
            <section
              key={day}
              className={`day ${day === today ? "day-today" : ""}`}
              aria-labelledby={headingId}
            >
              <h3 id={headingId} className="day-heading">
                {formatLocalDate(day, display, "long").replace(/, \d{4}$/, "")}
                {day === today ? <span className="today-mark"> · today</span> : null}
              </h3>
              {list.length === 0 ? (
                <p className="muted day-empty">{week.isPending ? "…" : "No sessions"}</p>
              ) : (
                <ul className="day-sessions">
                  {list.map((a) => (
                    <li key={a.id}>
                      <Link
                        to={`/p/${practiceId}/sessions/${a.id}`}
                        className={`session-chip status-${a.status}`}
                      >
                        <span className="chip-time">{formatTime(a.startsAt, display)}</span>
                        <span className="chip-client">{clientName(directory, a.clientId)}</span>
                        <span className="chip-meta">
                          <AppointmentStatusBadge status={a.status} />
                          {billingWords(a, billing.data?.get(a.id)) ? (
                            <span
                              className={`chip-billing ${billing.data?.get(a.id)?.billed ? "billed" : "not-billed"}`}
                            >
                              {billingWords(a, billing.data?.get(a.id))}
                            </span>
                          ) : null}
                          <span className="visually-hidden">, {providerName(directory, a.providerId)}</span>
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
};
