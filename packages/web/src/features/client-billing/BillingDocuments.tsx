import { type ShareSkipCode, shareSkipFix } from "@billcycle/core";
import type { BillingDocument, ClientSharing, DocumentShare } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { Empty, ErrorAlert } from "../../components/feedback";
import { Section } from "../../components/page";
import { Badge } from "../../components/status";
import { formatCents, formatInstant, type PracticeDisplay } from "../../lib/format";
import { useClientDocuments, useClientShares, useClientSharing } from "./client-billing-api";

const kindLabel: Record<BillingDocument["kind"], string> = {
  invoice: "Bill",
  superbill: "Superbill",
  statement: "Statement",
};

/** A document's automatic share: of the document itself, or (a bill) of its invoice, newest first. */
export const shareOf = (
  d: BillingDocument,
  all: ReadonlyArray<DocumentShare | null>,
): DocumentShare | undefined => {
  const shares = all.filter((s): s is DocumentShare => s !== null);
  return (
    shares.find((s) => s.documentId === d.id) ??
    (d.kind === "invoice" && d.invoiceId
      ? shares.find((s) => s.subjectType === "invoice" && s.invoiceId === d.invoiceId)
      : undefined)
  );
};

const fixOf = (code: string): string | null =>
  code in shareSkipFix ? shareSkipFix[code as ShareSkipCode] : null;

const Reasons = ({ reasons }: { reasons: ReadonlyArray<{ code: string; message: string }> }) =>
  reasons.length ? (
    <ul className="share-reasons">
      {reasons.map((r) => (
        <li key={r.code}>
          {r.message.charAt(0).toUpperCase() + r.message.slice(1)}
          {fixOf(r.code) ? ` — ${fixOf(r.code)}` : ""}
        </li>
      ))}
    </ul>
  ) : null;

/** The share state in words: scheduled for when, sent when, not shared and why, or failed and why. */
const ShareState = ({
  document,
  share,
  sharing,
  display,
}: {
  document: BillingDocument;
  share: DocumentShare | undefined;
  sharing: ClientSharing | undefined;
  display: PracticeDisplay;
}) => {
  if (share?.status === "sent")
    return (
      <>
        <Badge tone="success">Shared</Badge> {formatInstant(share.sentAt, display)}
      </>
    );
  if (share?.status === "scheduled")
    return (
      <>
        <Badge tone="info">Scheduled</Badge> {formatInstant(share.dueAt, display)}
      </>
    );
  if (share?.status === "skipped")
    return (
      <>
        <Badge tone="warning">Not shared</Badge>
        <Reasons reasons={share.reasons ?? []} />
      </>
    );
  if (share?.status === "failed")
    return (
      <>
        <Badge tone="danger">Failed</Badge> after {share.attempts} attempt{share.attempts === 1 ? "" : "s"}
        <Reasons reasons={share.reasons ?? []} />
      </>
    );
  // Never scheduled (issued by hand while sharing was off, or voided): what would stop it now.
  const now = sharing?.reasonsNowByKind[document.kind] ?? [];
  return (
    <>
      <Badge tone="muted">Not shared</Badge>
      <Reasons
        reasons={
          document.status === "void"
            ? [{ code: "DOCUMENT_VOID", message: "the document is void" }]
            : now.length
              ? now
              : [{ code: "NOT_SCHEDULED", message: "it was not scheduled for automatic sharing" }]
        }
      />
    </>
  );
};

/** The client's bills, superbills and statements with their share state, why not shared, and the PDF. */
export const BillingDocuments = ({ clientId }: { clientId: string }) => {
  const { practiceId, display } = usePractice();
  const documents = useClientDocuments(practiceId, clientId);
  const shares = useClientShares(practiceId, clientId);
  const sharing = useClientSharing(practiceId, clientId);
  const list = documents.data?.data ?? [];
  return (
    <Section title="Documents" level={3}>
      {sharing.data ? <p className="muted">{sharing.data.answer}</p> : null}
      {documents.isError ? <ErrorAlert error={documents.error} /> : null}
      {documents.isSuccess && list.length === 0 ? (
        <Empty>No bills, superbills or statements yet.</Empty>
      ) : null}
      {list.length ? (
        <table className="table" aria-label="Documents">
          <thead>
            <tr>
              <th>Document</th>
              <th>Issued</th>
              <th className="num">Amount</th>
              <th>Shared with the client</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((d) => (
              <tr key={d.id}>
                <td>
                  {kindLabel[d.kind]} {d.number}
                  {d.documentVersion > 1 ? ` (version ${d.documentVersion})` : ""}
                  {d.status === "void" ? (
                    <>
                      {" "}
                      <Badge tone="muted">Void</Badge>
                    </>
                  ) : null}
                </td>
                <td>{formatInstant(d.issuedAt, display)}</td>
                <td className="num">{formatCents(d.amountCents)}</td>
                <td>
                  <ShareState
                    document={d}
                    share={shareOf(d, shares.data?.items ?? [])}
                    sharing={sharing.data}
                    display={display}
                  />
                </td>
                <td>
                  <a
                    className="btn btn-small"
                    href={`/api/v1/practices/${practiceId}/documents/${d.id}/pdf`}
                    download={`${d.number}.pdf`}
                  >
                    Download PDF
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Section>
  );
};
