import type { ClaimStage } from "@billcycle/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { ClaimSort } from "../../api/models";

/** The board's columns, in the order a claim moves through them. */
export const boardStatuses: readonly ClaimStage[] = [
  "awaiting_submission",
  "scrubber_rejected",
  "submitted",
  "accepted",
  "rejected",
  "paid",
  "partially_paid",
  "denied",
];

export const useClaimsPage = (
  practiceId: string,
  filters: {
    stage?: ClaimStage | undefined;
    clientId?: string | undefined;
    search?: string | undefined;
    sort?: ClaimSort | undefined;
  },
  cursor: string | undefined,
  limit: number,
) =>
  useQuery({
    queryKey: [practiceId, "claims", "page", filters, cursor, limit],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/claims", {
          params: { path: { practiceId }, query: { ...filters, limit, cursor } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export const useClaim = (practiceId: string, id: string, options: { enabled?: boolean } = {}) =>
  useQuery({
    ...options,
    queryKey: [practiceId, "claims", "one", id],
    queryFn: () =>
      unwrap(api.GET("/api/v1/practices/{practiceId}/claims/{id}", { params: { path: { practiceId, id } } })),
  });

/** How many claims the practice has in each status. */
export const useClaimCounts = (practiceId: string) =>
  useQuery({
    queryKey: [practiceId, "claims", "counts"],
    queryFn: () =>
      unwrap(api.GET("/api/v1/practices/{practiceId}/claims/counts", { params: { path: { practiceId } } })),
  });

export type { ScrubResult, SubmitResult } from "../../api/models";

export const useRescrub = (practiceId: string, id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST("/api/v1/practices/{practiceId}/claims/{id}/rescrub", {
          params: { path: { practiceId, id } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [practiceId, "claims"] }),
  });
};

export const useSubmitClaims = (practiceId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ dryRun, sendHeld }: { dryRun: boolean; sendHeld: boolean }) =>
      unwrap(
        api.POST("/api/v1/practices/{practiceId}/claims/submit", {
          params: { path: { practiceId } },
          body: { dryRun, sendHeld },
        }),
      ),
    onSuccess: (_, { dryRun }) =>
      dryRun
        ? undefined
        : Promise.all([
            queryClient.invalidateQueries({ queryKey: [practiceId, "claims"] }),
            queryClient.invalidateQueries({ queryKey: [practiceId, "automation-runs"] }),
          ]),
  });
};

/** The denials queue: denied or rejected claims not yet acted on, with the payer's codes in words. */
export const useDenials = (practiceId: string) =>
  useQuery({
    queryKey: [practiceId, "claims", "denials"],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/denials", {
          params: { path: { practiceId }, query: { limit: 200 } },
        }),
      ),
  });

export type FollowUpAction = "replace" | "void_at_payer" | "resubmit" | "write_off" | "bill_client";

/** One action on a denied or rejected claim (replace, void at payer, resubmit, write off, bill the client). */
export const useFollowUpClaim = (practiceId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      claimId: string;
      action: FollowUpAction;
      reason: string;
      corrections?: { diagnosisCodes?: string[] };
    }) =>
      unwrap(
        api.POST("/api/v1/practices/{practiceId}/claims/{id}/follow-up", {
          params: { path: { practiceId, id: input.claimId } },
          body: {
            action: input.action,
            reason: input.reason,
            ...(input.corrections ? { corrections: input.corrections } : {}),
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [practiceId] }),
  });
};
