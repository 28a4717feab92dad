import { type ClaimStage, claimStageLabel } from "@billcycle/core";
import { Link } from "react-router";
import { clientName, type Directory, payerName, useDirectory } from "../../api/directory";
import { usePractice } from "../../app/practice-context";
import { ErrorAlert } from "../../components/feedback";
import { PageHeader } from "../../components/page";
import { claimTone } from "../../components/status";
import { formatCents, formatLocalDate } from "../../lib/format";
import { boardStatuses, useClaimCounts, useClaimsPage } from "./claims-api";
import { SubmitNow } from "./SubmitNow";

const COLUMN_SIZE = 20;

const BoardColumn = ({
  status,
  directory,
  total,
}: {
  status: ClaimStage;
  directory: Directory | undefined;
  /** The status's count from the API; until it is known, what the column's page shows. */
  total: number | undefined;
}) => {
  const { practiceId, display } = usePractice();
  const page = useClaimsPage(practiceId, { stage: status }, undefined, COLUMN_SIZE);
  const claims = page.data?.data ?? [];
  const more = !!page.data?.nextCursor;
  const count =
    total !== undefined ? String(total) : page.isPending ? "…" : `${claims.length}${more ? "+" : ""}`;
  const headingId = `column-${status}`;
  return (
    <section className={`board-column tone-${claimTone[status]}`} aria-labelledby={headingId}>
      <h2 id={headingId} className="board-heading">
        <Link to={`/p/${practiceId}/claims/list?status=${status}`}>{claimStageLabel[status]}</Link>
        <span className="count">
          {count}
          <span className="visually-hidden"> claims</span>
        </span>
      </h2>
      {page.isError ? <ErrorAlert error={page.error} /> : null}
      {claims.length === 0 && !page.isPending ? <p className="muted board-empty">None</p> : null}
      <ul className="board-cards">
        {claims.map((c) => (
          <li key={c.id}>
            <Link to={`/p/${practiceId}/claims/${c.id}`} className="claim-card">
              <span className="claim-card-top">
                <span className="claim-pcn">{c.patientControlNumber}</span>
                <span className="claim-amount">{formatCents(c.totalCents)}</span>
              </span>
              <span className="claim-client">{clientName(directory, c.clientId)}</span>
              <span className="claim-meta">
                {payerName(directory, c.payerId)} ·{" "}
                {formatLocalDate(c.lines[0]?.dateOfService, display, "short")}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {more ? (
        <Link className="board-more" to={`/p/${practiceId}/claims/list?status=${status}`}>
          See all {claimStageLabel[status]} claims
        </Link>
      ) : null}
    </section>
  );
};

/** Claims by status, with counts; each column links to its full, paginated list. */
export const ClaimsBoardPage = () => {
  const { practiceId } = usePractice();
  const directory = useDirectory(practiceId);
  const counts = useClaimCounts(practiceId);
  return (
    <>
      <PageHeader
        title="Claims"
        description="Every claim by where it stands, with how many there are; a column shows its first 20, open it for all of them."
        actions={
          <>
            <SubmitNow />
            <Link className="btn" to={`/p/${practiceId}/claims/list`}>
              All claims as a list
            </Link>
          </>
        }
      />
      {counts.isError ? <ErrorAlert error={counts.error} /> : null}
      <div className="board">
        {boardStatuses.map((s) => (
          <BoardColumn key={s} status={s} directory={directory.data} total={counts.data?.counts[s]} />
        ))}
      </div>
    </>
  );
};
