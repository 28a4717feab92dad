import { useMutation } from "@tanstack/react-query";
import { Button } from "react-aria-components";
import { useNavigate } from "react-router";
import { api, errorText, unwrap } from "../../../api/client";
import { usePractice } from "../../../app/practice-context";
import { ErrorAlert } from "../../../components/feedback";
import { useInvalidateBilling } from "../sessions-api";

/**
 * "Invoice now": bills this one session at once instead of waiting for the night's run (exclusion rules do not
 * hold a person; the billing rules still do, and a refusal lists what is missing).
 */
export const InvoiceNowFix = ({ appointmentId }: { appointmentId: string }) => {
  const { practiceId } = usePractice();
  const invalidate = useInvalidateBilling(practiceId);
  const navigate = useNavigate();
  const invoice = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/practices/{practiceId}/appointments/{id}/invoice", {
          params: { path: { practiceId, id: appointmentId } },
        }),
      ),
    onSuccess: async (made) => {
      await invalidate();
      await navigate(`/p/${practiceId}/invoices/${made.invoiceId}`);
    },
  });
  return (
    <div className="invoice-now">
      <Button className="btn btn-primary" onPress={() => invoice.mutate()} isDisabled={invoice.isPending}>
        {invoice.isPending ? "Invoicing…" : "Invoice now"}
      </Button>
      {invoice.isError ? <ErrorAlert>{errorText(invoice.error)}</ErrorAlert> : null}
    </div>
  );
};
