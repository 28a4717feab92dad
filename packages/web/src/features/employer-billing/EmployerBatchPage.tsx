import { type FormEvent, useState } from "react";
import { Button, Checkbox, Form } from "react-aria-components";
import { Link, useNavigate, useParams } from "react-router";
import { errorText } from "../../api/client";
import { usePractice } from "../../app/practice-context";
import { ConfirmDialog, ModalDialog } from "../../components/dialog";
import { Empty, ErrorAlert, Loading, Notice } from "../../components/feedback";
import { TextInput } from "../../components/fields";
import { PageHeader, Section } from "../../components/page";
import { formatCents, formatInstant, formatLocalDate } from "../../lib/format";
import {
  type EmployerInvoiceDetail,
  type EmployerInvoiceSummary,
  statusLabel,
  useCreateCreditMemo,
  useEmployerBatch,
  useEmployerInvoice,
  useRebatch,
} from "./employer-billing-api";
import { InvoiceActions } from "./InvoiceActions";
import { batchKindLabel } from "./StatementManagementPage";

export const invoiceKindLabel: Record<EmployerInvoiceSummary["kind"], string> = {
  invoice: "Invoice",
  rebatch: "Re-batch",
  credit_memo: "Credit memo",
};

/** Invoices of one batch, each opening its items (the encounters it bills). */
const BatchInvoices = ({
  invoices,
  selected,
  onSelect,
}: {
  invoices: EmployerInvoiceSummary[];
  selected: string | null;
  onSelect: (id: string) => void;
}) => {
  const { practiceId, display } = usePractice();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">Invoices of the batch</caption>
        <thead>
          <tr>
            <th scope="col">Invoice</th>
            <th scope="col">Employer</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Due</th>
            <th scope="col" className="num">
              Encounters
            </th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col" className="num">
              Amount due
            </th>
            <th scope="col">Items</th>
          </tr>
        </thead>
        <tbody>
          {invoices.map((i) => (
            <tr key={i.id} aria-selected={selected === i.id}>
              <th scope="row">{i.number}</th>
              <td>
                <Link to={`/p/${practiceId}/employer-billing/employers/${i.employerId}`}>
                  {i.employerName}
                </Link>
              </td>
              <td>{invoiceKindLabel[i.kind]}</td>
              <td>{statusLabel(i.status)}</td>
              <td>{formatLocalDate(i.dueOn, display, "short")}</td>
              <td className="num">{i.encounterCount}</td>
              <td className="num">{formatCents(i.totalCents)}</td>
              <td className="num">{formatCents(i.amountDueCents)}</td>
              <td>
                <Button
                  className="btn btn-small"
                  onPress={() => onSelect(i.id)}
                  aria-label={`Items of ${i.number}`}
                >
                  Items
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

const CreditMemoDialog = ({
  detail,
  appointmentIds,
  isOpen,
  onOpenChange,
  onDone,
}: {
  detail: EmployerInvoiceDetail;
  appointmentIds: string[];
  isOpen: boolean;
  onOpenChange: (o: boolean) => void;
  onDone: (number: string) => void;
}) => {
  const { practiceId } = usePractice();
  const memo = useCreateCreditMemo(practiceId);
  const [reason, setReason] = useState("");
  const credited = detail.lines
    .filter((l) => appointmentIds.includes(l.appointmentId))
    .reduce((sum, l) => sum + l.amountCents, 0);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return;
    try {
      const made = await memo.mutateAsync({
        invoiceId: detail.invoice.id,
        appointmentIds,
        reason: reason.trim(),
      });
      onDone(made.invoice.number);
      onOpenChange(false);
    } catch {
      // shown below
    }
  };
  return (
    <ModalDialog
      title={`Credit Memo for ${detail.invoice.number}`}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
    >
      <Form className="stack" onSubmit={submit}>
        <p>
          Credits {appointmentIds.length} encounter{appointmentIds.length === 1 ? "" : "s"},{" "}
          {formatCents(credited)}; they become billable again.
        </p>
        <TextInput label="Reason" value={reason} onChange={setReason} isRequired autoFocus />
        {memo.error ? (
          <p role="alert" className="alert alert-error">
            {errorText(memo.error)}
          </p>
        ) : null}
        <div className="dialog-actions">
          <Button className="btn" onPress={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button
            type="submit"
            className="btn btn-primary"
            isPending={memo.isPending}
            isDisabled={!reason.trim()}
          >
            Create Credit Memo
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
};

/** Invoice Batch Items: the invoice's encounters; select the inaccurate ones and create a Credit Memo. */
const BatchItems = ({ invoiceId }: { invoiceId: string }) => {
  const { practiceId, display } = usePractice();
  const invoice = useEmployerInvoice(practiceId, invoiceId);
  const [chosen, setChosen] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  if (invoice.isPending) return <Loading />;
  if (invoice.isError) return <ErrorAlert error={invoice.error} />;
  const detail = invoice.data;
  const canCredit = detail.invoice.kind !== "credit_memo" && detail.invoice.status !== "void";
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  return (
    <Section
      title={`Items of ${detail.invoice.number}`}
      id="section-batch-items"
      actions={
        canCredit ? (
          <Button className="btn btn-primary" isDisabled={chosen.length === 0} onPress={() => setOpen(true)}>
            Credit Memo
          </Button>
        ) : null
      }
    >
      {done ? <Notice>Credit memo {done} created.</Notice> : null}
      <InvoiceActions detail={detail} />
      {detail.lines.length === 0 ? (
        <Empty>No items.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Items of {detail.invoice.number}</caption>
            <thead>
              <tr>
                <th scope="col">Select</th>
                <th scope="col">Employee</th>
                <th scope="col">DOS</th>
                <th scope="col">Service</th>
                <th scope="col">Authorization</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col" className="num">
                  Paid
                </th>
              </tr>
            </thead>
            <tbody>
              {detail.lines.map((l) => {
                const credited = l.creditedByLineId !== null;
                return (
                  <tr key={l.id}>
                    <td>
                      <Checkbox
                        className="checkbox"
                        aria-label={`Select ${l.employeeName} ${formatLocalDate(l.dateOfService, display)}`}
                        isSelected={chosen.includes(l.appointmentId)}
                        isDisabled={!canCredit || credited}
                        onChange={(on) => toggle(l.appointmentId, on)}
                      >
                        <span className="checkbox-box" aria-hidden="true" />
                      </Checkbox>
                    </td>
                    <td>
                      {l.employeeName}
                      {credited ? <span className="badge badge-muted"> credited</span> : null}
                    </td>
                    <td>{formatLocalDate(l.dateOfService, display, "short")}</td>
                    <td>
                      {l.code} {l.description}
                    </td>
                    <td>{l.authorizationNumber ?? ""}</td>
                    <td className="num">{formatCents(l.amountCents)}</td>
                    <td className="num">{formatCents(l.paidCents)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <CreditMemoDialog
        detail={detail}
        appointmentIds={chosen}
        isOpen={open}
        onOpenChange={setOpen}
        onDone={(n) => {
          setDone(n);
          setChosen([]);
        }}
      />
    </Section>
  );
};

/** Resend Previous Invoices: the batch again, each invoice numbered with its -2, -3 suffix. */
const RebatchAction = ({ batchNumber }: { batchNumber: number }) => {
  const { practiceId } = usePractice();
  const navigate = useNavigate();
  const rebatch = useRebatch(practiceId);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button className="btn" onPress={() => setOpen(true)}>
        Re-batch
      </Button>
      <ConfirmDialog
        title={`Re-batch batch ${batchNumber}?`}
        isOpen={open}
        onCancel={() => setOpen(false)}
        confirmLabel="Re-batch"
        isPending={rebatch.isPending}
        error={rebatch.error ? errorText(rebatch.error) : null}
        onConfirm={async () => {
          try {
            const made = await rebatch.mutateAsync({ batchNumber });
            setOpen(false);
            navigate(`/p/${practiceId}/employer-billing/batches/${made.batch.number}`);
          } catch {
            // shown in the dialog
          }
        }}
      >
        <p>
          Each invoice goes out again with the same encounters under its number with a -2, -3… suffix; the
          amount due counts the payments and credits since.
        </p>
      </ConfirmDialog>
    </>
  );
};

export const EmployerBatchPage = () => {
  const { practiceId, display } = usePractice();
  const { batchNumber = "" } = useParams();
  const n = Number(batchNumber);
  const batch = useEmployerBatch(practiceId, n);
  const [selected, setSelected] = useState<string | null>(null);
  const crumbs = [{ label: "Statement/Invoice Management", href: `/p/${practiceId}/employer-billing` }];
  if (batch.isPending)
    return (
      <>
        <PageHeader title={`Batch ${batchNumber}`} crumbs={crumbs} />
        {Number.isInteger(n) && n > 0 ? <Loading /> : <ErrorAlert>No such batch.</ErrorAlert>}
      </>
    );
  if (batch.isError)
    return (
      <>
        <PageHeader title={`Batch ${batchNumber}`} crumbs={crumbs} />
        <ErrorAlert error={batch.error} />
      </>
    );
  const { batch: b, invoices } = batch.data;
  return (
    <>
      <PageHeader
        title={`Batch ${b.number}`}
        crumbs={crumbs}
        actions={b.kind === "credit_memo" ? null : <RebatchAction batchNumber={b.number} />}
        description={`${batchKindLabel[b.kind]} batch created ${formatInstant(b.createdAt, display)}: ${b.invoiceCount} invoice${b.invoiceCount === 1 ? "" : "s"}, ${b.encounterCount} encounters, ${formatCents(b.totalCents)}.${b.note ? ` Note: ${b.note}` : ""}`}
      />
      <Section title="Invoices">
        <BatchInvoices invoices={invoices} selected={selected} onSelect={setSelected} />
      </Section>
      {selected ? <BatchItems key={selected} invoiceId={selected} /> : null}
    </>
  );
};
