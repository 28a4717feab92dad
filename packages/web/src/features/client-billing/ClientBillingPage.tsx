import { type PaymentMethod, paymentMethodLabel } from "@billcycle/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Button, Checkbox, Form } from "react-aria-components";
import { Link, Navigate, useParams, useSearchParams } from "react-router";
import { errorText } from "../../api/client";
import type { Client, ClientBalance, ClientPayment, RecordPayment } from "../../api/models";
import { usePractice } from "../../app/practice-context";
import { ModalDialog } from "../../components/dialog";
import { Empty, ErrorAlert, Loading, Notice } from "../../components/feedback";
import { SelectField, TextInput } from "../../components/fields";
import { Section } from "../../components/page";
import { PaymentStatusBadge } from "../../components/status";
import {
  centsToDollars,
  dollarsToCents,
  formatCents,
  formatInstant,
  formatLocalDate,
  words,
} from "../../lib/format";
import { BillingDocuments } from "./BillingDocuments";
import { CardsOnFile } from "./CardsOnFile";
import { ClientBillingSettings } from "./ClientBillingSettings";
import {
  useCardCharges,
  useChargeCard,
  useClientBalance,
  useClientCards,
  useClientLedger,
  useClientPayments,
  useRecordPayment,
  useRefundCardCharge,
  useRefundPayment,
  useWriteOff,
} from "./client-billing-api";

const handMethods = ["cash", "check", "external_card"] as const satisfies readonly PaymentMethod[];
type TakeMethod = (typeof handMethods)[number] | "card";

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

/**
 * Take a payment: cash, check or a card run elsewhere, recorded by hand, or the default card on file, charged
 * through Stripe; either applied to chosen invoices or oldest first. One key per opened dialog: a second press
 * after a lost answer is the same payment, never a second charge.
 */
const TakePaymentAction = ({ balance }: { balance: ClientBalance }) => {
  const { practiceId, display } = usePractice();
  const record = useRecordPayment(practiceId, balance.clientId);
  const charge = useChargeCard(practiceId, balance.clientId);
  const cards = useClientCards(practiceId, balance.clientId);
  const defaultCard = cards.data?.cards.find((c) => c.isDefault && !c.expired);
  const [open, setOpen] = useState(false);
  const [method, setMethod] = useState<TakeMethod>("cash");
  const [outcome, setOutcome] = useState<string | null>(null);
  const [amount, setAmount] = useState("");
  const [reference, setReference] = useState("");
  const [mode, setMode] = useState<"oldest_first" | "chosen">("oldest_first");
  const [chosen, setChosen] = useState<string[]>([]);
  // One key per opened dialog: a second press after a lost answer is the same payment.
  const [key, setKey] = useState("");
  const [declined, setDeclined] = useState<string | null>(null);
  const cents = dollarsToCents(amount);
  const methods: { id: TakeMethod; label: string }[] = [
    ...handMethods.map((m) => ({ id: m, label: paymentMethodLabel[m] })),
    ...(defaultCard
      ? [{ id: "card" as const, label: `Card on file (${defaultCard.brand} ${defaultCard.last4})` }]
      : []),
  ];
  const start = (amountCents?: number) => {
    setKey(crypto.randomUUID());
    setAmount(amountCents ? centsToDollars(amountCents) : "");
    setReference("");
    setDeclined(null);
    setChosen([]);
    setMode("oldest_first");
    record.reset();
    charge.reset();
    setOutcome(null);
    setOpen(true);
  };
  // `?take=payment&amount=<cents>` (Invoice Management's Take Payment) opens the dialog once, with the amount.
  const [params, setParams] = useSearchParams();
  const opened = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the page is opened by such a link
  useEffect(() => {
    if (opened.current || params.get("take") !== "payment") return;
    opened.current = true;
    const owed = Number(params.get("amount"));
    start(Number.isInteger(owed) && owed > 0 ? owed : undefined);
    const rest = new URLSearchParams(params);
    rest.delete("take");
    rest.delete("amount");
    setParams(rest, { replace: true });
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (cents === null || Number.isNaN(cents)) return;
    const apply: RecordPayment["apply"] =
      mode === "chosen"
        ? { kind: "chosen", invoices: chosen.map((invoiceId) => ({ invoiceId })) }
        : { kind: "oldest_first" };
    if (method === "card") {
      try {
        const { charge: c } = await charge.mutateAsync({ amountCents: cents, idempotencyKey: key, apply });
        if (c.status === "succeeded") {
          setOpen(false);
          setOutcome(`${formatCents(c.amountCents)} charged to ${c.cardBrand} ${c.cardLast4}.`);
        } else if (c.status === "declined" || c.status === "failed") {
          setOutcome(null);
          // Shown in the dialog; a new attempt is a new payment (a new key).
          setKey(crypto.randomUUID());
          charge.reset();
          setDeclined(
            `The card was declined: ${c.failureMessage ?? c.declineCode ?? "no reason given"}${c.declineCode ? ` (${c.declineCode})` : ""}.`,
          );
        } else {
          setOpen(false);
          setOutcome(
            "Stripe has not answered yet; billcycle will ask Stripe and record the payment if it went through.",
          );
        }
      } catch {
        // shown in the dialog
      }
      return;
    }
    const body: RecordPayment = {
      method,
      amountCents: cents,
      ...(reference.trim() ? { reference: reference.trim() } : {}),
      apply,
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
      <Button className="btn btn-primary" onPress={() => start()}>
        Take payment
      </Button>
      {outcome ? <Notice>{outcome}</Notice> : null}
      <ModalDialog title="Take a payment" isOpen={open} onOpenChange={setOpen}>
        <Form onSubmit={submit} className="stack">
          <SelectField
            label="Method"
            options={methods}
            value={method}
            onChange={(m) => {
              setDeclined(null);
              setMethod(m);
            }}
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
          {method === "card" ? (
            <p className="muted">Charged now to the default card through Stripe.</p>
          ) : (
            <TextInput
              label="Reference (check number)"
              value={reference}
              onChange={setReference}
              maxLength={100}
            />
          )}
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
                  {i.invoiceNumber} ({formatLocalDate(i.invoiceDate, display)}) — {formatCents(i.openCents)}{" "}
                  open
                </Checkbox>
              ))}
            </fieldset>
          ) : null}
          <p className="muted">What no invoice takes stays as credit on account for the next bill.</p>
          {declined ? (
            <p role="alert" className="alert alert-error">
              {declined}
            </p>
          ) : null}
          <DialogError error={method === "card" ? charge.error : record.error} />
          <div className="dialog-actions">
            <Button className="btn" onPress={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              type="submit"
              className="btn btn-primary"
              isPending={record.isPending || charge.isPending}
              isDisabled={mode === "chosen" && chosen.length === 0}
            >
              {method === "card" ? "Charge card" : "Record payment"}
            </Button>
          </div>
        </Form>
      </ModalDialog>
    </>
  );
};

/**
 * Refund a payment in part or whole. A card payment is refunded through Stripe (the money goes back to the card and
 * the ledger follows); any other is recorded as given back.
 */
const RefundAction = ({ payment }: { payment: ClientPayment }) => {
  const { practiceId, display } = usePractice();
  const ledgerRefund = useRefundPayment(practiceId, payment.clientId);
  const cardRefund = useRefundCardCharge(practiceId, payment.clientId);
  const byCard = payment.method === "card" && payment.cardChargeId !== null;
  const refund = byCard ? cardRefund : ledgerRefund;
  const [key, setKey] = useState("");
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
      if (byCard && payment.cardChargeId) {
        await cardRefund.mutateAsync({
          chargeId: payment.cardChargeId,
          amountCents: cents,
          idempotencyKey: key,
          reason: reason.trim(),
        });
      } else {
        await ledgerRefund.mutateAsync({ paymentId: payment.id, amountCents: cents, reason: reason.trim() });
      }
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
          ledgerRefund.reset();
          cardRefund.reset();
          setKey(crypto.randomUUID());
          setAmount((remaining / 100).toFixed(2));
          setReason("");
          setOpen(true);
        }}
      >
        Refund
      </Button>
      <ModalDialog
        title={`Refund the ${formatCents(payment.amountCents)} payment of ${formatLocalDate(payment.receivedOn, display)}?`}
        isOpen={open}
        onOpenChange={setOpen}
        role="alertdialog"
      >
        <Form onSubmit={submit} className="stack">
          <p>
            Up to {formatCents(remaining)} can be refunded. Unapplied credit is returned first, then what it
            paid on invoices, which become open again.
            {byCard ? " The money goes back to the card through Stripe." : ""}
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

/** Card charges, newest first: declines with Stripe's reason, refunds. */
const CardCharges = ({ clientId }: { clientId: string }) => {
  const { practiceId, display } = usePractice();
  const charges = useCardCharges(practiceId, clientId);
  const list = charges.data?.charges ?? [];
  if (!list.length) return null;
  return (
    <Section title="Card charges" level={3}>
      <table className="table" aria-label="Card charges">
        <thead>
          <tr>
            <th>When</th>
            <th>Card</th>
            <th>Why</th>
            <th>Outcome</th>
            <th className="num">Amount</th>
            <th className="num">Refunded</th>
          </tr>
        </thead>
        <tbody>
          {list.map((c) => (
            <tr key={c.id}>
              <td>{formatInstant(c.createdAt, display)}</td>
              <td>
                {c.cardBrand} {c.cardLast4}
              </td>
              <td>{c.purposeKind === "autopay_attempt" ? "Autopay" : "Taken by hand"}</td>
              <td>
                {words(c.status)}
                {c.status === "declined"
                  ? `: ${c.failureMessage ?? ""} (${c.declineCode ?? c.failureCode ?? "—"})`
                  : ""}
              </td>
              <td className="num">{formatCents(c.amountCents)}</td>
              <td className="num">{formatCents(c.refundedCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
};

/**
 * Client › Billing: balance and open invoices, take a payment, write off; cards on file; this client's billing
 * settings; documents and their sharing; the ledger, payments (refund) and card charges.
 */
export const ClientBillingTab = ({ client }: { client: Client }) => {
  const clientId = client.id;
  const { practiceId, can, display } = usePractice();
  const balance = useClientBalance(practiceId, clientId);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const ledger = useClientLedger(practiceId, clientId, cursor);
  const payments = useClientPayments(practiceId, clientId);
  if (balance.isPending) return <Loading />;
  if (balance.isError) return <ErrorAlert error={balance.error} />;
  const b = balance.data;
  const canWrite = can("billing:write");
  return (
    <div className="stack client-billing">
      <div className="detail-grid">
        <Section
          title="Balance"
          level={3}
          actions={
            canWrite ? (
              <div className="page-actions">
                <TakePaymentAction balance={b} />
                <WriteOffAction balance={b} />
              </div>
            ) : null
          }
        >
          <dl className="facts" aria-label="Balance and credit">
            <dt>Balance</dt>
            <dd>{formatCents(b.balanceCents)}</dd>
            <dt>Open on invoices</dt>
            <dd>{formatCents(b.openInvoicesCents)}</dd>
            <dt>Credit on account</dt>
            <dd>{formatCents(b.creditOnAccountCents)}</dd>
          </dl>
        </Section>
        <Section title="Open invoices" level={3}>
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
                    <td>{formatLocalDate(i.invoiceDate, display)}</td>
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
      <div className="detail-grid">
        <CardsOnFile clientId={clientId} />
        <ClientBillingSettings client={client} />
      </div>
      <BillingDocuments clientId={clientId} />
      <Section title="Ledger" level={3}>
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
                <td>{formatLocalDate(e.effectiveOn, display)}</td>
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
      <Section title="Payments" level={3}>
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
                <td>{formatLocalDate(p.receivedOn, display)}</td>
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
      <CardCharges clientId={clientId} />
    </div>
  );
};

/** The old address of a client's billing: the client page's Billing tab. */
export const ClientBillingPage = () => {
  const { clientId = "" } = useParams();
  const { practiceId } = usePractice();
  return <Navigate replace to={`/p/${practiceId}/clients/${clientId}?tab=billing`} />;
};
