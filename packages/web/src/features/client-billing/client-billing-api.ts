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

const cards = { base: "/api/v1/practices/{practiceId}/clients/{id}" } as const;

/** Where Stripe.js is loaded from (the server decides: Stripe's own in production, the fake in tests). */
export const useStripeSettings = (practiceId: string) =>
  useQuery({
    queryKey: [practiceId, "stripe-settings"],
    queryFn: () =>
      unwrap(api.GET("/api/v1/practices/{practiceId}/stripe-settings", { params: { path: { practiceId } } })),
    staleTime: 60_000,
  });

export const useClientCards = (practiceId: string, clientId: string) =>
  useQuery({
    queryKey: [practiceId, "client-billing", clientId, "cards"],
    queryFn: () => unwrap(api.GET(`${cards.base}/cards`, { params: { path: { practiceId, id: clientId } } })),
  });

export const useCardCharges = (practiceId: string, clientId: string) =>
  useQuery({
    queryKey: [practiceId, "client-billing", clientId, "card-charges"],
    queryFn: () =>
      unwrap(api.GET(`${cards.base}/card-charges`, { params: { path: { practiceId, id: clientId } } })),
  });

/** A SetupIntent's client secret and the publishable key, for Stripe's card element. */
export const useStartCardSetup = (practiceId: string, clientId: string) =>
  useMutation({
    mutationFn: () =>
      unwrap(api.POST(`${cards.base}/cards/setup`, { params: { path: { practiceId, id: clientId } } })),
  });

/** After the element saved a card at Stripe: read the client's cards from Stripe again. */
export const useRefreshCards = (practiceId: string, clientId: string) => {
  const invalidate = useInvalidate(practiceId, clientId);
  return useMutation({
    mutationFn: () =>
      unwrap(api.POST(`${cards.base}/cards/refresh`, { params: { path: { practiceId, id: clientId } } })),
    onSuccess: () => invalidate(),
  });
};

export const useSetDefaultCard = (practiceId: string, clientId: string) => {
  const invalidate = useInvalidate(practiceId, clientId);
  return useMutation({
    mutationFn: (cardId: string) =>
      unwrap(
        api.PUT(`${cards.base}/default-card`, {
          params: { path: { practiceId, id: clientId } },
          body: { cardId },
        }),
      ),
    onSuccess: () => invalidate(),
  });
};

export const useRemoveCard = (practiceId: string, clientId: string) => {
  const invalidate = useInvalidate(practiceId, clientId);
  return useMutation({
    mutationFn: (cardId: string) =>
      unwrap(
        api.DELETE(`${cards.base}/cards/{cardId}`, {
          params: { path: { practiceId, id: clientId, cardId } },
        }),
      ),
    onSuccess: () => invalidate(),
  });
};

/** Charges the default card; the key is made once per dialog, so a second press never charges twice. */
export const useChargeCard = (practiceId: string, clientId: string) => {
  const invalidate = useInvalidate(practiceId, clientId);
  return useMutation({
    mutationFn: (body: { amountCents: number; idempotencyKey: string; apply?: RecordPayment["apply"] }) =>
      unwrap(
        api.POST(`${cards.base}/card-charges`, { params: { path: { practiceId, id: clientId } }, body }),
      ),
    onSuccess: () => invalidate(),
  });
};

/** Refunds a card payment through Stripe (the money goes back to the card; the ledger follows). */
export const useRefundCardCharge = (practiceId: string, clientId: string) => {
  const invalidate = useInvalidate(practiceId, clientId);
  return useMutation({
    mutationFn: ({
      chargeId,
      ...body
    }: {
      chargeId: string;
      amountCents: number;
      idempotencyKey: string;
      reason: string;
    }) =>
      unwrap(
        api.POST("/api/v1/practices/{practiceId}/card-charges/{chargeId}/refunds", {
          params: { path: { practiceId, chargeId } },
          body,
        }),
      ),
    onSuccess: () => invalidate(),
  });
};

export const useClientDocuments = (practiceId: string, clientId: string) =>
  useQuery({
    queryKey: [practiceId, "client-billing", clientId, "documents"],
    queryFn: () =>
      unwrap(
        api.GET(`${cards.base}/documents`, {
          params: { path: { practiceId, id: clientId }, query: { limit: 50 } },
        }),
      ),
  });

export const useClientShares = (practiceId: string, clientId: string) =>
  useQuery({
    queryKey: [practiceId, "client-billing", clientId, "shares"],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/document-shares", {
          params: { path: { practiceId }, query: { clientId, limit: 200 } },
        }),
      ),
  });

export const useClientSharing = (practiceId: string, clientId: string) =>
  useQuery({
    queryKey: [practiceId, "client-billing", clientId, "sharing"],
    queryFn: () =>
      unwrap(api.GET(`${cards.base}/sharing`, { params: { path: { practiceId, id: clientId } } })),
  });
