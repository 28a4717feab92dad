import { Link, useParams } from "react-router";
import { clientName, locationName, providerName, useDirectory } from "../../api/directory";
import type { Appointment, BillingExplanation } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { ErrorAlert, Loading } from "../../components/feedback";
import { PageHeader, Section } from "../../components/page";
import { AppointmentStatusBadge } from "../../components/status";
import { formatInstant, formatLocalDate, formatTime, type PracticeDisplay, words } from "../../lib/format";
import { FixForReason } from "./billing-fixes/FixForReason";
import { FixHint } from "./billing-fixes/FixHint";
import { InvoiceNowFix } from "./billing-fixes/InvoiceNowFix";
import { SignNoteFix } from "./billing-fixes/SignNoteFix";
import { StatusActions } from "./StatusActions";
import { useBillingExplanation, useProgressNote, useSession } from "./sessions-api";

const automationTitle: Record<string, string> = {
  invoice_creation: "Invoice Creation",
  invoice_processing: "Invoice Processing",
  claims_submission: "Claims Submission",
  era_processing: "ERA Processing",
};

const BillingSection = ({
  appointment,
  explanation,
}: {
  appointment: Appointment;
  explanation: BillingExplanation;
}) => {
  const { practiceId, can, display } = usePractice();
  const directory = useDirectory(practiceId);
  const note = useProgressNote(practiceId, appointment.id);
  const e = explanation;
  return (
    <Section title="Billing" id="billing-heading">
      {e.billed ? (
        <p className="billing-headline billed">
          Billed on invoice{" "}
          <Link to={`/p/${practiceId}/invoices/${e.billed.invoiceId}`}>{e.billed.invoiceNumber}</Link>.
        </p>
      ) : e.reasons.length ? (
        <>
          <p className="billing-headline not-billed">Not billed. Why:</p>
          <ul className="reasons" aria-label="Why this session was not billed">
            {e.reasons.map((r) => (
              <li key={r.code} className="reason">
                <div>
                  <p className="reason-message">{r.message.charAt(0).toUpperCase() + r.message.slice(1)}.</p>
                  {r.fix ? <FixHint fix={r.fix} /> : null}
                </div>
                <FixForReason
                  code={r.code}
                  appointment={appointment}
                  note={note.data ?? null}
                  directory={directory.data}
                />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="billing-headline ready">Not billed yet, and nothing stands in the way.</p>
      )}
      <p className="tonight">
        <strong>Next:</strong> {e.tonight}
      </p>
      {e.canInvoiceNow && can("billing:write") ? <InvoiceNowFix appointmentId={appointment.id} /> : null}
      {e.history.length ? (
        <>
          <h3>What the automations did</h3>
          <ol className="timeline">
            {e.history.map((h) => (
              <li key={`${h.at}-${h.automation}-${h.message}`}>
                <span className="timeline-when">{formatInstant(h.at, display)}</span>
                <span>
                  {automationTitle[h.automation] ?? words(h.automation)} ({words(h.trigger)}): {h.outcome} —{" "}
                  {h.message}
                </span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </Section>
  );
};

/** "Signed by Dr. X, <date in the practice zone>", from the signature record (who signed, not who it is for). */
const signedLine = (
  note: { signedAt: string | null; signedByName: string | null },
  display: PracticeDisplay,
): string =>
  [
    `Signed${note.signedByName ? ` by ${note.signedByName}` : ""}`,
    note.signedAt ? formatInstant(note.signedAt, display) : null,
  ]
    .filter(Boolean)
    .join(", ");

/** One session: details, status changes, its progress note, and whether it was billed and why not. */
export const SessionDetailPage = () => {
  const { appointmentId = "" } = useParams();
  const { practiceId, can, display } = usePractice();
  const directory = useDirectory(practiceId);
  const session = useSession(practiceId, appointmentId);
  const changedAt = session.data?.statusChangedAt ? Date.parse(session.data.statusChangedAt) : 0;
  const explanation = useBillingExplanation(practiceId, appointmentId, session.isSuccess, changedAt);
  const note = useProgressNote(practiceId, appointmentId);

  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorAlert error={session.error} />;
  const a = session.data;
  const d = directory.data;
  const name = clientName(d, a.clientId);
  const label = `${name} on ${formatLocalDate(a.dateOfService, display)}`;

  return (
    <>
      <PageHeader
        title={`Session with ${name}`}
        crumbs={[
          { label: "Sessions", href: `/p/${practiceId}/sessions` },
          { label: formatLocalDate(a.dateOfService, display) },
        ]}
      />
      <div className="detail-grid">
        <Section title="Session" id="session-heading">
          <dl className="facts">
            <dt>Date</dt>
            <dd>{formatLocalDate(a.dateOfService, display)}</dd>
            <dt>Time</dt>
            <dd>
              {formatTime(a.startsAt, display)} – {formatTime(a.endsAt, display)}
            </dd>
            <dt>Client</dt>
            <dd>
              {name}
              {" · "}
              <Link to={`/p/${practiceId}/clients/${a.clientId}/billing`}>Billing</Link>
            </dd>
            <dt>Provider</dt>
            <dd>{providerName(d, a.providerId)}</dd>
            <dt>Location</dt>
            <dd>{locationName(d, a.locationId)}</dd>
            <dt>Status</dt>
            <dd>
              <AppointmentStatusBadge status={a.status} />
            </dd>
            <dt>Services</dt>
            <dd>
              {a.services.length === 0
                ? "None"
                : a.services.map((s) => {
                    const svc = d?.services.get(s.serviceId);
                    return (
                      <span key={s.serviceId} className="service-line">
                        {svc ? `${svc.code} ${svc.description}` : s.serviceId}
                        {s.units > 1 ? ` × ${s.units}` : ""}
                      </span>
                    );
                  })}
            </dd>
            <dt>Progress note</dt>
            <dd className="note-line">
              {note.isPending
                ? "…"
                : !note.data
                  ? "None"
                  : note.data.signed
                    ? signedLine(note.data, display)
                    : "Written, not signed"}
              {note.isSuccess && !note.data?.signed && can("clinical:write") ? (
                <SignNoteFix
                  appointment={a}
                  note={note.data}
                  directory={d}
                  label={note.data ? "Sign note" : "Write and sign note"}
                />
              ) : null}
            </dd>
          </dl>
          <StatusActions id={a.id} status={a.status} label={label} variant="buttons" />
        </Section>
        {explanation.isPending ? (
          <Loading label="Checking billing…" />
        ) : explanation.isError ? (
          <ErrorAlert error={explanation.error} />
        ) : (
          <BillingSection appointment={a} explanation={explanation.data} />
        )}
      </div>
    </>
  );
};
