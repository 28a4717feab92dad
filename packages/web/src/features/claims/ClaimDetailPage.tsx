import { type ClaimStage, type ClaimStatus, claimStageLabel } from "@billcycle/core";
import { Button } from "react-aria-components";
import { Link, useParams } from "react-router";
import { clientName, payerName, useDirectory } from "../../api/directory";
import type { ClaimStatusChange } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { ErrorAlert, Loading } from "../../components/feedback";
import { PageHeader, Section } from "../../components/page";
import { ClaimStatusBadge } from "../../components/status";
import { formatCents, formatInstant, formatLocalDate } from "../../lib/format";
import { useClaim, useRescrub } from "./claims-api";
import { ScrubFixes } from "./ScrubFixes";

const frequency: Record<string, string> = { "1": "Original", "7": "Replacement", "8": "Void" };

const isInstant = (v: string) => /^\d{4}-\d{2}-\d{2}T/.test(v);

const show = (key: string, value: unknown, timeZone: string): string => {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "number" && key.endsWith("Cents")) return formatCents(value);
  if (typeof value === "string" && isInstant(value)) return formatInstant(value, timeZone);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== "object")) return value.join(", ");
  if (Array.isArray(value)) {
    // Lists of coded messages (scrubber edits, acknowledgment details): "CODE (severity): message".
    return value
      .map((v) => {
        if (!v || typeof v !== "object") return String(v);
        const o = v as Record<string, unknown>;
        const text = o.message ?? o.text ?? o.detail;
        const tag = [o.code, o.severity].filter((x) => typeof x === "string").join(", ");
        return typeof text === "string" ? `${tag ? `${tag}: ` : ""}${text}` : JSON.stringify(v);
      })
      .join("; ");
  }
  return JSON.stringify(value);
};

const label = (key: string) =>
  key
    .replace(/Cents$/, "")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .replace(/^./, (c) => c.toUpperCase());

const hidden = new Set(["id", "practiceId", "claimId"]);

/** A section the claims pipeline fills in (scrubber messages, files, acknowledgments, postings), as returned. */
const RecordSection = ({
  title,
  records,
}: {
  title: string;
  // Any section of the claim: each record is shown field by field.
  records: ReadonlyArray<Record<string, unknown>> | undefined;
}) => {
  const { timeZone } = usePractice();
  return (
    <Section title={title}>
      {!records || records.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="records">
          {records.map((r, i) => (
            <li key={typeof r.id === "string" ? r.id : i} className="record">
              <dl className="facts compact">
                {Object.entries(r)
                  .filter(([k]) => !hidden.has(k))
                  .map(([k, v]) => (
                    <div key={k} className="fact">
                      <dt>{label(k)}</dt>
                      <dd>{show(k, v, timeZone)}</dd>
                    </div>
                  ))}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
};

const causeWords = (cause: unknown): string => {
  if (!cause || typeof cause !== "object") return typeof cause === "string" ? cause : "";
  const c = cause as Record<string, unknown>;
  const name = typeof c.name === "string" ? c.name : typeof c.detail === "string" ? c.detail : "";
  return [typeof c.kind === "string" ? c.kind : "", name].filter(Boolean).join(": ");
};

const ClaimHistory = ({ history }: { history: ClaimStatusChange[] }) => {
  const { timeZone } = usePractice();
  const l = (s: ClaimStage) => claimStageLabel[s];
  if (history.length === 0) return <p className="muted">None.</p>;
  return (
    <ol className="timeline">
      {history.map((h) => (
        <li key={h.id}>
          <span className="timeline-when">{formatInstant(h.at, timeZone)}</span>
          <span>
            {h.fromStage ? `${l(h.fromStage)} → ` : "Created as "}
            <strong>{l(h.toStage)}</strong> <span className="muted">by {h.actor}</span>
            {causeWords(h.cause) ? ` — ${causeWords(h.cause)}` : ""}
          </span>
        </li>
      ))}
    </ol>
  );
};

/** Re-scrub after a fix (provider, payer or client data): the new result shows; a pass sends the claim back to Awaiting Submission. */
const Rescrub = ({ claimId, status }: { claimId: string; status: ClaimStatus }) => {
  const { practiceId, can } = usePractice();
  const rescrub = useRescrub(practiceId, claimId);
  if (!can("billing:write") || (status !== "scrubber_rejected" && !rescrub.data)) return null;
  const r = rescrub.data;
  return (
    <div className="rescrub">
      {status === "scrubber_rejected" ? (
        <div className="toolbar">
          <Button className="btn btn-primary" onPress={() => rescrub.mutate()} isPending={rescrub.isPending}>
            Re-scrub
          </Button>
          <span className="muted">Fixed the data the scrubber named? Scrub the claim again.</span>
        </div>
      ) : null}
      {rescrub.isError ? <ErrorAlert error={rescrub.error} /> : null}
      {r ? (
        <div role="status" className={`alert ${r.blocked ? "alert-error" : "alert-success"}`}>
          <p>
            {r.blocked
              ? `Still rejected by the scrubber: ${r.edits.filter((e) => e.severity === "blocking").length} blocking.`
              : "The claim passes the scrubber now and is back in Awaiting Submission."}
          </p>
          {r.edits.length ? (
            <ul className="plain-list compact">
              {r.edits.map((e) => (
                <li key={`${e.code}-${e.path ?? ""}`}>
                  {e.code} ({e.severity}): {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
};

/** One claim: lines and history; scrubber messages, files, acknowledgments and postings as the pipeline adds them. */
export const ClaimDetailPage = () => {
  const { claimId = "" } = useParams();
  const { practiceId, timeZone } = usePractice();
  const directory = useDirectory(practiceId);
  const claim = useClaim(practiceId, claimId);
  if (claim.isPending) return <Loading />;
  if (claim.isError) return <ErrorAlert error={claim.error} />;
  const c = claim.data;
  const d = directory.data;
  return (
    <>
      <PageHeader
        title={`Claim ${c.patientControlNumber}`}
        crumbs={[{ label: "Claims", href: `/p/${practiceId}/claims` }, { label: c.patientControlNumber }]}
      />
      <ScrubFixes claim={c} />
      <Rescrub claimId={c.id} status={c.status} />
      <div className="detail-grid">
        <Section title="Summary">
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <ClaimStatusBadge status={c.stage} />
            </dd>
            <dt>Client</dt>
            <dd>{clientName(d, c.clientId)}</dd>
            <dt>Payer</dt>
            <dd>
              {payerName(d, c.payerId)} ({c.payerRank})
            </dd>
            <dt>Invoice</dt>
            <dd>
              <Link to={`/p/${practiceId}/invoices/${c.invoiceId}`}>Open the invoice</Link>
            </dd>
            <dt>Kind</dt>
            <dd>{frequency[c.frequencyCode] ?? c.frequencyCode}</dd>
            <dt>Diagnoses</dt>
            <dd>{c.diagnosisCodes.join(", ") || "—"}</dd>
            <dt>Submitted</dt>
            <dd>{c.submittedAt ? formatInstant(c.submittedAt, timeZone) : "Not yet"}</dd>
            <dt>Payer claim number</dt>
            <dd>{c.payerClaimNumber ?? "—"}</dd>
          </dl>
        </Section>
        <Section title="Amounts">
          <dl className="facts">
            <dt>Charge</dt>
            <dd>{formatCents(c.totalCents)}</dd>
            <dt>Paid by the payer</dt>
            <dd>{formatCents(c.paidCents)}</dd>
            <dt>Patient responsibility</dt>
            <dd>{formatCents(c.patientResponsibilityCents)}</dd>
          </dl>
        </Section>
      </div>
      <Section title="Lines">
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Claim lines</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Date of service</th>
                <th scope="col">Code</th>
                <th scope="col">Diagnosis pointers</th>
                <th scope="col" className="num">
                  Units
                </th>
                <th scope="col" className="num">
                  Charge
                </th>
                <th scope="col">Line control number</th>
              </tr>
            </thead>
            <tbody>
              {c.lines.map((l) => (
                <tr key={l.id}>
                  <td>{l.lineNumber}</td>
                  <td>{formatLocalDate(l.dateOfService)}</td>
                  <td>
                    {l.code}
                    {l.modifiers.length ? ` (${l.modifiers.join(", ")})` : ""}
                  </td>
                  <td>{l.diagnosisPointers.join(", ") || "—"}</td>
                  <td className="num">{l.units}</td>
                  <td className="num">{formatCents(l.chargeCents)}</td>
                  <td className="mono">{l.controlNumber}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      <div className="detail-grid">
        <RecordSection title="Scrubber messages" records={c.scrubs} />
        <RecordSection title="Files (837P)" records={c.files} />
        <RecordSection title="Acknowledgments" records={c.acknowledgments} />
        <RecordSection title="Postings" records={c.postings} />
      </div>
      <Section title="History">
        <ClaimHistory history={c.history} />
      </Section>
    </>
  );
};
