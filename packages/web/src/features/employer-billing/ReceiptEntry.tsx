import { type FormEvent, useState } from "react";
import { Button, Form } from "react-aria-components";
import { errorText } from "../../api/client";
import { usePractice } from "../../app/practice-context";
import { Empty, ErrorAlert, Loading, Notice } from "../../components/feedback";
import { SelectField, TextInput } from "../../components/fields";
import { Section } from "../../components/page";
import { dollarsToCents, formatCents, formatLocalDate, todayIn } from "../../lib/format";
import {
  type RecordReceiptBody,
  useEmployerReceipts,
  useInvoiceHistory,
  useRecordReceipt,
  useReverseReceipt,
} from "./employer-billing-api";
import { ReasonDialog } from "./InvoiceActions";

const methods = [
  { id: "check", label: "Check" },
  { id: "eft", label: "EFT" },
] as const;

/**
 * Create an Invoice Receipt (check or EFT: number, date, amount) and apply it across the employer's open invoices;
 * what is not applied stays on the receipt as unapplied.
 */
export const ReceiptEntry = ({ employerId }: { employerId: string }) => {
  const { practiceId, timeZone, display } = usePractice();
  const open = useInvoiceHistory(practiceId, { employerId, status: "open", search: "" });
  const receipts = useEmployerReceipts(practiceId, employerId);
  const record = useRecordReceipt(practiceId);
  const [method, setMethod] = useState<"check" | "eft">("check");
  const [reference, setReference] = useState("");
  const [receivedOn, setReceivedOn] = useState(() => todayIn(timeZone));
  const [amount, setAmount] = useState("");
  const [apply, setApply] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const reverse = useReverseReceipt(practiceId);
  const [reversing, setReversing] = useState<{ id: string; reference: string } | null>(null);

  const originals = (open.data?.data ?? []).filter((i) => i.kind === "invoice");
  const cents = dollarsToCents(amount);
  const applied = Object.entries(apply)
    .map(([invoiceId, text]) => ({ invoiceId, amountCents: dollarsToCents(text) }))
    .filter(
      (a): a is { invoiceId: string; amountCents: number } => a.amountCents !== null && a.amountCents > 0,
    );
  const badApply = Object.values(apply).some((t) => {
    const c = dollarsToCents(t);
    return c !== null && (Number.isNaN(c) || c < 0);
  });
  const appliedCents = applied.reduce((s, a) => s + a.amountCents, 0);
  const over = cents !== null && !Number.isNaN(cents) && appliedCents > cents;
  const amountError =
    cents !== null && (Number.isNaN(cents) || cents <= 0)
      ? "A positive amount, e.g. 250 or 249.99"
      : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (cents === null || amountError || badApply || over || !reference.trim()) return;
    const body: RecordReceiptBody = {
      employerId,
      method,
      reference: reference.trim(),
      receivedOn,
      amountCents: cents,
      apply: applied,
    };
    try {
      const made = await record.mutateAsync(body);
      setDone(
        `Receipt ${made.reference} recorded: ${formatCents(made.appliedCents)} applied, ${formatCents(made.unappliedCents)} unapplied.`,
      );
      setReference("");
      setAmount("");
      setApply({});
    } catch {
      // shown below
    }
  };

  return (
    <Section title="Receipts">
      {done ? <Notice>{done}</Notice> : null}
      <Form className="stack" onSubmit={submit} aria-label="New receipt">
        <div className="form-grid">
          <SelectField label="Method" options={methods} value={method} onChange={setMethod} />
          <TextInput label="Check/EFT number" value={reference} onChange={setReference} isRequired />
          <TextInput label="Received on" type="date" value={receivedOn} onChange={setReceivedOn} isRequired />
          <TextInput
            label="Amount"
            value={amount}
            onChange={setAmount}
            inputMode="decimal"
            isRequired
            errorMessage={amountError}
          />
        </div>
        {open.isPending ? (
          <Loading />
        ) : originals.length === 0 ? (
          <Empty>No open invoices: the whole receipt stays unapplied.</Empty>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">Apply to open invoices</caption>
              <thead>
                <tr>
                  <th scope="col">Invoice</th>
                  <th scope="col">Due</th>
                  <th scope="col" className="num">
                    Open
                  </th>
                  <th scope="col">Apply</th>
                </tr>
              </thead>
              <tbody>
                {originals.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{i.number}</th>
                    <td>{formatLocalDate(i.dueOn, display, "short")}</td>
                    <td className="num">{formatCents(i.openCents)}</td>
                    <td>
                      <TextInput
                        label={`Apply to ${i.number}`}
                        value={apply[i.id] ?? ""}
                        onChange={(v) => setApply((a) => ({ ...a, [i.id]: v }))}
                        inputMode="decimal"
                        size="small"
                        errorMessage={
                          (dollarsToCents(apply[i.id] ?? "") ?? 0) > i.openCents
                            ? "More than is open"
                            : undefined
                        }
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="muted">
          Applied {formatCents(appliedCents)}
          {cents !== null && !Number.isNaN(cents)
            ? `, unapplied ${formatCents(Math.max(0, cents - appliedCents))}`
            : ""}
        </p>
        {over ? (
          <p role="alert" className="alert alert-error">
            The applications add up to more than the receipt.
          </p>
        ) : null}
        {record.error ? (
          <p role="alert" className="alert alert-error">
            {errorText(record.error)}
          </p>
        ) : null}
        <div>
          <Button type="submit" className="btn btn-primary" isPending={record.isPending}>
            Record receipt
          </Button>
        </div>
      </Form>
      {receipts.isError ? <ErrorAlert error={receipts.error} /> : null}
      {receipts.data && receipts.data.data.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Receipts</caption>
            <thead>
              <tr>
                <th scope="col">Receipt</th>
                <th scope="col">Received</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col" className="num">
                  Applied
                </th>
                <th scope="col" className="num">
                  Unapplied
                </th>
                <th scope="col">Applied to</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {receipts.data.data.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {r.method === "eft" ? "EFT" : "Check"} {r.reference}
                    {r.reversedAt ? " (reversed)" : ""}
                  </th>
                  <td>{formatLocalDate(r.receivedOn, display, "short")}</td>
                  <td className="num">{formatCents(r.amountCents)}</td>
                  <td className="num">{formatCents(r.appliedCents)}</td>
                  <td className="num">{formatCents(r.unappliedCents)}</td>
                  <td>{[...new Set(r.applications.map((a) => a.invoiceNumber))].join(", ")}</td>
                  <td>
                    {r.reversedAt ? null : (
                      <Button
                        className="btn btn-small"
                        aria-label={`Reverse receipt ${r.reference}`}
                        onPress={() => setReversing({ id: r.id, reference: r.reference })}
                      >
                        Reverse
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {reversing ? (
        <ReasonDialog
          title={`Reverse receipt ${reversing.reference}?`}
          explanation="Every application of the receipt is undone (the invoices it paid are open again); the receipt stays, marked reversed."
          confirmLabel="Reverse receipt"
          isOpen
          onOpenChange={(o) => {
            if (!o) setReversing(null);
          }}
          isPending={reverse.isPending}
          error={reverse.error}
          onConfirm={async (reason) => {
            try {
              await reverse.mutateAsync({ receiptId: reversing.id, reason });
              setDone(`Receipt ${reversing.reference} reversed.`);
              setReversing(null);
            } catch {
              // shown in the dialog
            }
          }}
        />
      ) : null}
    </Section>
  );
};
