import type { AppliedPayment } from "@billcycle/core";
import type { Executor } from "@billcycle/db";

/**
 * LEDGER SEAM: the client's payments applied to one invoice, as a bill lists them. Until the client ledger is merged
 * the invoice only knows their total (`client_paid_cents`), shown as one undated line; at merge this becomes the
 * ledger's payment entries applied to the invoice (date, method, amount). The bill's amount due is computed from
 * whatever this returns, so nothing else changes.
 */
export const loadClientPaymentsForBill = async (
  _tx: Executor,
  invoice: { practiceId: string; invoiceId: string; clientPaidCents: number },
): Promise<AppliedPayment[]> =>
  invoice.clientPaidCents !== 0
    ? [
        {
          date: null,
          payer: "client",
          description: "Payments received",
          amountCents: invoice.clientPaidCents,
        },
      ]
    : [];
