import type { ReactNode } from "react";
import { Link } from "react-router";
import { payerName, providerName, useDirectory } from "../../api/directory";
import { usePractice } from "../../app/practice-context";
import { ErrorAlert, Loading } from "../../components/feedback";
import { AppointmentStatusBadge, ClaimStatusBadge, InvoiceStatusBadge } from "../../components/status";
import { addDays, formatCents, formatLocalDate, formatTime, todayIn } from "../../lib/format";
import { useClaimsPage } from "../claims/claims-api";
import { useInvoicesPage } from "../invoices/invoices-api";
import { useSessionsPage } from "../sessions/sessions-api";

type Column<T> = { header: string; className?: string; cell: (row: T) => ReactNode };

/** One card of a client's recent records: a small table, its empty line, and a link to the full, filtered list. */
const RecentCard = <T extends { id: string }>({
  id,
  title,
  caption,
  note,
  page,
  columns,
  empty,
  all,
}: {
  id: string;
  title: string;
  caption: string;
  note?: ReactNode;
  page: { isPending: boolean; isError: boolean; error: unknown; data?: { data: T[] } | undefined };
  columns: Column<T>[];
  empty: string;
  all: { to: string; label: string };
}) => (
  <section aria-labelledby={id} className="card">
    <div className="card-header">
      <h2 id={id}>{title}</h2>
    </div>
    {note}
    {page.isPending ? (
      <Loading />
    ) : page.isError || !page.data ? (
      <ErrorAlert error={page.error} />
    ) : (
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.header} scope="col" className={c.className === "num" ? "num" : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.data.data.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="empty-cell">
                  {empty}
                </td>
              </tr>
            ) : (
              page.data.data.map((row) => (
                <tr key={row.id}>
                  {columns.map((c) => (
                    <td key={c.header} className={c.className}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    )}
    <p className="card-footer">
      <Link to={all.to}>{all.label} →</Link>
    </p>
  </section>
);

/** The client's sessions from a month back to a month ahead; the Sessions screen, filtered, has the rest. */
export const ClientSessions = ({ clientId }: { clientId: string }) => {
  const { practiceId, timeZone, display } = usePractice();
  const directory = useDirectory(practiceId);
  const today = todayIn(timeZone);
  const from = addDays(today, -31);
  const to = addDays(today, 31);
  const page = useSessionsPage(practiceId, { clientId, from, to }, undefined, 50);
  return (
    <RecentCard
      id="client-sessions-heading"
      title="Sessions"
      caption="The client's sessions"
      note={
        <p className="muted">
          {formatLocalDate(from, display)} to {formatLocalDate(to, display)}.
        </p>
      }
      page={page}
      empty="No sessions in these two months."
      all={{ to: `/p/${practiceId}/sessions?client=${clientId}`, label: "All of this client's sessions" }}
      columns={[
        {
          header: "Date",
          className: "nowrap",
          cell: (a) => (
            <Link to={`/p/${practiceId}/sessions/${a.id}`}>
              {formatLocalDate(a.dateOfService, display)} · {formatTime(a.startsAt, display)}
            </Link>
          ),
        },
        { header: "Provider", cell: (a) => providerName(directory.data, a.providerId) },
        { header: "Status", cell: (a) => <AppointmentStatusBadge status={a.status} /> },
      ]}
    />
  );
};

/** The client's latest invoices; the Invoices screen, filtered, has every one. */
export const ClientInvoices = ({ clientId }: { clientId: string }) => {
  const { practiceId, display } = usePractice();
  const page = useInvoicesPage(practiceId, { clientId, sort: "-invoiceDate" }, undefined, 10);
  return (
    <RecentCard
      id="client-invoices-heading"
      title="Latest invoices"
      caption="The client's latest invoices"
      page={page}
      empty="No invoices yet."
      all={{ to: `/p/${practiceId}/invoices?client=${clientId}`, label: "All of this client's invoices" }}
      columns={[
        { header: "Invoice", cell: (i) => <Link to={`/p/${practiceId}/invoices/${i.id}`}>{i.number}</Link> },
        { header: "Date", className: "nowrap", cell: (i) => formatLocalDate(i.invoiceDate, display) },
        { header: "Status", cell: (i) => <InvoiceStatusBadge status={i.status} /> },
        { header: "Total", className: "num", cell: (i) => formatCents(i.totalCents) },
      ]}
    />
  );
};

/** The client's latest claims; the claims list, filtered, has every one. */
export const ClientClaims = ({ clientId }: { clientId: string }) => {
  const { practiceId } = usePractice();
  const directory = useDirectory(practiceId);
  const page = useClaimsPage(practiceId, { clientId, sort: "-createdAt" }, undefined, 10);
  return (
    <RecentCard
      id="client-claims-heading"
      title="Latest claims"
      caption="The client's latest claims"
      page={page}
      empty="No claims yet."
      all={{ to: `/p/${practiceId}/claims/list?client=${clientId}`, label: "All of this client's claims" }}
      columns={[
        {
          header: "Claim",
          cell: (c) => <Link to={`/p/${practiceId}/claims/${c.id}`}>{c.patientControlNumber}</Link>,
        },
        { header: "Payer", cell: (c) => `${payerName(directory.data, c.payerId)} (${c.payerRank})` },
        { header: "Status", cell: (c) => <ClaimStatusBadge status={c.stage} /> },
        { header: "Charge", className: "num", cell: (c) => formatCents(c.totalCents) },
      ]}
    />
  );
};
