import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { RecordPayment } from "../../api/models";

const path = { base: "/api/v1/practices/{practiceId}/clients/{clientId}" } as const;

export const useClientBalance = (practiceId: string, clientId: string) =>
  useQuery({
    queryKey: [practiceId, "client-billing", clientId, "balance"],
    queryFn: () => unwrap(api.GET(`${path.base}/balance`, { params: { path: { practiceId, clientId } } })),
  });

export const useClientLedger = (practiceId: string, clientId: string, cursor: string | undefined) =>
  useQuery({
    queryKey: [practiceId, "client-billing", clientId, "ledger", cursor],
    queryFn: () =>
      unwrap(
        api.GET(`${path.base}/ledger`, {
          params: { path: { practiceId, clientId }, query: { limit: 50, cursor } },
        }),
      ),
  });

export const useClientPayments = (practiceId: string, clientId: string) =>
  useQuery({
    queryKey: [practiceId, "client-billing", clientId, "payments"],
    queryFn: () =>
      unwrap(
        api.GET(`${path.base}/payments`, {
          params: { path: { practiceId, clientId }, query: { limit: 50 } },
        }),
      ),
  });

const useInvalidate = (practiceId: string, clientId: string) => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [practiceId, "client-billing", clientId] }),
      queryClient.invalidateQueries({ queryKey: [practiceId, "invoices"] }),
    ]);
};

/** Records a payment; the key is chosen once per dialog, so pressing Record again after a timeout cannot pay twice. */
export const useRecordPayment = (practiceId: string, clientId: string) => {
  const invalidate = useInvalidate(practiceId, clientId);
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: RecordPayment; idempotencyKey: string }) =>
      unwrap(
        api.POST(`${path.base}/payments`, {
          params: { path: { practiceId, clientId }, header: { "idempotency-key": idempotencyKey } },
          body,
        }),
      ),
    onSuccess: () => invalidate(),
  });
};

export const useRefundPayment = (practiceId: string, clientId: string) => {
  const invalidate = useInvalidate(practiceId, clientId);
  return useMutation({
    mutationFn: ({
      paymentId,
      amountCents,
      reason,
    }: {
      paymentId: string;
      amountCents: number;
      reason: string;
    }) =>
      unwrap(
        api.POST(`${path.base}/payments/{paymentId}/refunds`, {
          params: { path: { practiceId, clientId, paymentId } },
          body: { amountCents, reason },
        }),
      ),
    onSuccess: () => invalidate(),
  });
};

export const useWriteOff = (practiceId: string, clientId: string) => {
  const invalidate = useInvalidate(practiceId, clientId);
  return useMutation({
    mutationFn: (body: {
      invoiceId: string;
      kind: "write_off" | "adjustment";
      amountCents?: number;
      reason: string;
    }) => unwrap(api.POST(`${path.base}/write-offs`, { params: { path: { practiceId, clientId } }, body })),
    onSuccess: () => invalidate(),
  });
};
