import type { InvoicePaymentStatus, InvoiceStatus } from "@billcycle/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { Invoice, InvoiceSort } from "../../api/models";

export type InvoiceFilters = {
  status?: InvoiceStatus | undefined;
  paymentStatus?: InvoicePaymentStatus | undefined;
  clientId?: string | undefined;
  /** An invoice number, with or without its prefix. */
  number?: string | undefined;
  providerId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  minCents?: number | undefined;
  maxCents?: number | undefined;
  /** The API's sort (`invoiceDate`, `-totalCents`, …). */
  sort?: InvoiceSort | undefined;
};

/** One server page of invoices: status, client, provider, date range and amount are filtered by the API. */
export const useInvoicesPage = (
  practiceId: string,
  filters: InvoiceFilters,
  cursor: string | undefined,
  limit: number,
) =>
  useQuery({
    queryKey: [practiceId, "invoices", "page", filters, cursor, limit],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/invoices", {
          // With the count of every invoice the filters match, which the list shows beside its pages.
          params: { path: { practiceId }, query: { ...filters, limit, cursor, withTotal: "true" } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export const useInvoice = (practiceId: string, id: string) =>
  useQuery({
    queryKey: [practiceId, "invoices", "one", id],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/invoices/{id}", { params: { path: { practiceId, id } } }),
      ),
  });

export const useInvoiceClaims = (practiceId: string, invoiceId: string) =>
  useQuery({
    queryKey: [practiceId, "claims", "of-invoice", invoiceId],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/claims", {
          params: { path: { practiceId }, query: { invoiceId, limit: 20 } },
        }),
      ),
  });

const useInvalidateInvoices = (practiceId: string) => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [practiceId, "invoices"] }),
      queryClient.invalidateQueries({ queryKey: [practiceId, "billing-explanation"] }),
    ]);
};

/** Opens reviewed Pended invoices, all or none. */
export const useOpenInvoices = (practiceId: string) => {
  const invalidate = useInvalidateInvoices(practiceId);
  return useMutation({
    mutationFn: (invoiceIds: string[]) =>
      unwrap(
        api.POST("/api/v1/practices/{practiceId}/invoices/open", {
          params: { path: { practiceId } },
          body: { invoiceIds },
        }),
      ),
    onSuccess: () => invalidate(),
  });
};

export const useVoidInvoice = (practiceId: string, id: string) => {
  const invalidate = useInvalidateInvoices(practiceId);
  return useMutation({
    mutationFn: (body: { reason: string; disposition: "correction" | "waive" }) =>
      unwrap(
        api.POST("/api/v1/practices/{practiceId}/invoices/{id}/void", {
          params: { path: { practiceId, id } },
          body,
        }),
      ),
    onSuccess: () => invalidate(),
  });
};

/** Takes the client payments on an invoice back to credit on account, so the invoice can be voided. */
export const useMovePayments = (practiceId: string, id: string) => {
  const invalidate = useInvalidateInvoices(practiceId);
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/practices/{practiceId}/invoices/{id}/move-payments", {
          params: { path: { practiceId, id } },
        }),
      ),
    onSuccess: () => invalidate(),
  });
};

/** Writes off one line of an issued invoice (client responsibility), with a reason, through the client ledger. */
export const useWriteOffLine = (practiceId: string, clientId: string) => {
  const invalidate = useInvalidateInvoices(practiceId);
  return useMutation({
    mutationFn: (body: { invoiceId: string; invoiceLineId: string; amountCents?: number; reason: string }) =>
      unwrap(
        api.POST("/api/v1/practices/{practiceId}/clients/{clientId}/write-offs", {
          params: { path: { practiceId, clientId } },
          body: { ...body, kind: "write_off" },
        }),
      ),
    onSuccess: () => invalidate(),
  });
};

export const useAddProduct = (practiceId: string, id: string) => {
  const invalidate = useInvalidateInvoices(practiceId);
  return useMutation({
    mutationFn: (body: { productId: string; quantity: number }) =>
      unwrap(
        api.POST("/api/v1/practices/{practiceId}/invoices/{id}/products", {
          params: { path: { practiceId, id } },
          body,
        }),
      ),
    onSuccess: () => invalidate(),
  });
};

/** What is still owed on an invoice (never below zero). */
export const balanceCents = (i: Invoice): number =>
  i.status === "void"
    ? 0
    : Math.max(
        0,
        i.totalCents - i.insurancePaidCents - i.clientPaidCents - i.adjustmentCents - i.clientWrittenOffCents,
      );
