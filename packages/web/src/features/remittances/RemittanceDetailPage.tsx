import { claimStatusCodes } from "@billcycle/core";
import { Link, useParams } from "react-router";
import type { Claim } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { ErrorAlert, Loading } from "../../components/feedback";
import { PageHeader, Section } from "../../components/page";
import { Badge, ClaimStatusBadge } from "../../components/status";
import { formatCents, formatInstant, formatLocalDate } from "../../lib/format";
import { useClaim } from "../claims/claims-api";
import { postingKindLabel, RemittanceStatusBadge } from "./labels";
import { BalanceCheck } from "./RemittancesPage";
import type { RemittanceClaim } from "./remittances-api";
import { useRemittance } from "./remittances-api";

const postingStatusLabel = { posted: "Posted", queued: "In the work queue", dismissed: "Dismissed" } as const;
const postingStatusTone = { posted: "success", queued: "warning", dismissed: "muted" } as const;

/** "Line 1 · 90837" for a posting on a claim line (read from the matched claim), "Claim" for claim-level ones. */
const lineOf = (claim: Claim | undefined, lineId: string | null) => {
  if (!lineId) return "Claim";
  const line = claim?.lines.find((l) => l.id === lineId);
  return line ? `Line ${line.lineNumber} · ${line.code}` : "Line";
};

/** One CLP: its amounts, the claim it matched (with that claim's status now), and its postings. */
const RemittanceClaimCard = ({ rc }: { rc: RemittanceClaim }) => {
  const { practiceId } = usePractice();
  // The matched claim: its current status, and its lines to name the postings' lines.
  const claim = useClaim(practiceId, rc.claimId ?? "", { enabled: !!rc.claimId });
  const headingId = `rc-${rc.id}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-header">
        <h3 id={headingId}>Claim {rc.patientControlNumber}</h3>
        <Badge tone={postingStatusTone[rc.postingStatus]}>{postingStatusLabel[rc.postingStatus]}</Badge>
      </div>
      <dl className="facts compact">
        <div className="fact">
          <dt>Patient control number</dt>
          <dd className="mono">{rc.patientControlNumber}</dd>
        </div>
        <div className="fact">
          <dt>Status code</dt>
          <dd>
            {rc.statusCode}
            {claimStatusCodes[rc.statusCode] ? ` — ${claimStatusCodes[rc.statusCode]}` : ""}
          </dd>
        </div>
        <div className="fact">
          <dt>Charge</dt>
          <dd>{formatCents(rc.chargeCents)}</dd>
        </div>
        <div className="fact">
          <dt>Paid</dt>
          <dd>{formatCents(rc.paidCents)}</dd>
        </div>
        <div className="fact">
          <dt>Patient responsibility</dt>
          <dd>{formatCents(rc.patientResponsibilityCents)}</dd>
        </div>
        <div className="fact">
          <dt>Payer claim number</dt>
          <dd>{rc.payerClaimNumber ?? "—"}</dd>
        </div>
        <div className="fact">
          <dt>Matched claim</dt>
          <dd>
            {rc.claimId ? (
              <>
                <Link to={`/p/${practiceId}/claims/${rc.claimId}`}>
                  Open claim {claim.data?.patientControlNumber ?? rc.patientControlNumber}
                </Link>{" "}
                {claim.data ? <ClaimStatusBadge status={claim.data.stage} /> : null}
              </>
            ) : (
              "Not matched to a claim"
            )}
          </dd>
        </div>
      </dl>
      {rc.postings.length === 0 ? (
        <p className="muted">No postings.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Postings of claim {rc.patientControlNumber}</caption>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Group / reason</th>
                <th scope="col">Line</th>
                <th scope="col" className="num">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {rc.postings.map((p) => (
                <tr key={p.id}>
                  <td>{postingKindLabel[p.kind] ?? p.kind}</td>
                  <td className="mono">{p.groupCode ? `${p.groupCode}-${p.reasonCode ?? ""}` : "—"}</td>
                  <td>{lineOf(claim.data, p.claimLineId)}</td>
                  <td className="num">{formatCents(p.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};

/** One remittance: header totals and balance check, PLB adjustments, and each claim with its postings. */
export const RemittanceDetailPage = () => {
  const { remittanceId = "" } = useParams();
  const { practiceId, display } = usePractice();
  const remittance = useRemittance(practiceId, remittanceId);
  if (remittance.isPending) return <Loading />;
  if (remittance.isError) return <ErrorAlert error={remittance.error} />;
  const r = remittance.data;
  const claims = r.claims ?? [];
  const sum = (f: (c: RemittanceClaim) => number) => claims.reduce((a, c) => a + f(c), 0);
  return (
    <>
      <PageHeader
        title={`Remittance ${r.traceNumber}`}
        crumbs={[{ label: "Remittances", href: `/p/${practiceId}/remittances` }, { label: r.traceNumber }]}
      />
      <div className="detail-grid">
        <Section title="Payment">
          <dl className="facts">
            <dt>Payer</dt>
            <dd>
              {r.payerName} <span className="muted">({r.payerIdentifier})</span>
            </dd>
            <dt>Check / EFT trace</dt>
            <dd className="mono">{r.traceNumber}</dd>
            <dt>Payment method</dt>
            <dd>{r.paymentMethod ?? "—"}</dd>
            <dt>Payment date</dt>
            <dd>{formatLocalDate(r.paymentDate, display)}</dd>
            <dt>Imported</dt>
            <dd>{formatInstant(r.createdAt, display)}</dd>
            <dt>Status</dt>
            <dd>
              <RemittanceStatusBadge status={r.status} />
            </dd>
          </dl>
        </Section>
        <Section title="Totals">
          <dl className="facts">
            <dt>Paid</dt>
            <dd>{formatCents(r.totalPaidCents)}</dd>
            <dt>Claims</dt>
            <dd>{r.claimCount}</dd>
            <dt>Charged on its claims</dt>
            <dd>{formatCents(sum((c) => c.chargeCents))}</dd>
            <dt>Paid on its claims</dt>
            <dd>{formatCents(sum((c) => c.paidCents))}</dd>
            <dt>Patient responsibility</dt>
            <dd>{formatCents(sum((c) => c.patientResponsibilityCents))}</dd>
            <dt>Provider adjustments</dt>
            <dd>{formatCents(r.providerAdjustmentCents)}</dd>
            <dt>Balance check</dt>
            <dd>
              <BalanceCheck remittance={r} />
            </dd>
          </dl>
          {r.imbalances.length ? (
            <ul className="plain-list compact" aria-label="Imbalances">
              {r.imbalances.map((i) => (
                <li key={`${i.level}-${i.patientControlNumber ?? ""}-${i.lineNumber ?? ""}-${i.message}`}>
                  {i.message} (reported {formatCents(i.reportedCents)}, computed{" "}
                  {formatCents(i.computedCents)}, difference {formatCents(i.differenceCents)})
                </li>
              ))}
            </ul>
          ) : null}
        </Section>
      </div>
      {r.providerAdjustments.length ? (
        <Section title="Provider adjustments (PLB)">
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">Provider adjustments</caption>
              <thead>
                <tr>
                  <th scope="col">Reason</th>
                  <th scope="col">Reference</th>
                  <th scope="col">Provider</th>
                  <th scope="col">Fiscal period</th>
                  <th scope="col" className="num">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.providerAdjustments.map((p, i) => (
                  <tr key={`${p.reason}-${p.referenceId ?? i}`}>
                    <td>
                      {p.reason}
                      {p.reasonText ? ` — ${p.reasonText}` : ""}
                    </td>
                    <td className="mono">{p.referenceId ?? "—"}</td>
                    <td className="mono">{p.providerId}</td>
                    <td>{formatLocalDate(p.fiscalPeriodDate, display)}</td>
                    <td className="num">{formatCents(p.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      ) : null}
      <Section title="Claims and postings">
        {claims.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <div className="stack">
            {claims.map((rc) => (
              <RemittanceClaimCard key={rc.id} rc={rc} />
            ))}
          </div>
        )}
      </Section>
    </>
  );
};
