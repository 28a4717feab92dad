import { type ClaimStage, type ClaimStatus, claimStageLabel } from "@billcycle/core";
import type { ReactNode } from "react";
import { Button } from "react-aria-components";
import { Link, useParams } from "react-router";
import { clientName, payerName, useDirectory } from "../../api/directory";
import type { ClaimStatusChange } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { ErrorAlert, Loading } from "../../components/feedback";
import { PageHeader, Section } from "../../components/page";
import { ClaimStatusBadge } from "../../components/status";
import { formatCents, formatInstant, formatLocalDate, words } from "../../lib/format";
import { postingKindLabel } from "../remittances/labels";
import { useClaim, useRescrub } from "./claims-api";
import { ScrubFixes } from "./ScrubFixes";

const frequency: Record<string, string> = { "1": "Original", "7": "Replacement", "8": "Void" };

type ClaimRecord = ReturnType<typeof useClaim>["data"] & {};

/** A small table of what the pipeline added to the claim, or "None." when it added nothing yet. */
const Records = <R,>({
  title,
  rows,
  head,
  row,
}: {
  title: string;
  rows: readonly R[];
  head: string[];
  row: (r: R) => ReactNode[];
}) => (
  <Section title={title}>
    {rows.length === 0 ? (
      <p className="muted">None.</p>
    ) : (
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h} scope="col" className={h === "Amount" ? "num" : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              // Rows are in the order the pipeline wrote them and never reorder: the index is a stable key.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <tr key={i}>
                {row(r).map((cell, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells of a fixed column list
                  <td key={j} className={head[j] === "Amount" ? "num" : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </Section>
);

const ackOutcome: Record<ClaimRecord["acknowledgments"][number]["outcome"], string> = {
  accepted: "Accepted",
  rejected: "Rejected",
  partially_accepted: "Partly accepted",
  pending: "Pending",
  other: "Other",
};

/** Scrubber messages, 837P files, acknowledgments and postings, each as a table in a biller's words. */
const PipelineRecords = ({ claim: c }: { claim: ClaimRecord }) => {
  const { display } = usePractice();
  const when = (iso: string | null) => formatInstant(iso, display);
  type ScrubLine = { at: string; code: string; severity: "blocking" | "warning" | "passed"; message: string };
  const scrubEdits = c.scrubs.flatMap((s): ScrubLine[] =>
    s.edits.length
      ? s.edits.map((e) => ({ at: s.at, code: e.code, severity: e.severity, message: e.message }))
      : [{ at: s.at, code: "", severity: "passed", message: "No findings: the claim passed." }],
  );
  return (
    <div className="detail-grid">
      <Records
        title="Scrubber messages"
        rows={scrubEdits}
        head={["When", "Result", "Message", "Code"]}
        row={(e) => [
          when(e.at),
          e.severity === "blocking" ? "Blocks sending" : e.severity === "warning" ? "Warning" : "Passed",
          e.message,
          <span key="code" className="mono">
            {e.code || "—"}
          </span>,
        ]}
      />
      <Records
        title="Files (837P)"
        rows={c.files}
        head={["File", "Status", "Sent", "Transaction"]}
        row={(f) => [
          <span key="file" className="mono">
            {f.name}
          </span>,
          words(f.status),
          f.sentAt ? when(f.sentAt) : "Not yet",
          <span key="tcn" className="mono">
            {f.transactionControlNumber}
          </span>,
        ]}
      />
      <Records
        title="Acknowledgments"
        rows={c.acknowledgments}
        head={["When", "Report", "Outcome", "What it said"]}
        row={(a) => [
          when(a.at),
          a.kind === "999" ? "999 (file received)" : "277CA (claim received)",
          ackOutcome[a.outcome],
          a.details.length
            ? a.details.map((d) => `${d.text}${d.detail ? ` (${d.detail})` : ""} [${d.code}]`).join("; ")
            : "—",
        ]}
      />
      <Records
        title="Postings"
        rows={c.postings}
        head={["When", "Kind", "Reason", "Amount"]}
        row={(p) => [
          when(p.createdAt),
          postingKindLabel[p.kind],
          p.groupCode || p.reasonCode ? `${p.groupCode ?? ""}-${p.reasonCode ?? ""}` : "—",
          formatCents(p.amountCents),
        ]}
      />
    </div>
  );
};

const ClaimHistory = ({ history }: { history: ClaimStatusChange[] }) => {
  const { display } = usePractice();
  const l = (s: ClaimStage) => claimStageLabel[s];
  if (history.length === 0) return <p className="muted">None.</p>;
  return (
    <ol className="timeline">
      {history.map((h) => (
        <li key={h.id}>
          <span className="timeline-when">{formatInstant(h.at, display)}</span>
          <span>
            {h.fromStage ? `${l(h.fromStage)} → ` : "Created as "}
            <strong>{l(h.toStage)}</strong> <span className="muted">by {h.actorName}</span>
            {h.causeText ? ` — ${h.causeText}` : ""}
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
  const { practiceId, display } = usePractice();
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
            <dd>{c.submittedAt ? formatInstant(c.submittedAt, display) : "Not yet"}</dd>
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
                  <td>{formatLocalDate(l.dateOfService, display)}</td>
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
      <PipelineRecords claim={c} />
      <Section title="History">
        <ClaimHistory history={c.history} />
      </Section>
    </>
  );
};
