import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { Practice } from "../../api/models";
import type { paths } from "../../api/schema";

export type BillingSettings = Practice["billingSettings"];

/** A change to some billing settings; the version is added when saved. */
export type BillingSettingsPatch = Omit<
  NonNullable<
    paths["/api/v1/practices/{practiceId}/billing-settings"]["patch"]["requestBody"]
  >["content"]["application/json"],
  "version"
>;

/**
 * Saves some billing settings against the practice version read; the answer (the practice) replaces the one the
 * screens hold, so every screen sees the new settings and the next save carries the new version.
 */
export const useSaveBillingSettings = (practiceId: string, version: number) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: BillingSettingsPatch) =>
      unwrap(
        api.PATCH("/api/v1/practices/{practiceId}/billing-settings", {
          params: { path: { practiceId } },
          body: { ...patch, version },
        }),
      ),
    onSuccess: (practice) => {
      queryClient.setQueryData([practiceId, "practice"], practice);
      return queryClient.invalidateQueries({ queryKey: [practiceId, "billing-explanation"] });
    },
  });
};
