import { useState } from "react";
import { Link, useParams } from "react-router";
import { usePractice } from "../../app/practice-context";
import { Empty, ErrorAlert, Loading } from "../../components/feedback";
import { SelectField, TextInput } from "../../components/fields";
import { PageHeader, Section } from "../../components/page";
import { formatCents, formatLocalDate } from "../../lib/format";
import { useDebounced } from "../../lib/use-debounced";
import { AgingChart } from "./AgingChart";
import { invoiceKindLabel } from "./EmployerBatchPage";
import {
  type InvoiceStatusFilter,
  statusLabel,
  useEmployerDashboard,
  useInvoiceHistory,
} from "./employer-billing-api";
import { ReceiptEntry } from "./ReceiptEntry";

const statusOptions = [
  { id: "open", label: "Open" },
  { id: "paid", label: "Paid" },
  { id: "all", label: "All" },
] as const;

/** Invoice History: Open by default, Paid or All; the invoice id search matches any part of it (contains). */
const InvoiceHistory = ({ employerId }: { employerId: string }) => {
  const { practiceId, display } = usePractice();
  const [status, setStatus] = useState<InvoiceStatusFilter>("open");
  const [search, setSearch] = useState("");
  const debounced = useDebounced(search.trim(), 250);
  const history = useInvoiceHistory(practiceId, { employerId, status, search: debounced });
  return (
    <Section title="Invoice History">
      <search aria-label="Filter invoices" className="filters">
        <SelectField label="Status" options={statusOptions} value={status} onChange={setStatus} />
        <TextInput label="Invoice ID" value={search} onChange={setSearch} placeholder="any part, e.g. 1042" />
      </search>
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <ErrorAlert error={history.error} />
      ) : history.data.data.length === 0 ? (
        <Empty>No invoices match.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Invoice History</caption>
            <thead>
              <tr>
                <th scope="col">Invoice</th>
                <th scope="col">Kind</th>
                <th scope="col">Batch</th>
                <th scope="col">Issued</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Billed
                </th>
                <th scope="col" className="num">
                  Paid
                </th>
                <th scope="col" className="num">
                  Open
                </th>
              </tr>
            </thead>
            <tbody>
              {history.data.data.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.number}</th>
                  <td>{invoiceKindLabel[i.kind]}</td>
                  <td>
                    <Link to={`/p/${practiceId}/employer-billing/batches/${i.batchNumber}`}>
                      Batch {i.batchNumber}
                    </Link>
                  </td>
                  <td>{formatLocalDate(i.issuedOn, display, "short")}</td>
                  <td>{statusLabel(i.status)}</td>
                  <td className="num">{formatCents(i.billedCents)}</td>
                  <td className="num">{formatCents(i.paidCents)}</td>
                  <td className="num">{formatCents(i.openCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
};

/** The Employer Dashboard: billed, paid and open amounts, aging, Invoice History and receipts. */
export const EmployerDashboardPage = () => {
  const { practiceId } = usePractice();
  const { employerId = "" } = useParams();
  const dashboard = useEmployerDashboard(practiceId, employerId);
  const crumbs = [{ label: "Statement/Invoice Management", href: `/p/${practiceId}/employer-billing` }];
  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError)
    return (
      <>
        <PageHeader title="Employer" crumbs={crumbs} />
        <ErrorAlert error={dashboard.error} />
      </>
    );
  const d = dashboard.data;
  return (
    <>
      <PageHeader
        title={d.employerName}
        crumbs={crumbs}
        description={`Terms: net ${d.termsDays} days.`}
        actions={
          <Link className="btn" to={`/p/${practiceId}/employer-billing/employers/${employerId}/profile`}>
            Invoice profile
          </Link>
        }
      />
      <Section title="Balances">
        <dl className="facts">
          <dt>Billed</dt>
          <dd>{formatCents(d.billedCents)}</dd>
          <dt>Credited</dt>
          <dd>{formatCents(d.creditedCents)}</dd>
          <dt>Paid</dt>
          <dd>{formatCents(d.paidCents)}</dd>
          <dt>Open</dt>
          <dd>
            {formatCents(d.openCents)} ({d.openInvoiceCount} invoice{d.openInvoiceCount === 1 ? "" : "s"})
          </dd>
          <dt>Unapplied receipts</dt>
          <dd>{formatCents(d.unappliedCents)}</dd>
        </dl>
        <AgingChart aging={d.aging} />
      </Section>
      <InvoiceHistory employerId={employerId} />
      <ReceiptEntry employerId={employerId} />
    </>
  );
};
