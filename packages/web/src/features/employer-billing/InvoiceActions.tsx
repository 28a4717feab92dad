import { type FormEvent, useState } from "react";
import { Button, Form } from "react-aria-components";
import { errorText } from "../../api/client";
import { usePractice } from "../../app/practice-context";
import { ModalDialog } from "../../components/dialog";
import { Notice } from "../../components/feedback";
import { TextInput } from "../../components/fields";
import { formatInstant } from "../../lib/format";
import {
  type EmployerInvoiceDetail,
  invoicePdfUrl,
  useEmailInvoice,
  useMarkPrinted,
  useVoidInvoice,
} from "./employer-billing-api";

/** A reason, then the action: used for voiding an invoice and reversing a receipt. */
export const ReasonDialog = ({
  title,
  explanation,
  confirmLabel,
  isOpen,
  onOpenChange,
  isPending,
  error,
  onConfirm,
}: {
  title: string;
  explanation: string;
  confirmLabel: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  isPending: boolean;
  error: unknown;
  onConfirm: (reason: string) => Promise<void>;
}) => {
  const [reason, setReason] = useState("");
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return;
    await onConfirm(reason.trim());
  };
  return (
    <ModalDialog title={title} isOpen={isOpen} onOpenChange={onOpenChange}>
      <Form className="stack" onSubmit={submit}>
        <p>{explanation}</p>
        <TextInput label="Reason" value={reason} onChange={setReason} isRequired autoFocus />
        {error ? (
          <p role="alert" className="alert alert-error">
            {errorText(error)}
          </p>
        ) : null}
        <div className="dialog-actions">
          <Button className="btn" onPress={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" className="btn btn-danger" isPending={isPending} isDisabled={!reason.trim()}>
            {confirmLabel}
          </Button>
        </div>
      </Form>
    </ModalDialog>
  );
};

/**
 * What goes out with an invoice: download its stored PDF, email it to the employer's billing contact, record it
 * printed (sent by post), or void it while it is Open with nothing paid or credited.
 */
export const InvoiceActions = ({ detail }: { detail: EmployerInvoiceDetail }) => {
  const { practiceId, display } = usePractice();
  const email = useEmailInvoice(practiceId);
  const printed = useMarkPrinted(practiceId);
  const voidInvoice = useVoidInvoice(practiceId);
  const [voiding, setVoiding] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const inv = detail.invoice;
  const number = inv.number;
  // The server has the last word (INVOICE_HAS_PAYMENTS); this only hides what cannot apply.
  const canVoid =
    inv.kind === "invoice" && inv.status === "open" && inv.paidCents === 0 && inv.creditedCents === 0;
  const delivered = [
    inv.emailedAt ? `Emailed ${formatInstant(inv.emailedAt, display)}` : null,
    inv.printedAt ? `Printed ${formatInstant(inv.printedAt, display)}` : null,
  ].filter(Boolean);
  const error = email.error ?? printed.error;
  return (
    <div className="stack">
      {done ? <Notice>{done}</Notice> : null}
      <p className="muted">
        Delivery: {inv.delivery === "email" ? "email" : "print"}.{" "}
        {delivered.length ? `${delivered.join("; ")}.` : "Not sent yet."}
      </p>
      <div className="button-row">
        <a className="btn btn-small" href={invoicePdfUrl(practiceId, inv.id)} download={`${number}.pdf`}>
          Download PDF
        </a>
        {inv.status !== "void" ? (
          <>
            <Button
              className="btn btn-small"
              isPending={email.isPending}
              onPress={async () => {
                setDone(null);
                try {
                  const sent = await email.mutateAsync(inv.id);
                  setDone(`${number} emailed to ${sent.emailedTo ?? "the billing contact"}.`);
                } catch {
                  // shown below
                }
              }}
            >
              Email to billing contact
            </Button>
            <Button
              className="btn btn-small"
              isPending={printed.isPending}
              onPress={async () => {
                setDone(null);
                try {
                  await printed.mutateAsync([inv.id]);
                  setDone(`${number} marked printed.`);
                } catch {
                  // shown below
                }
              }}
            >
              Mark printed
            </Button>
          </>
        ) : null}
        {canVoid ? (
          <Button className="btn btn-small btn-danger" onPress={() => setVoiding(true)}>
            Void invoice
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="alert alert-error">
          {errorText(error)}
        </p>
      ) : null}
      <ReasonDialog
        title={`Void ${number}?`}
        explanation="The invoice and its re-batches become Void and its encounters can be billed again. Its PDF stays as issued."
        confirmLabel="Void invoice"
        isOpen={voiding}
        onOpenChange={setVoiding}
        isPending={voidInvoice.isPending}
        error={voidInvoice.error}
        onConfirm={async (reason) => {
          try {
            await voidInvoice.mutateAsync({ invoiceId: inv.id, reason });
            setVoiding(false);
            setDone(`${number} voided.`);
          } catch {
            // shown in the dialog
          }
        }}
      />
    </div>
  );
};
