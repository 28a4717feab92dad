import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { components } from "../../api/schema";

type Schemas = components["schemas"];
export type EmployerBatch = Schemas["EmployerBatch"];
export type EmployerBatchDetail = Schemas["EmployerBatchDetail"];
export type EmployerInvoiceSummary = Schemas["EmployerInvoiceSummary"];
export type EmployerInvoiceDetail = Schemas["EmployerInvoiceDetail"];
export type EmployerDashboard = Schemas["EmployerDashboard"];
export type EmployerReceipt = Schemas["EmployerReceipt"];
export type CreateEmployerBatchBody = Schemas["CreateEmployerBatchBody"];
export type RecordReceiptBody = Schemas["RecordReceiptBody"];
export type InvoiceProfile = Schemas["InvoiceProfile"];
export type InvoiceProfileBody = Schemas["InvoiceProfileBody"];
export type InvoiceStatusFilter = "open" | "paid" | "all";

const base = "/api/v1/practices/{practiceId}/employer-billing" as const;
const key = (practiceId: string, ...rest: unknown[]) => [practiceId, "employer-billing", ...rest];

/** Employers and groups for the Employer or Employer Group lookup (the practice's whole directory, max 200 each). */
export const useBillToLookup = (practiceId: string) =>
  useQuery({
    queryKey: key(practiceId, "lookup"),
    queryFn: async () => {
      const [employers, groups] = await Promise.all([
        unwrap(
          api.GET("/api/v1/practices/{practiceId}/employers", {
            params: { path: { practiceId }, query: { limit: 200 } },
          }),
        ),
        unwrap(
          api.GET("/api/v1/practices/{practiceId}/employer-groups", {
            params: { path: { practiceId }, query: { limit: 200 } },
          }),
        ),
      ]);
      return { employers: employers.data, groups: groups.data };
    },
    staleTime: 60_000,
  });

export const useEmployerBatches = (practiceId: string, employerId?: string) =>
  useQuery({
    queryKey: key(practiceId, "batches", employerId ?? null),
    queryFn: () =>
      unwrap(
        api.GET(`${base}/batches`, {
          params: { path: { practiceId }, query: { limit: 50, ...(employerId ? { employerId } : {}) } },
        }),
      ),
  });

export const useEmployerBatch = (practiceId: string, batchNumber: number) =>
  useQuery({
    queryKey: key(practiceId, "batch", batchNumber),
    queryFn: () =>
      unwrap(api.GET(`${base}/batches/{batchNumber}`, { params: { path: { practiceId, batchNumber } } })),
    enabled: Number.isInteger(batchNumber) && batchNumber > 0,
  });

export const useEmployerInvoice = (practiceId: string, invoiceId: string | null) =>
  useQuery({
    queryKey: key(practiceId, "invoice", invoiceId),
    queryFn: () =>
      unwrap(
        api.GET(`${base}/invoices/{invoiceId}`, {
          params: { path: { practiceId, invoiceId: invoiceId ?? "" } },
        }),
      ),
    enabled: invoiceId !== null,
  });

export const useInvoiceHistory = (
  practiceId: string,
  filter: { employerId?: string; status: InvoiceStatusFilter; search: string },
) =>
  useQuery({
    queryKey: key(practiceId, "invoices", filter),
    queryFn: () =>
      unwrap(
        api.GET(`${base}/invoices`, {
          params: {
            path: { practiceId },
            query: {
              status: filter.status,
              limit: 50,
              ...(filter.employerId ? { employerId: filter.employerId } : {}),
              ...(filter.search ? { search: filter.search } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export const useEmployerDashboard = (practiceId: string, employerId: string) =>
  useQuery({
    queryKey: key(practiceId, "dashboard", employerId),
    queryFn: () =>
      unwrap(
        api.GET(`${base}/employers/{employerId}/dashboard`, { params: { path: { practiceId, employerId } } }),
      ),
  });

export const useEmployerReceipts = (practiceId: string, employerId: string) =>
  useQuery({
    queryKey: key(practiceId, "receipts", employerId),
    queryFn: () =>
      unwrap(
        api.GET(`${base}/employers/{employerId}/receipts`, { params: { path: { practiceId, employerId } } }),
      ),
  });

/** The practice's invoice profile, or with `employerId` the one that applies to that employer. */
export const useInvoiceProfile = (practiceId: string, employerId?: string) =>
  useQuery({
    queryKey: key(practiceId, "invoice-profile", employerId ?? null),
    queryFn: () =>
      unwrap(
        api.GET(`${base}/invoice-profile`, {
          params: { path: { practiceId }, query: employerId ? { employerId } : {} },
        }),
      ),
  });

const useInvalidate = (practiceId: string) => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key(practiceId) });
};

export const useCreateEmployerBatch = (practiceId: string) => {
  const invalidate = useInvalidate(practiceId);
  return useMutation({
    mutationFn: (body: CreateEmployerBatchBody) =>
      unwrap(api.POST(`${base}/batches`, { params: { path: { practiceId } }, body })),
    onSuccess: () => invalidate(),
  });
};

export const useCreateCreditMemo = (practiceId: string) => {
  const invalidate = useInvalidate(practiceId);
  return useMutation({
    mutationFn: ({
      invoiceId,
      appointmentIds,
      reason,
    }: {
      invoiceId: string;
      appointmentIds: string[];
      reason: string;
    }) =>
      unwrap(
        api.POST(`${base}/invoices/{invoiceId}/credit-memos`, {
          params: { path: { practiceId, invoiceId } },
          body: { appointmentIds, reason },
        }),
      ),
    onSuccess: () => invalidate(),
  });
};

export const useRecordReceipt = (practiceId: string) => {
  const invalidate = useInvalidate(practiceId);
  return useMutation({
    mutationFn: (body: RecordReceiptBody) =>
      unwrap(api.POST(`${base}/receipts`, { params: { path: { practiceId } }, body })),
    onSuccess: () => invalidate(),
  });
};

export const useSaveInvoiceProfile = (practiceId: string) => {
  const invalidate = useInvalidate(practiceId);
  return useMutation({
    mutationFn: ({
      body,
      version,
      employerId,
    }: {
      body: InvoiceProfileBody;
      version: number;
      employerId?: string | undefined;
    }) =>
      unwrap(
        api.PUT(`${base}/invoice-profile`, {
          params: { path: { practiceId } },
          body: { profile: body, version, ...(employerId ? { employerId } : {}) },
        }),
      ),
    onSuccess: () => invalidate(),
  });
};

/** `stb 1042` → where to go. */
export const navigateEmployerBilling = (practiceId: string, q: string) =>
  unwrap(api.GET(`${base}/navigate`, { params: { path: { practiceId }, query: { q } } }));

/** "partially_paid" → "Partially paid". */
export const statusLabel = (status: string): string => {
  const text = status.replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** Re-batch: the batch's invoices again as INV-…-2, -3, net of payments and credits since. */
export const useRebatch = (practiceId: string) => {
  const invalidate = useInvalidate(practiceId);
  return useMutation({
    mutationFn: ({ batchNumber, note }: { batchNumber: number; note?: string }) =>
      unwrap(
        api.POST(`${base}/batches/{batchNumber}/rebatch`, {
          params: { path: { practiceId, batchNumber } },
          body: note ? { note } : {},
        }),
      ),
    onSuccess: () => invalidate(),
  });
};

/** Where an invoice's stored PDF downloads from (same origin: the session cookie goes with it). */
export const invoicePdfUrl = (practiceId: string, invoiceId: string) =>
  `/api/v1/practices/${practiceId}/employer-billing/invoices/${invoiceId}/pdf`;

/** Void an Open invoice with nothing paid or credited (its encounters become billable again). */
export const useVoidInvoice = (practiceId: string) => {
  const invalidate = useInvalidate(practiceId);
  return useMutation({
    mutationFn: ({ invoiceId, reason }: { invoiceId: string; reason: string }) =>
      unwrap(
        api.POST(`${base}/invoices/{invoiceId}/void`, {
          params: { path: { practiceId, invoiceId } },
          body: { reason },
        }),
      ),
    onSuccess: () => invalidate(),
  });
};

/** Email the stored PDF to the employer's billing contact. */
export const useEmailInvoice = (practiceId: string) => {
  const invalidate = useInvalidate(practiceId);
  return useMutation({
    mutationFn: (invoiceId: string) =>
      unwrap(api.POST(`${base}/invoices/{invoiceId}/email`, { params: { path: { practiceId, invoiceId } } })),
    onSuccess: () => invalidate(),
  });
};

/** Record invoices as printed (sent by post). */
export const useMarkPrinted = (practiceId: string) => {
  const invalidate = useInvalidate(practiceId);
  return useMutation({
    mutationFn: (invoiceIds: string[]) =>
      unwrap(
        api.POST(`${base}/invoices/printed`, { params: { path: { practiceId } }, body: { invoiceIds } }),
      ),
    onSuccess: () => invalidate(),
  });
};

/** Reverse a receipt: every application undone, the invoices' statuses follow. */
export const useReverseReceipt = (practiceId: string) => {
  const invalidate = useInvalidate(practiceId);
  return useMutation({
    mutationFn: ({ receiptId, reason }: { receiptId: string; reason: string }) =>
      unwrap(
        api.POST(`${base}/receipts/{receiptId}/reverse`, {
          params: { path: { practiceId, receiptId } },
          body: { reason },
        }),
      ),
    onSuccess: () => invalidate(),
  });
};
