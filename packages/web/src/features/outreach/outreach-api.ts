import type { OutreachAction, OutreachSetStatus } from "@billcycle/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { components } from "../../api/schema";

type Schemas = components["schemas"];
export type OutreachSet = Schemas["outreachSet"];
export type OutreachEvent = Schemas["outreachEvent"];
export type OutreachMetrics = Schemas["outreachMetrics"];
export type RuleSet = Schemas["outreachRuleSet"];
export type BulkOutreachResult = Schemas["bulkOutreachResult"];

/** The list's filters as the API takes them (amounts in cents, ranges as instants). */
export type OutreachFilters = {
  search?: string | undefined;
  status?: OutreachSetStatus[] | undefined;
  minAmountCents?: number | undefined;
  maxAmountCents?: number | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  nextSendFrom?: string | undefined;
  nextSendTo?: string | undefined;
  ruleSetId?: string | undefined;
};

const key = (practiceId: string, ...rest: unknown[]) => [practiceId, "outreach", ...rest];

/** One server page of invoice sets, every filter applied by the API. */
export const useOutreachSets = (
  practiceId: string,
  filters: OutreachFilters,
  cursor: string | undefined,
  limit: number,
) =>
  useQuery({
    queryKey: key(practiceId, "sets", filters, cursor, limit),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/outreach/sets", {
          params: { path: { practiceId }, query: { ...filters, limit, cursor } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

/** The four metric cards: counts of the whole practice, whatever the filters. */
export const useOutreachMetrics = (practiceId: string) =>
  useQuery({
    queryKey: key(practiceId, "metrics"),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/outreach/metrics", { params: { path: { practiceId } } }),
      ),
  });

export const useRuleSets = (practiceId: string) =>
  useQuery({
    queryKey: key(practiceId, "rule-sets"),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/outreach/rule-sets", { params: { path: { practiceId } } }),
      ),
    staleTime: 60_000,
  });

export const useOutreachTimeline = (practiceId: string, setId: string) =>
  useQuery({
    queryKey: key(practiceId, "timeline", setId),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/outreach/sets/{setId}/timeline", {
          params: { path: { practiceId, setId } },
        }),
      ),
  });

export type ActionRequest = {
  action: OutreachAction;
  ruleSetId?: string | undefined;
  reason?: string | undefined;
};

/** After an action the list, the cards and the timelines all may have moved. */
const useInvalidateOutreach = (practiceId: string) => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: key(practiceId) });
};

/** One action on one set, with the version it was read at (412 when someone moved it meanwhile). */
export const useOutreachAction = (practiceId: string) => {
  const invalidate = useInvalidateOutreach(practiceId);
  return useMutation({
    mutationFn: ({ set, request }: { set: OutreachSet; request: ActionRequest }) =>
      unwrap(
        api.POST("/api/v1/practices/{practiceId}/outreach/sets/{setId}/actions", {
          params: { path: { practiceId, setId: set.id } },
          body: { ...request, version: set.version },
        }),
      ),
    onSuccess: () => invalidate(),
  });
};

/** The same action on many sets: the API does it where the status allows and says why it skipped the rest. */
export const useBulkOutreachAction = (practiceId: string) => {
  const invalidate = useInvalidateOutreach(practiceId);
  return useMutation({
    mutationFn: ({ setIds, request }: { setIds: string[]; request: ActionRequest }) =>
      unwrap(
        api.POST("/api/v1/practices/{practiceId}/outreach/bulk-actions", {
          params: { path: { practiceId } },
          body: { ...request, setIds },
        }),
      ),
    onSuccess: () => invalidate(),
  });
};

/**
 * The collections CSV for the agency, fetched through the API client and handed to the browser as a download
 * (the session cookie rides along; nothing is opened in a new window).
 */
export const downloadCollectionsCsv = async (practiceId: string): Promise<void> => {
  const blob = await unwrap(
    api.GET("/api/v1/practices/{practiceId}/outreach/collections.csv", {
      params: { path: { practiceId } },
      parseAs: "blob",
    }),
  );
  const url = URL.createObjectURL(blob as Blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = "collections.csv";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
