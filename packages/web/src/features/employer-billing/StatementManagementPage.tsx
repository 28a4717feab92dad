import { type FormEvent, useState } from "react";
import { Button, Form } from "react-aria-components";
import { Link, useNavigate } from "react-router";
import { errorText } from "../../api/client";
import { usePractice } from "../../app/practice-context";
import { Empty, ErrorAlert, Loading } from "../../components/feedback";
import { TextInput } from "../../components/fields";
import { PageHeader, Section } from "../../components/page";
import { formatCents, formatInstant, formatLocalDate, type PracticeDisplay } from "../../lib/format";
import { CreateBatchDialog } from "./CreateBatchDialog";
import {
  type EmployerBatch,
  navigateEmployerBilling,
  useBillToLookup,
  useEmployerBatches,
} from "./employer-billing-api";

export const batchKindLabel: Record<EmployerBatch["kind"], string> = {
  on_demand: "On-demand",
  rebatch: "Re-batch",
  credit_memo: "Credit memo",
};

const range = (from: string | null, to: string | null, display: PracticeDisplay) =>
  from || to
    ? `${from ? formatLocalDate(from, display, "short") : "…"} – ${to ? formatLocalDate(to, display, "short") : "…"}`
    : "Any";

/** The navigation search: `stb` opens the batch history, `stb 1042` the batch. */
export const NavigationSearch = () => {
  const { practiceId } = usePractice();
  const navigate = useNavigate();
  const [q, setQ] = useState("");
  const [error, setError] = useState<string | null>(null);
  const go = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const to = await navigateEmployerBilling(practiceId, q.trim());
      navigate(
        to.screen === "batch" && to.batchNumber !== null
          ? `/p/${practiceId}/employer-billing/batches/${to.batchNumber}`
          : `/p/${practiceId}/employer-billing#section-batch-history`,
      );
      setQ("");
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <search aria-label="Navigation search">
      <Form className="toolbar" onSubmit={go}>
        <TextInput label="Navigation search" value={q} onChange={setQ} placeholder="stb 1042" size="small" />
        <Button type="submit" className="btn btn-small">
          Go
        </Button>
      </Form>
      {error ? (
        <p role="alert" className="alert alert-error">
          {error}
        </p>
      ) : null}
    </search>
  );
};

export const BatchHistory = () => {
  const { practiceId, display } = usePractice();
  const batches = useEmployerBatches(practiceId);
  if (batches.isPending) return <Loading />;
  if (batches.isError) return <ErrorAlert error={batches.error} />;
  if (batches.data.data.length === 0) return <Empty>No invoice batches yet.</Empty>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">Batch history</caption>
        <thead>
          <tr>
            <th scope="col">Batch</th>
            <th scope="col">Kind</th>
            <th scope="col">Created</th>
            <th scope="col">DOS</th>
            <th scope="col">Post date</th>
            <th scope="col" className="num">
              Invoices
            </th>
            <th scope="col" className="num">
              Encounters
            </th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {batches.data.data.map((b) => (
            <tr key={b.id}>
              <td>
                <Link to={`/p/${practiceId}/employer-billing/batches/${b.number}`}>Batch {b.number}</Link>
              </td>
              <td>
                {batchKindLabel[b.kind]}
                {b.rebatchOfBatchNumber ? ` of ${b.rebatchOfBatchNumber}` : ""}
              </td>
              <td>{formatInstant(b.createdAt, display)}</td>
              <td>{range(b.dosFrom, b.dosTo, display)}</td>
              <td>{range(b.postFrom, b.postTo, display)}</td>
              <td className="num">{b.invoiceCount}</td>
              <td className="num">{b.encounterCount}</td>
              <td className="num">{formatCents(b.totalCents)}</td>
              <td>{b.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

const Employers = () => {
  const { practiceId } = usePractice();
  const lookup = useBillToLookup(practiceId);
  if (lookup.isPending) return <Loading />;
  if (lookup.isError) return <ErrorAlert error={lookup.error} />;
  if (lookup.data.employers.length === 0) return <Empty>No employers yet (Setup → Employers).</Empty>;
  return (
    <ul className="link-list">
      {lookup.data.employers.map((e) => (
        <li key={e.id}>
          <Link to={`/p/${practiceId}/employer-billing/employers/${e.id}`}>{e.name}</Link>
        </li>
      ))}
    </ul>
  );
};

/** Statement/Invoice Management: the start of employer billing (issue 19). */
export const StatementManagementPage = () => {
  const { practiceId } = usePractice();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Statement/Invoice Management"
        description="On-demand invoice batches for employers and employer groups, their history and the employers' dashboards."
        actions={
          <>
            <Link className="btn" to={`/p/${practiceId}/employer-billing/profile`}>
              Invoice profile
            </Link>
            <Button className="btn btn-primary" onPress={() => setCreating(true)}>
              Create On-Demand Batch
            </Button>
          </>
        }
      />
      <NavigationSearch />
      {/* Mounted per opening: each opening starts from an empty form. */}
      {creating ? <CreateBatchDialog isOpen onOpenChange={setCreating} /> : null}
      <Section title="Batch history">
        <BatchHistory />
      </Section>
      <Section title="Employers">
        <Employers />
      </Section>
    </>
  );
};
