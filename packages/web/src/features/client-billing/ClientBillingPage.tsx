import { type PaymentMethod, paymentMethodLabel } from "@billcycle/core";
import { type FormEvent, useState } from "react";
import { Button, Checkbox, Form } from "react-aria-components";
import { Link, useParams } from "react-router";
import { errorText } from "../../api/client";
import { clientName, useDirectory } from "../../api/directory";
import type { ClientBalance, ClientPayment, RecordPayment } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { ModalDialog } from "../../components/dialog";
import { Empty, ErrorAlert, Loading } from "../../components/feedback";
import { SelectField, TextInput } from "../../components/fields";
import { PageHeader, Section } from "../../components/page";
import { PaymentStatusBadge } from "../../components/status";
import { dollarsToCents, formatCents, formatLocalDate, words } from "../../lib/format";
import {
  useClientBalance,
  useClientLedger,
  useClientPayments,
  useRecordPayment,
  useRefundPayment,
  useWriteOff,
} from "./client-billing-api";

const handMethods = ["cash", "check", "external_card"] as const satisfies readonly PaymentMethod[];

const DialogError = ({ error }: { error: unknown }) =>
  error ? (
    <p role="alert" className="alert alert-error">
      {errorText(error)}
    </p>
  ) : null;

const amountError = (cents: number | null) =>
  cents === null
    ? undefined
    : Number.isNaN(cents) || cents <= 0
      ? "A positive amount, e.g. 50 or 49.99"
      : undefined;

const RecordPaymentAction = ({ balance }: { balance: ClientBalance }) => {
  const { practiceId } = usePractice();
  const record = useRecordPayment(practiceId, balance.clientId);
  const [open, setOpen] = useState(false);
  const [method, setMethod] = useState<(typeof handMethods)[number]>("cash");
  const [amount, setAmount] = useState("");
  const [reference, setReference] = useState("");
  const [mode, setMode] = useState<"oldest_first" | "chosen">("oldest_first");
  const [chosen, setChosen] = useState<string[]>([]);
  // One key per opened dialog: a second press after a lost answer is the same payment.
  const [key, setKey] = useState("");
  const cents = dollarsToCents(amount);
  const start = () => {
    setKey(crypto.randomUUID());
    setAmount("");
    setReference("");
    setChosen([]);
    setMode("oldest_first");
    record.reset();
    setOpen(true);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (cents === null || Number.isNaN(cents)) return;
    const body: RecordPayment = {
      method,
      amountCents: cents,
      ...(reference.trim() ? { reference: reference.trim() } : {}),
      apply:
        mode === "chosen"
          ? { kind: "chosen", invoices: chosen.map((invoiceId) => ({ invoiceId })) }
          : { kind: "oldest_first" },
    };
    try {
      await record.mutateAsync({ body, idempotencyKey: key });
      setOpen(false);
    } catch {
      // shown in the dialog
    }
  };
  return (
    <>
      <Button className="btn btn-primary" onPress={start}>
        Record payment
      </Button>
      <ModalDialog title="Record a payment" isOpen={open} onOpenChange={setOpen}>
        <Form onSubmit={submit} className="stack">
          <SelectField
            label="Method"
            options={handMethods.map((m) => ({ id: m, label: paymentMethodLabel[m] }))}
            value={method}
            onChange={setMethod}
          />
          <TextInput
            label="Amount ($)"
            inputMode="decimal"
            value={amount}
            onChange={setAmount}
            isRequired
            autoFocus
            errorMessage={amountError(cents)}
          />
          <TextInput
            label="Reference (check number)"
            value={reference}
            onChange={setReference}
            maxLength={100}
          />
          <SelectField
            label="Apply to"
            options={[
              { id: "oldest_first", label: "Oldest invoices first" },
              { id: "chosen", label: "Chosen invoices" },
            ]}
            value={mode}
            onChange={setMode}
          />
          {mode === "chosen" ? (
            <fieldset className="stack">
              <legend>Invoices</legend>
              {balance.openInvoices.length === 0 ? (
                <Empty>Nothing is open: all of it is credit.</Empty>
              ) : null}
              {balance.openInvoices.map((i) => (
                <Checkbox
                  key={i.invoiceId}
                  isSelected={chosen.includes(i.invoiceId)}
                  onChange={(on) =>
                    setChosen((c) => (on ? [...c, i.invoiceId] : c.filter((id) => id !== i.invoiceId)))
                  }
                >
                  {i.invoiceNumber} ({formatLocalDate(i.invoiceDate)}) — {formatCents(i.openCents)} open
                </Checkbox>
              ))}
            </fieldset>
          ) : null}
          <p className="muted">What no invoice takes stays as credit on account for the next bill.</p>
          <DialogError error={record.error} />
          <div className="dialog-actions">
            <Button className="btn" onPress={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              type="submit"
              className="btn btn-primary"
              isPending={record.isPending}
              isDisabled={mode === "chosen" && chosen.length === 0}
            >
              Record payment
            </Button>
          </div>
        </Form>
      </ModalDialog>
    </>
  );
};

const RefundAction = ({ payment }: { payment: ClientPayment }) => {
  const { practiceId } = usePractice();
  const refund = useRefundPayment(practiceId, payment.clientId);
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const remaining = payment.amountCents - payment.refundedCents;
  const cents = dollarsToCents(amount);
  if (remaining <= 0) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (cents === null || Number.isNaN(cents)) return;
    try {
      await refund.mutateAsync({ paymentId: payment.id, amountCents: cents, reason: reason.trim() });
      setOpen(false);
    } catch {
      // shown in the dialog
    }
  };
  return (
    <>
      <Button
        className="btn btn-small"
        onPress={() => {
          refund.reset();
          setAmount((remaining / 100).toFixed(2));
          setReason("");
          setOpen(true);
        }}
      >
        Refund
      </Button>
      <ModalDialog
        title={`Refund the ${formatCents(payment.amountCents)} payment of ${formatLocalDate(payment.receivedOn)}?`}
        isOpen={open}
        onOpenChange={setOpen}
        role="alertdialog"
      >
        <Form onSubmit={submit} className="stack">
          <p>
            Up to {formatCents(remaining)} can be refunded. Unapplied credit is returned first, then what it
            paid on invoices, which become open again.
          </p>
          <TextInput
            label="Refund amount ($)"
            inputMode="decimal"
            value={amount}
            onChange={setAmount}
            isRequired
            errorMessage={amountError(cents)}
          />
          <TextInput label="Reason" value={reason} onChange={setReason} isRequired maxLength={500} />
          <DialogError error={refund.error} />
          <div className="dialog-actions">
            <Button className="btn" onPress={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" className="btn btn-danger" isPending={refund.isPending}>
              Refund
            </Button>
          </div>
        </Form>
      </ModalDialog>
    </>
  );
};

const WriteOffAction = ({ balance }: { balance: ClientBalance }) => {
  const { practiceId } = usePractice();
  const writeOff = useWriteOff(practiceId, balance.clientId);
  const [open, setOpen] = useState(false);
  const [invoiceId, setInvoiceId] = useState<string | null>(null);
  const [kind, setKind] = useState<"write_off" | "adjustment">("write_off");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const cents = dollarsToCents(amount);
  if (balance.openInvoices.length === 0) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!invoiceId || Number.isNaN(cents)) return;
    try {
      await writeOff.mutateAsync({
        invoiceId,
        kind,
        reason: reason.trim(),
        ...(cents === null ? {} : { amountCents: cents }),
      });
      setOpen(false);
    } catch {
      // shown in the dialog
    }
  };
  return (
    <>
      <Button
        className="btn"
        onPress={() => {
          writeOff.reset();
          setInvoiceId(balance.openInvoices[0]?.invoiceId ?? null);
          setAmount("");
          setReason("");
          setOpen(true);
        }}
      >
        Write off
      </Button>
      <ModalDialog title="Write off client balance" isOpen={open} onOpenChange={setOpen} role="alertdialog">
        <Form onSubmit={submit} className="stack">
          <SelectField
            label="Invoice"
            options={balance.openInvoices.map((i) => ({
              id: i.invoiceId,
              label: `${i.invoiceNumber} — ${formatCents(i.openCents)} open`,
            }))}
            value={invoiceId}
            onChange={setInvoiceId}
          />
          <SelectField
            label="Kind"
            options={[
              { id: "write_off", label: "Write-off (uncollectible)" },
              { id: "adjustment", label: "Adjustment (courtesy, correction)" },
            ]}
            value={kind}
            onChange={setKind}
          />
          <TextInput
            label="Amount ($, all that is open when blank)"
            inputMode="decimal"
            value={amount}
            onChange={setAmount}
            errorMessage={amountError(cents)}
          />
          <TextInput label="Reason" value={reason} onChange={setReason} isRequired maxLength={500} />
          <DialogError error={writeOff.error} />
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

/** A client's billing: balance, credit on account, open invoices, ledger, payments; record, refund, write off. */
export const ClientBillingPage = () => {
  const { clientId = "" } = useParams();
  const { practiceId, can } = usePractice();
  const directory = useDirectory(practiceId);
  const balance = useClientBalance(practiceId, clientId);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const ledger = useClientLedger(practiceId, clientId, cursor);
  const payments = useClientPayments(practiceId, clientId);
  if (balance.isPending) return <Loading />;
  if (balance.isError) return <ErrorAlert error={balance.error} />;
  const b = balance.data;
  const canWrite = can("billing:write");
  return (
    <>
      <PageHeader
        title={`Billing — ${clientName(directory.data, clientId)}`}
        actions={
          canWrite ? (
            <>
              <RecordPaymentAction balance={b} />
              <WriteOffAction balance={b} />
            </>
          ) : null
        }
      />
      <div className="detail-grid">
        <Section title="Balance">
          <dl className="facts" aria-label="Balance and credit">
            <dt>Balance</dt>
            <dd>{formatCents(b.balanceCents)}</dd>
            <dt>Open on invoices</dt>
            <dd>{formatCents(b.openInvoicesCents)}</dd>
            <dt>Credit on account</dt>
            <dd>{formatCents(b.creditOnAccountCents)}</dd>
          </dl>
        </Section>
        <Section title="Open invoices">
          {b.openInvoices.length === 0 ? (
            <Empty>Nothing open.</Empty>
          ) : (
            <table className="table" aria-label="Open invoices">
              <thead>
                <tr>
                  <th>Invoice</th>
                  <th>Date</th>
                  <th>Payment</th>
                  <th className="num">Open</th>
                </tr>
              </thead>
              <tbody>
                {b.openInvoices.map((i) => (
                  <tr key={i.invoiceId}>
                    <td>
                      <Link to={`/p/${practiceId}/invoices/${i.invoiceId}`}>{i.invoiceNumber}</Link>
                    </td>
                    <td>{formatLocalDate(i.invoiceDate)}</td>
                    <td>
                      <PaymentStatusBadge status={i.paymentStatus} />
                    </td>
                    <td className="num">{formatCents(i.openCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
      </div>
      <Section title="Ledger">
        {ledger.isError ? <ErrorAlert error={ledger.error} /> : null}
        <table className="table" aria-label="Ledger">
          <thead>
            <tr>
              <th>Date</th>
              <th>Kind</th>
              <th>Description</th>
              <th className="num">Amount</th>
              <th className="num">Balance</th>
            </tr>
          </thead>
          <tbody>
            {(ledger.data?.data ?? []).map((e) => (
              <tr key={e.id}>
                <td>{formatLocalDate(e.effectiveOn)}</td>
                <td>{words(e.kind)}</td>
                <td>{e.description}</td>
                <td className="num">{formatCents(e.amountCents)}</td>
                <td className="num">{formatCents(e.balanceAfterCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {ledger.data?.nextCursor ? (
          <Button className="btn" onPress={() => setCursor(ledger.data.nextCursor ?? undefined)}>
            Older entries
          </Button>
        ) : null}
      </Section>
      <Section title="Payments">
        {(payments.data?.data.length ?? 0) === 0 ? <Empty>No payments.</Empty> : null}
        <table className="table" aria-label="Payments">
          <thead>
            <tr>
              <th>Received</th>
              <th>Method</th>
              <th className="num">Amount</th>
              <th className="num">Refunded</th>
              <th className="num">Unapplied</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(payments.data?.data ?? []).map((p) => (
              <tr key={p.id}>
                <td>{formatLocalDate(p.receivedOn)}</td>
                <td>
                  {paymentMethodLabel[p.method]}
                  {p.reference ? ` ${p.reference}` : ""}
                </td>
                <td className="num">{formatCents(p.amountCents)}</td>
                <td className="num">{formatCents(p.refundedCents)}</td>
                <td className="num">{formatCents(p.unappliedCents)}</td>
                <td>{canWrite ? <RefundAction payment={p} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </>
  );
};
