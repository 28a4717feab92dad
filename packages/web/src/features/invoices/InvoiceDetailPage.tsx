import { invoiceStatusLabel, invoiceTransitions } from "@billcycle/core";
import { type FormEvent, useState } from "react";
import { Button, Form, Label, Radio, RadioGroup } from "react-aria-components";
import { Link, useParams } from "react-router";
import { errorText } from "../../api/client";
import { clientName, useDirectory } from "../../api/directory";
import type { Invoice, StatusChange } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { ModalDialog } from "../../components/dialog";
import { ErrorAlert, Loading, Notice } from "../../components/feedback";
import { SelectField, TextInput } from "../../components/fields";
import { PageHeader, Section } from "../../components/page";
import { ClaimStatusBadge, InvoiceStatusBadge, PaymentStatusBadge } from "../../components/status";
import { dollarsToCents, formatCents, formatInstant, formatLocalDate, words } from "../../lib/format";
import {
  balanceCents,
  useAddProduct,
  useInvoice,
  useInvoiceClaims,
  useMovePayments,
  useVoidInvoice,
  useWriteOffLine,
} from "./invoices-api";

export const History = <H extends StatusChange>({
  history,
  label,
}: {
  history: readonly H[];
  label: (s: H["toStatus"]) => string;
}) => {
  const { display } = usePractice();
  if (history.length === 0) return <p className="muted">None.</p>;
  return (
    <ol className="timeline">
      {history.map((h) => (
        <li key={h.id}>
          <span className="timeline-when">{formatInstant(h.at, display)}</span>
          <span>
            {h.fromStatus ? `${label(h.fromStatus)} → ` : ""}
            <strong>{label(h.toStatus)}</strong> <span className="muted">by {h.actorName}</span>
            {h.causeText ? ` — ${h.causeText}` : ""}
          </span>
        </li>
      ))}
    </ol>
  );
};

const dispositions = {
  correction: {
    label: "Bill the session again",
    description:
      "A correction: the next Invoice Creation run (or Invoice now) bills its sessions on a new invoice.",
  },
  waive: {
    label: "Never bill it (waive)",
    description:
      "Pro bono or a courtesy: no run ever bills its sessions again, and “why not billed” says so.",
  },
} as const;
type Disposition = keyof typeof dispositions;

const VoidAction = ({ invoice }: { invoice: Invoice }) => {
  const { practiceId } = usePractice();
  const voidInvoice = useVoidInvoice(practiceId, invoice.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [disposition, setDisposition] = useState<Disposition | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!disposition) return;
    try {
      await voidInvoice.mutateAsync({ reason: reason.trim(), disposition });
      setOpen(false);
    } catch {
      // shown in the dialog
    }
  };
  return (
    <>
      <Button className="btn btn-danger" onPress={() => setOpen(true)}>
        Void invoice
      </Button>
      <ModalDialog title={`Void ${invoice.number}?`} isOpen={open} onOpenChange={setOpen} role="alertdialog">
        <Form onSubmit={submit} className="stack">
          <p>A void invoice owes nothing and cannot be reopened. What should happen to its sessions?</p>
          <RadioGroup
            value={disposition}
            onChange={(v) => setDisposition(v as Disposition)}
            className="radio-group"
            isRequired
          >
            <Label className="group-label">After the void</Label>
            <div className="radio-cards">
              {(Object.keys(dispositions) as Disposition[]).map((id) => (
                <Radio key={id} value={id} className="radio-card">
                  <span className="radio-title">{dispositions[id].label}</span>
                  <span className="radio-description">{dispositions[id].description}</span>
                </Radio>
              ))}
            </div>
          </RadioGroup>
          <TextInput
            label="Reason"
            value={reason}
            onChange={setReason}
            isRequired
            autoFocus
            maxLength={500}
          />
          {voidInvoice.isError ? (
            <p role="alert" className="alert alert-error">
              {errorText(voidInvoice.error)}
            </p>
          ) : null}
          <div className="dialog-actions">
            <Button className="btn" onPress={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              type="submit"
              className="btn btn-danger"
              isDisabled={!disposition}
              isPending={voidInvoice.isPending}
            >
              Void invoice
            </Button>
          </div>
        </Form>
      </ModalDialog>
    </>
  );
};

/** In place of Void while payments are on the invoice: they go back to the client's credit on account first. */
const MovePaymentsAction = ({ invoice }: { invoice: Invoice }) => {
  const { practiceId } = usePractice();
  const move = useMovePayments(practiceId, invoice.id);
  return (
    <div className="stack">
      <p className="muted">
        {formatCents(invoice.clientPaidCents + invoice.insurancePaidCents)} of payments are on this invoice:
        move them before voiding it.
      </p>
      {invoice.insurancePaidCents === 0 ? (
        <Button className="btn" isPending={move.isPending} onPress={() => move.mutate()}>
          Move payments to credit
        </Button>
      ) : (
        // Not a dead end: what insurance paid comes off only by the payer's reversal, posted from an 835.
        <p className="muted">
          Insurance paid {formatCents(invoice.insurancePaidCents)}: that comes off only when the payer
          reverses it (a reversal in an 835, posted from Remittances); then the invoice can be voided.
        </p>
      )}
      {move.isError ? (
        <span role="alert" className="inline-error">
          {errorText(move.error)}
        </span>
      ) : null}
    </div>
  );
};

/** Writes off one line (what of it the client owes), with a reason; the client's ledger records it. */
const WriteOffLineAction = ({
  invoice,
  lineId,
  label,
}: {
  invoice: Invoice;
  lineId: string;
  label: string;
}) => {
  const { practiceId } = usePractice();
  const writeOff = useWriteOffLine(practiceId, invoice.clientId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [amount, setAmount] = useState("");
  const cents = dollarsToCents(amount);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await writeOff.mutateAsync({
        invoiceId: invoice.id,
        invoiceLineId: lineId,
        reason: reason.trim(),
        ...(cents !== null && !Number.isNaN(cents) ? { amountCents: cents } : {}),
      });
      setOpen(false);
    } catch {
      // shown in the dialog
    }
  };
  return (
    <>
      <Button className="btn btn-small" aria-label={`Write off ${label}`} onPress={() => setOpen(true)}>
        Write off
      </Button>
      <ModalDialog title={`Write off ${label}`} isOpen={open} onOpenChange={setOpen}>
        <Form onSubmit={submit} className="stack">
          <TextInput
            label="Amount (dollars; empty: all that is open on the line)"
            value={amount}
            onChange={setAmount}
            inputMode="decimal"
          />
          <TextInput label="Reason" value={reason} onChange={setReason} isRequired maxLength={500} />
          {writeOff.isError ? (
            <p role="alert" className="alert alert-error">
              {errorText(writeOff.error)}
            </p>
          ) : null}
          <div className="dialog-actions">
            <Button className="btn" onPress={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" className="btn btn-danger" isPending={writeOff.isPending}>
              Write off
            </Button>
          </div>
        </Form>
      </ModalDialog>
    </>
  );
};

const AddProduct = ({ invoice }: { invoice: Invoice }) => {
  const { practiceId } = usePractice();
  const directory = useDirectory(practiceId);
  const add = useAddProduct(practiceId, invoice.id);
  const [productId, setProductId] = useState<string | null>(null);
  const [quantity, setQuantity] = useState("1");
  const products = [...(directory.data?.products.values() ?? [])].map((p) => ({
    id: p.id,
    label: `${p.name} (${formatCents(p.priceCents)})`,
  }));
  if (products.length === 0) return null;
  return (
    <Form
      className="inline-form"
      aria-label="Add a product"
      onSubmit={(e) => {
        e.preventDefault();
        if (productId) add.mutate({ productId, quantity: Number(quantity) || 1 });
      }}
    >
      <SelectField label="Add a product" options={products} value={productId} onChange={setProductId} />
      <TextInput label="Quantity" size="small" inputMode="numeric" value={quantity} onChange={setQuantity} />
      <Button type="submit" className="btn" isDisabled={!productId} isPending={add.isPending}>
        Add to invoice
      </Button>
      {add.isError ? (
        <span role="alert" className="inline-error">
          {errorText(add.error)}
        </span>
      ) : null}
    </Form>
  );
};

/** One invoice: its lines, who owes what, what has been paid or adjusted, its claims and its history. */
export const InvoiceDetailPage = () => {
  const { invoiceId = "" } = useParams();
  const { practiceId, can, display } = usePractice();
  const directory = useDirectory(practiceId);
  const invoice = useInvoice(practiceId, invoiceId);
  const claims = useInvoiceClaims(practiceId, invoiceId);
  if (invoice.isPending) return <Loading />;
  if (invoice.isError) return <ErrorAlert error={invoice.error} />;
  const i = invoice.data;
  const canWrite = can("billing:write");
  const voidable = canWrite && invoiceTransitions[i.status].includes("void");
  // Void is not offered while payments are on the invoice: they are moved first.
  const hasPayments = i.clientPaidCents !== 0 || i.insurancePaidCents !== 0;
  const canWriteOffLines = canWrite && (i.status === "open" || i.status === "processed") && i.clientCents > 0;
  const adjustments = i.lines.filter((l) => l.kind === "adjustment");

  return (
    <>
      <PageHeader
        title={`Invoice ${i.number}`}
        crumbs={[{ label: "Invoices", href: `/p/${practiceId}/invoices` }, { label: i.number }]}
        actions={
          voidable ? hasPayments ? <MovePaymentsAction invoice={i} /> : <VoidAction invoice={i} /> : null
        }
      />
      {i.status === "void" ? (
        <Notice>
          Voided {formatInstant(i.voidedAt, display)}
          {i.voidReason ? `: ${i.voidReason}` : ""}.
        </Notice>
      ) : null}
      <div className="detail-grid">
        <Section title="Summary">
          <dl className="facts">
            <dt>Status</dt>
            <dd>
              <InvoiceStatusBadge status={i.status} />
            </dd>
            <dt>Payment</dt>
            <dd>
              <PaymentStatusBadge status={i.paymentStatus} />
            </dd>
            <dt>Invoice date</dt>
            <dd>{formatLocalDate(i.invoiceDate, display)}</dd>
            <dt>Client</dt>
            <dd>
              {clientName(directory.data, i.clientId)}
              {" · "}
              <Link to={`/p/${practiceId}/clients/${i.clientId}/billing`}>Billing</Link>
            </dd>
            <dt>Pays by</dt>
            <dd>{i.paysBy === "self_pay" ? "Self-pay" : "Insurance"}</dd>
            <dt>Created</dt>
            <dd>
              {i.source === "user" ? "by hand" : `by Invoice Creation (${words(i.source)})`}
              {i.runId ? (
                <>
                  {" · "}
                  <Link to={`/p/${practiceId}/automation-runs?run=${i.runId}`}>the run</Link>
                </>
              ) : null}
            </dd>
          </dl>
        </Section>
        <Section title="Who owes what">
          <table className="data-table split-table">
            <caption className="visually-hidden">Responsibility split</caption>
            <thead>
              <tr>
                <th scope="col">Responsibility</th>
                <th scope="col" className="num">
                  Charged
                </th>
                <th scope="col" className="num">
                  Paid
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Insurance</th>
                <td className="num">{formatCents(i.insuranceCents)}</td>
                <td className="num">{formatCents(i.insurancePaidCents)}</td>
              </tr>
              <tr>
                <th scope="row">Client</th>
                <td className="num">{formatCents(i.clientCents)}</td>
                <td className="num">{formatCents(i.clientPaidCents)}</td>
              </tr>
              <tr>
                <th scope="row">Adjustments</th>
                <td className="num" />
                <td className="num">{formatCents(i.adjustmentCents)}</td>
              </tr>
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total · balance</th>
                <td className="num">{formatCents(i.totalCents)}</td>
                <td className="num">
                  <strong>{formatCents(balanceCents(i))}</strong> due
                </td>
              </tr>
            </tfoot>
          </table>
        </Section>
      </div>

      <Section title="Lines">
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Invoice lines</caption>
            <thead>
              <tr>
                <th scope="col">Date of service</th>
                <th scope="col">Code</th>
                <th scope="col">Description</th>
                <th scope="col">Diagnoses</th>
                <th scope="col" className="num">
                  Units
                </th>
                <th scope="col" className="num">
                  Unit fee
                </th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Billed to</th>
                {canWriteOffLines ? <th scope="col">Actions</th> : null}
              </tr>
            </thead>
            <tbody>
              {i.lines.map((l) => (
                <tr key={l.id}>
                  <td className="nowrap">
                    {l.appointmentId ? (
                      <Link to={`/p/${practiceId}/sessions/${l.appointmentId}`}>
                        {formatLocalDate(l.dateOfService, display)}
                      </Link>
                    ) : (
                      formatLocalDate(l.dateOfService, display)
                    )}
                  </td>
                  <td>
                    {l.code}
                    {l.modifiers.length ? ` (${l.modifiers.join(", ")})` : ""}
                  </td>
                  <td>
                    {l.description}
                    {l.kind !== "service" ? <span className="muted"> · {l.kind}</span> : null}
                  </td>
                  <td>{l.diagnosisCodes.join(", ") || "—"}</td>
                  <td className="num">{l.units}</td>
                  <td className="num">{formatCents(l.unitFeeCents)}</td>
                  <td className="num">{formatCents(l.amountCents)}</td>
                  <td>{l.insuranceEligible && i.paysBy === "insurance" ? "Insurance" : "Client"}</td>
                  {canWriteOffLines ? (
                    <td>
                      <WriteOffLineAction invoice={i} lineId={l.id} label={`${l.code} ${l.description}`} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {i.status === "pended" && canWrite ? <AddProduct invoice={i} /> : null}
      </Section>

      <div className="detail-grid">
        <Section title="Payments and adjustments">
          <ul className="plain-list">
            <li>Insurance paid: {formatCents(i.insurancePaidCents)}</li>
            <li>Client paid: {formatCents(i.clientPaidCents)}</li>
            <li>Adjustments: {formatCents(i.adjustmentCents)}</li>
          </ul>
          {adjustments.length ? (
            <ul className="plain-list">
              {adjustments.map((l) => (
                <li key={l.id}>
                  {l.description}: {formatCents(l.amountCents)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No adjustment lines.</p>
          )}
        </Section>
        <Section title="Claims">
          {claims.isPending ? (
            <Loading />
          ) : claims.isError ? (
            <ErrorAlert error={claims.error} />
          ) : claims.data.data.length === 0 ? (
            <p className="muted">No claims for this invoice.</p>
          ) : (
            <ul className="plain-list">
              {claims.data.data.map((c) => (
                <li key={c.id}>
                  <Link to={`/p/${practiceId}/claims/${c.id}`}>Claim {c.patientControlNumber}</Link>{" "}
                  <ClaimStatusBadge status={c.stage} /> {formatCents(c.totalCents)}
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>

      <Section title="History">
        <History history={i.history} label={(s) => invoiceStatusLabel[s]} />
      </Section>
    </>
  );
};
