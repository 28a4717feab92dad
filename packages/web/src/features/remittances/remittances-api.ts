import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type {
  ClaimsSettingsView,
  Posting,
  PostingRule,
  Remittance,
  Resolution,
  WorkItem,
} from "../../api/models";

export type {
  Imbalance,
  InboundResult,
  Posting,
  PostingRule,
  ProviderAdjustment,
  Remittance,
  RemittanceClaim,
  WorkItem,
} from "../../api/models";

export type RemittanceStatus = Remittance["status"];
export type PostingKind = Posting["kind"];
export type WorkItemKind = WorkItem["kind"];
export type WorkItemAction = WorkItem["actions"][number];
export type PostingRuleFields = Pick<PostingRule, "payerId" | "groupCode" | "reasonCode" | "action">;
export type ClaimsSettings = ClaimsSettingsView;

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
      unwrap(
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
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/remittances/{id}", { params: { path: { practiceId, id } } }),
      ),
  });

/** Everything a posted remittance changes: remittances, the work queue, claims (statuses), invoices (balances). */
const useInvalidatePostings = (practiceId: string) => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      ["remittances", "work-queue", "claims", "invoices", "files"].map((k) =>
        queryClient.invalidateQueries({ queryKey: [practiceId, k] }),
      ),
    );
};

/** Uploads an 835 (or 999/277CA): stored and processed like a file picked up from the clearinghouse. */
export const useImportFile = (practiceId: string) => {
  const invalidate = useInvalidatePostings(practiceId);
  return useMutation({
    mutationFn: (file: { name: string; content: string }) =>
      unwrap(
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
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/work-queue", {
          params: { path: { practiceId }, query: { status, limit, cursor } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export type { Resolution } from "../../api/models";

export const useResolveWorkItem = (practiceId: string) => {
  const invalidate = useInvalidatePostings(practiceId);
  return useMutation({
    mutationFn: ({ id, resolution }: { id: string; resolution: Resolution }) =>
      unwrap(
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
      unwrap(
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
        ? unwrap(
            api.PATCH("/api/v1/practices/{practiceId}/posting-rules/{id}", {
              params: { path: { practiceId, id: rule.id } },
              body: { ...fields, version: rule.version },
            }),
          )
        : unwrap(
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
      unwrap(api.GET("/api/v1/practices/{practiceId}/claims-settings", { params: { path: { practiceId } } })),
  });

/** Saves the claims settings with one change, under the version last read (0 before the first save). */
export const useSaveUnknownCodeAction = (practiceId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (unknownCodeAction: ClaimsSettings["settings"]["unknownCodeAction"]) => {
      const current = queryClient.getQueryData<ClaimsSettings>(settingsKey(practiceId));
      if (!current) throw new Error("settings not loaded");
      return unwrap(
        api.PUT("/api/v1/practices/{practiceId}/claims-settings", {
          params: { path: { practiceId } },
          body: { settings: { ...current.settings, unknownCodeAction }, version: current.version },
        }),
      );
    },
    onSuccess: (saved) =>
      queryClient.setQueryData<ClaimsSettings>(settingsKey(practiceId), (old) =>
        old ? { ...old, ...saved } : old,
      ),
  });
};

export const useFilesPage = (
  practiceId: string,
  direction: "inbound" | "outbound" | undefined,
  cursor: string | undefined,
  limit: number,
) =>
  useQuery({
    queryKey: [practiceId, "files", "page", direction, cursor, limit],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/files", {
          params: { path: { practiceId }, query: { direction, cursor, limit } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

/** Where a file's original bytes download from (a same-origin link: the session cookie goes with it). */
export const fileContentUrl = (practiceId: string, fileId: string) =>
  `/api/v1/practices/${practiceId}/files/${fileId}/content`;
