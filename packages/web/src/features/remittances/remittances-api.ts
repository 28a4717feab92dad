import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap, unwrapAs } from "../../api/client";
import type { Page } from "../../api/types";

/** Narrow types for what the remittance screens read, as the server returns them (the OpenAPI shapes are loose). */

export type RemittanceStatus = "posted" | "partially_posted" | "needs_review";

/** One failed balancing equation of an 835 (line, claim or the whole transaction). */
export type Imbalance = {
  level: "line" | "claim" | "transaction";
  patientControlNumber?: string;
  lineNumber?: number;
  reportedCents: number;
  computedCents: number;
  differenceCents: number;
  message: string;
};

/** A PLB provider-level adjustment. */
export type ProviderAdjustment = {
  providerId: string;
  fiscalPeriodDate: string | null;
  reason: string;
  reasonText: string | null;
  referenceId: string | null;
  amountCents: number;
};

export type PostingKind =
  | "payment"
  | "write_off"
  | "patient_responsibility"
  | "denial"
  | "informational"
  | "reversal";

export type Posting = {
  id: string;
  claimId: string;
  claimLineId: string | null;
  invoiceId: string;
  kind: PostingKind;
  groupCode: string | null;
  reasonCode: string | null;
  amountCents: number;
  reversesPostingId: string | null;
  createdAt: string;
  actor: string;
};

export type RemittanceClaim = {
  id: string;
  position: number;
  claimId: string | null;
  patientControlNumber: string;
  statusCode: string;
  chargeCents: number;
  paidCents: number;
  patientResponsibilityCents: number;
  payerClaimNumber: string | null;
  crossoverPayer: string | null;
  postingStatus: "posted" | "queued" | "dismissed";
  postings: Posting[];
};

export type Remittance = {
  id: string;
  version: number;
  createdAt: string;
  fileId: string;
  payerName: string;
  payerIdentifier: string;
  traceNumber: string;
  paymentMethod: string | null;
  paymentDate: string | null;
  totalPaidCents: number;
  providerAdjustmentCents: number;
  balanced: boolean;
  imbalances: Imbalance[];
  providerAdjustments: ProviderAdjustment[];
  status: RemittanceStatus;
  claimCount: number;
  claims?: RemittanceClaim[];
};

/** What an uploaded inbound file did (POST …/inbound-files). */
export type InboundResult = {
  fileId: string;
  name: string;
  kind: "999" | "277CA" | "835" | "unknown";
  status: "processed" | "rejected" | "duplicate";
  acknowledgments?: { accepted: number; rejected: number; unmatched: number };
  remittances?: Array<{
    remittanceId: string | null;
    traceNumber: string;
    status: RemittanceStatus | "duplicate";
    claims: number;
    posted: number;
    queued: number;
  }>;
  error?: string;
};

export type WorkItemKind =
  | "unbalanced"
  | "unmatched_claim"
  | "unmatched_line"
  | "blocked_code"
  | "reversal_without_original"
  | "duplicate_trace"
  | "malformed_claim";

export type WorkItemAction = "post" | "match" | "dismiss";

export type WorkItem = {
  id: string;
  remittanceId: string;
  remittanceClaimId: string | null;
  kind: WorkItemKind;
  reason: string;
  details: Record<string, unknown>;
  status: "open" | "resolved" | "dismissed";
  resolution: string | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  actions: WorkItemAction[];
};

export type PostingRule = {
  id: string;
  version: number;
  payerId: string | null;
  groupCode: "CO" | "PR" | "OA" | "PI" | "CR";
  reasonCode: string;
  action: "write_off" | "patient_responsibility" | "denial" | "informational" | "block";
};

export type PostingRuleFields = Pick<PostingRule, "payerId" | "groupCode" | "reasonCode" | "action">;

export type ClaimsSettings = {
  settings: {
    disabledWarnings: Array<"TIMELY_FILING_EXCEEDED" | "DUPLICATE_CLAIM">;
    unknownCodeAction: "block" | "deny";
    connectionId: string | null;
  };
  version: number;
};

export type RemittanceFilters = { status?: RemittanceStatus | undefined };

export const useRemittancesPage = (
  practiceId: string,
  filters: RemittanceFilters,
  cursor: string | undefined,
  limit: number,
) =>
  useQuery({
    queryKey: [practiceId, "remittances", "page", filters, cursor, limit],
    queryFn: () =>
      unwrapAs<Page<Remittance>>(
        api.GET("/api/v1/practices/{practiceId}/remittances", {
          params: { path: { practiceId }, query: { ...filters, limit, cursor } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export const useRemittance = (practiceId: string, id: string) =>
  useQuery({
    queryKey: [practiceId, "remittances", "one", id],
    queryFn: () =>
      unwrapAs<Remittance>(
        api.GET("/api/v1/practices/{practiceId}/remittances/{id}", { params: { path: { practiceId, id } } }),
      ),
  });

/** Everything a posted remittance changes: remittances, the work queue, claims (statuses), invoices (balances). */
const useInvalidatePostings = (practiceId: string) => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      ["remittances", "work-queue", "claims", "invoices"].map((k) =>
        queryClient.invalidateQueries({ queryKey: [practiceId, k] }),
      ),
    );
};

/** Uploads an 835 (or 999/277CA): stored and processed like a file picked up from the clearinghouse. */
export const useImportFile = (practiceId: string) => {
  const invalidate = useInvalidatePostings(practiceId);
  return useMutation({
    mutationFn: (file: { name: string; content: string }) =>
      unwrapAs<InboundResult>(
        api.POST("/api/v1/practices/{practiceId}/inbound-files", {
          params: { path: { practiceId } },
          body: file,
        }),
      ),
    onSuccess: () => invalidate(),
  });
};

export const useWorkQueuePage = (
  practiceId: string,
  status: WorkItem["status"],
  cursor: string | undefined,
  limit: number,
) =>
  useQuery({
    queryKey: [practiceId, "work-queue", "page", status, cursor, limit],
    queryFn: () =>
      unwrapAs<Page<WorkItem>>(
        api.GET("/api/v1/practices/{practiceId}/work-queue", {
          params: { path: { practiceId }, query: { status, limit, cursor } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export type Resolution =
  | { action: "dismiss"; reason: string }
  | { action: "post" }
  | { action: "match"; claimId: string };

export const useResolveWorkItem = (practiceId: string) => {
  const invalidate = useInvalidatePostings(practiceId);
  return useMutation({
    mutationFn: ({ id, resolution }: { id: string; resolution: Resolution }) =>
      unwrapAs<{ status: "resolved" | "dismissed" }>(
        api.POST("/api/v1/practices/{practiceId}/work-queue/{id}/resolve", {
          params: { path: { practiceId, id } },
          body: resolution,
        }),
      ),
    onSuccess: () => invalidate(),
  });
};

const rulesKey = (practiceId: string) => [practiceId, "posting-rules"] as const;

export const usePostingRules = (practiceId: string) =>
  useQuery({
    queryKey: rulesKey(practiceId),
    queryFn: () =>
      unwrapAs<Page<PostingRule>>(
        api.GET("/api/v1/practices/{practiceId}/posting-rules", {
          params: { path: { practiceId }, query: { limit: 200 } },
        }),
      ),
  });

/** Adds a rule, or changes one under the version it was read at (a change made meanwhile is refused). */
export const useSavePostingRule = (practiceId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ rule, fields }: { rule: PostingRule | null; fields: PostingRuleFields }) =>
      rule
        ? unwrapAs<PostingRule>(
            api.PATCH("/api/v1/practices/{practiceId}/posting-rules/{id}", {
              params: { path: { practiceId, id: rule.id } },
              body: { ...fields, version: rule.version },
            }),
          )
        : unwrapAs<PostingRule>(
            api.POST("/api/v1/practices/{practiceId}/posting-rules", {
              params: { path: { practiceId } },
              body: fields,
            }),
          ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesKey(practiceId) }),
  });
};

export const useDeletePostingRule = (practiceId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.DELETE("/api/v1/practices/{practiceId}/posting-rules/{id}", {
          params: { path: { practiceId, id } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesKey(practiceId) }),
  });
};

const settingsKey = (practiceId: string) => [practiceId, "claims-settings"] as const;

export const useClaimsSettings = (practiceId: string) =>
  useQuery({
    queryKey: settingsKey(practiceId),
    queryFn: () =>
      unwrapAs<ClaimsSettings>(
        api.GET("/api/v1/practices/{practiceId}/claims-settings", { params: { path: { practiceId } } }),
      ),
  });

/** Saves the claims settings with one change, under the version last read (0 before the first save). */
export const useSaveUnknownCodeAction = (practiceId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (unknownCodeAction: ClaimsSettings["settings"]["unknownCodeAction"]) => {
      const current = queryClient.getQueryData<ClaimsSettings>(settingsKey(practiceId));
      if (!current) throw new Error("settings not loaded");
      return unwrapAs<ClaimsSettings>(
        api.PUT("/api/v1/practices/{practiceId}/claims-settings", {
          params: { path: { practiceId } },
          body: { settings: { ...current.settings, unknownCodeAction }, version: current.version },
        }),
      );
    },
    onSuccess: (saved) =>
      queryClient.setQueryData<ClaimsSettings>(settingsKey(practiceId), (old) => ({ ...old, ...saved })),
  });
};
