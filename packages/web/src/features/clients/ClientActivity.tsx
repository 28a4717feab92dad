import { Link } from "react-router";
import { payerName, providerName, useDirectory } from "../../api/directory";
import { usePractice } from "../../app/practice-context";
import { ErrorAlert, Loading } from "../../components/feedback";
import { AppointmentStatusBadge, ClaimStatusBadge, InvoiceStatusBadge } from "../../components/status";
import { addDays, formatCents, formatLocalDate, formatTime, todayIn } from "../../lib/format";
import { useClaimsPage } from "../claims/claims-api";
import { useInvoicesPage } from "../invoices/invoices-api";
import { useSessionsPage } from "../sessions/sessions-api";

const AllLink = ({ to, children }: { to: string; children: string }) => (
  <p className="card-footer">
    <Link to={to}>{children} →</Link>
  </p>
);

/** The client's sessions from a month back to a month ahead; the Sessions screen, filtered, has the rest. */
export const ClientSessions = ({ clientId }: { clientId: string }) => {
  const { practiceId, timeZone } = usePractice();
  const directory = useDirectory(practiceId);
  const today = todayIn(timeZone);
  const from = addDays(today, -31);
  const to = addDays(today, 31);
  const page = useSessionsPage(practiceId, { clientId, from, to }, undefined, 50);
  return (
    <section aria-labelledby="client-sessions-heading" className="card">
      <div className="card-header">
        <h2 id="client-sessions-heading">Sessions</h2>
      </div>
      <p className="muted">
        {formatLocalDate(from)} to {formatLocalDate(to)}.
      </p>
      {page.isPending ? (
        <Loading />
      ) : page.isError ? (
        <ErrorAlert error={page.error} />
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">The client's sessions</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Provider</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {page.data.data.length === 0 ? (
                <tr>
                  <td colSpan={3} className="empty-cell">
                    No sessions in these two months.
                  </td>
                </tr>
              ) : (
                page.data.data.map((a) => (
                  <tr key={a.id}>
                    <td className="nowrap">
                      <Link to={`/p/${practiceId}/sessions/${a.id}`}>
                        {formatLocalDate(a.dateOfService)} · {formatTime(a.startsAt, timeZone)}
                      </Link>
                    </td>
                    <td>{providerName(directory.data, a.providerId)}</td>
                    <td>
                      <AppointmentStatusBadge status={a.status} />
                    </td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
      <AllLink to={`/p/${practiceId}/sessions?client=${clientId}`}>All of this client's sessions</AllLink>
    </section>
  );
};

/** The client's latest invoices; the Invoices screen, filtered, has every one. */
export const ClientInvoices = ({ clientId }: { clientId: string }) => {
  const { practiceId } = usePractice();
  const page = useInvoicesPage(practiceId, { clientId, sort: "-invoiceDate" }, undefined, 10);
  return (
    <section aria-labelledby="client-invoices-heading" className="card">
      <div className="card-header">
        <h2 id="client-invoices-heading">Latest invoices</h2>
      </div>
      {page.isPending ? (
        <Loading />
      ) : page.isError ? (
        <ErrorAlert error={page.error} />
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">The client's latest invoices</caption>
            <thead>
              <tr>
                <th scope="col">Invoice</th>
                <th scope="col">Date</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {page.data.data.length === 0 ? (
                <tr>
                  <td colSpan={4} className="empty-cell">
                    No invoices yet.
                  </td>
                </tr>
              ) : (
                page.data.data.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <Link to={`/p/${practiceId}/invoices/${i.id}`}>{i.number}</Link>
                    </td>
                    <td className="nowrap">{formatLocalDate(i.invoiceDate)}</td>
                    <td>
                      <InvoiceStatusBadge status={i.status} />
                    </td>
                    <td className="num">{formatCents(i.totalCents)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
      <AllLink to={`/p/${practiceId}/invoices?client=${clientId}`}>All of this client's invoices</AllLink>
    </section>
  );
};

/** The client's latest claims; the claims list, filtered, has every one. */
export const ClientClaims = ({ clientId }: { clientId: string }) => {
  const { practiceId } = usePractice();
  const directory = useDirectory(practiceId);
  const page = useClaimsPage(practiceId, { clientId, sort: "-createdAt" }, undefined, 10);
  return (
    <section aria-labelledby="client-claims-heading" className="card">
      <div className="card-header">
        <h2 id="client-claims-heading">Latest claims</h2>
      </div>
      {page.isPending ? (
        <Loading />
      ) : page.isError ? (
        <ErrorAlert error={page.error} />
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">The client's latest claims</caption>
            <thead>
              <tr>
                <th scope="col">Claim</th>
                <th scope="col">Payer</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Charge
                </th>
              </tr>
            </thead>
            <tbody>
              {page.data.data.length === 0 ? (
                <tr>
                  <td colSpan={4} className="empty-cell">
                    No claims yet.
                  </td>
                </tr>
              ) : (
                page.data.data.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/p/${practiceId}/claims/${c.id}`}>{c.patientControlNumber}</Link>
                    </td>
                    <td>
                      {payerName(directory.data, c.payerId)} ({c.payerRank})
                    </td>
                    <td>
                      <ClaimStatusBadge status={c.stage} />
                    </td>
                    <td className="num">{formatCents(c.totalCents)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
      <AllLink to={`/p/${practiceId}/claims/list?client=${clientId}`}>All of this client's claims</AllLink>
    </section>
  );
};
