import type { AutomationKind } from "@billcycle/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { AutomationConfig, AutomationSettings, AutomationSettingsBody } from "../../api/models";

/** The pipeline order a biller thinks in (a night runs them in reverse, see automations.ts). */
export const automationOrder: readonly AutomationKind[] = [
  "invoice_creation",
  "invoice_processing",
  "claims_submission",
  "era_processing",
];

export const automationKey = (practiceId: string) => [practiceId, "automation"] as const;

export const useAutomationSettings = (practiceId: string) =>
  useQuery({
    queryKey: automationKey(practiceId),
    queryFn: () =>
      unwrap(api.GET("/api/v1/practices/{practiceId}/automation", { params: { path: { practiceId } } })),
  });

/**
 * Saves the whole settings document (the API's contract) with one change applied to what the server last
 * returned, under its version: a change made elsewhere meanwhile is refused (412), never overwritten.
 */
export const useSaveAutomation = (practiceId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: (config: AutomationConfig) => void) => {
      const current = queryClient.getQueryData<AutomationSettings>(automationKey(practiceId));
      if (!current) throw new Error("settings not loaded");
      const config = structuredClone(current.config);
      change(config);
      const body: AutomationSettingsBody = { config, version: current.version };
      return unwrap(
        api.PUT("/api/v1/practices/{practiceId}/automation", { params: { path: { practiceId } }, body }),
      );
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(automationKey(practiceId), saved);
      // Billing explanations ("what happens tonight") depend on these settings.
      void queryClient.invalidateQueries({ queryKey: [practiceId, "billing-explanation"] });
    },
  });
};
