import type { AutomationKind } from "@billcycle/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";

export const useRunsPage = (
  practiceId: string,
  automation: AutomationKind | undefined,
  cursor: string | undefined,
  limit: number,
) =>
  useQuery({
    queryKey: [practiceId, "automation-runs", automation, cursor, limit],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/automation-runs", {
          params: { path: { practiceId }, query: { automation, cursor, limit } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export const useRunOutcomes = (
  practiceId: string,
  runId: string,
  reason: string | undefined,
  cursor: string | undefined,
  limit: number,
) =>
  useQuery({
    queryKey: [practiceId, "automation-runs", runId, "outcomes", reason, cursor, limit],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/automation-runs/{id}/outcomes", {
          params: { path: { practiceId, id: runId }, query: { reason, cursor, limit } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
