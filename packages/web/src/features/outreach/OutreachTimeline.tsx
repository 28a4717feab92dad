import { usePractice } from "../../app/practice-context";
import { ErrorAlert, Loading } from "../../components/feedback";
import { formatInstant } from "../../lib/format";
import { type OutreachSet, useOutreachTimeline } from "./outreach-api";
import { actorInWords, eventInWords } from "./outreach-words";

/**
 * The Invoice Timeline of one set, oldest first: every message (channel, text, delivery status), the patient's
 * replies, payments and status changes, each with who or what did it and when (in the practice's zone).
 */
export const OutreachTimeline = ({ set, patientName }: { set: OutreachSet; patientName: string }) => {
  const { practiceId, display } = usePractice();
  const timeline = useOutreachTimeline(practiceId, set.id);
  const headingId = `timeline-${set.id}`;
  return (
    <section className="outreach-timeline" aria-labelledby={headingId}>
      <h3 id={headingId}>Invoice Timeline of {patientName}</h3>
      <p className="muted">
        {set.invoiceIds.length} invoice{set.invoiceIds.length === 1 ? "" : "s"} in the set · started{" "}
        {set.startedBy === "auto" ? "automatically" : "by hand"} · step{" "}
        {Math.min(set.stepIndex + 1, set.stepCount)} of {set.stepCount} of {set.ruleSet.name}
        {set.willFailReasons.length
          ? ` · the next message will fail: ${set.willFailReasons.map((r) => r.message).join("; ")}`
          : ""}
      </p>
      {timeline.isPending ? (
        <Loading label="Loading the timeline…" />
      ) : timeline.isError ? (
        <ErrorAlert error={timeline.error} />
      ) : timeline.data.events.length === 0 ? (
        <p className="muted">Nothing has happened yet.</p>
      ) : (
        <ol className="timeline" aria-label={`Invoice Timeline of ${patientName}`}>
          {timeline.data.events.map((e) => {
            const said = eventInWords(e);
            return (
              <li key={e.id} className={said.tone ? `timeline-${said.tone}` : undefined}>
                <time className="timeline-when" dateTime={e.at}>
                  {formatInstant(e.at, display)}
                </time>
                <div>
                  <p className="timeline-what">
                    {said.what} <span className="muted">— {actorInWords(e)}</span>
                  </p>
                  {said.quote ? <blockquote className="timeline-quote">{said.quote}</blockquote> : null}
                  {said.note ? <p className="timeline-note">{said.note}</p> : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
};
