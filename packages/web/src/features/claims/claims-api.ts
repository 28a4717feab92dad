import type { ClaimStatus } from "@billcycle/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, unwrapAs } from "../../api/client";
import type { Claim, Page } from "../../api/types";

/** The board's columns, in the order a claim moves through them. */
export const boardStatuses: readonly ClaimStatus[] = [
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
  filters: { status?: ClaimStatus | undefined; clientId?: string | undefined },
  cursor: string | undefined,
  limit: number,
) =>
  useQuery({
    queryKey: [practiceId, "claims", "page", filters, cursor, limit],
    queryFn: () =>
      unwrapAs<Page<Claim>>(
        api.GET("/api/v1/practices/{practiceId}/claims", {
          params: { path: { practiceId }, query: { ...filters, limit, cursor } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export const useClaim = (practiceId: string, id: string) =>
  useQuery({
    queryKey: [practiceId, "claims", "one", id],
    queryFn: () =>
      unwrapAs<Claim>(
        api.GET("/api/v1/practices/{practiceId}/claims/{id}", { params: { path: { practiceId, id } } }),
      ),
  });
