import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { directoryKey } from "../../api/directory";
import type { paths } from "../../api/schema";

type Body<P extends keyof paths, M extends "post" | "patch"> = paths[P][M] extends {
  requestBody?: { content: { "application/json": infer T } };
}
  ? T
  : never;

export type ClientBody = Body<"/api/v1/practices/{practiceId}/clients", "post">;
export type ClientPatch = Body<"/api/v1/practices/{practiceId}/clients/{id}", "patch">;
export type PolicyBody = Body<"/api/v1/practices/{practiceId}/insurance-policies", "post">;
export type PolicyPatch = Body<"/api/v1/practices/{practiceId}/insurance-policies/{id}", "patch">;
export type DiagnosisBody = Body<"/api/v1/practices/{practiceId}/diagnoses", "post">;

export type ClientFilters = { search?: string | undefined; dateOfBirth?: string | undefined };

/** One server page of clients by last name: name and date-of-birth search are the API's. */
export const useClientsPage = (
  practiceId: string,
  filters: ClientFilters,
  cursor: string | undefined,
  limit: number,
) =>
  useQuery({
    queryKey: [practiceId, "clients", "page", filters, cursor, limit],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/clients", {
          params: { path: { practiceId }, query: { ...filters, sort: "lastName", limit, cursor } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export const useClient = (practiceId: string, id: string) =>
  useQuery({
    queryKey: [practiceId, "clients", "one", id],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/clients/{id}", { params: { path: { practiceId, id } } }),
      ),
  });

export const usePolicies = (practiceId: string, clientId: string) =>
  useQuery({
    queryKey: [practiceId, "insurance-policies", clientId],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/insurance-policies", {
          params: { path: { practiceId }, query: { clientId, limit: 50 } },
        }),
      ),
  });

export const useDiagnoses = (practiceId: string, clientId: string) =>
  useQuery({
    queryKey: [practiceId, "diagnoses", clientId],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/diagnoses", {
          params: { path: { practiceId }, query: { clientId, limit: 50 } },
        }),
      ),
  });

/** A client change shows in every list that names clients, and may change why sessions were not billed. */
export const useInvalidateClients = (practiceId: string) => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [practiceId, "clients"] }),
      queryClient.invalidateQueries({ queryKey: [practiceId, "insurance-policies"] }),
      queryClient.invalidateQueries({ queryKey: [practiceId, "diagnoses"] }),
      queryClient.invalidateQueries({ queryKey: directoryKey(practiceId) }),
      queryClient.invalidateQueries({ queryKey: [practiceId, "billing-explanation"] }),
    ]);
};

export const useCreateClient = (practiceId: string) => {
  const invalidate = useInvalidateClients(practiceId);
  return useMutation({
    mutationFn: (body: ClientBody) =>
      unwrap(api.POST("/api/v1/practices/{practiceId}/clients", { params: { path: { practiceId } }, body })),
    onSuccess: invalidate,
  });
};

export const useUpdateClient = (practiceId: string, id: string) => {
  const invalidate = useInvalidateClients(practiceId);
  return useMutation({
    mutationFn: (body: ClientPatch) =>
      unwrap(
        api.PATCH("/api/v1/practices/{practiceId}/clients/{id}", {
          params: { path: { practiceId, id } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
};

/** Adds a policy (no id) or changes one (its id and the version read). */
export const useSavePolicy = (practiceId: string) => {
  const invalidate = useInvalidateClients(practiceId);
  return useMutation({
    mutationFn: (
      change: { kind: "create"; body: PolicyBody } | { kind: "update"; id: string; body: PolicyPatch },
    ) =>
      change.kind === "create"
        ? unwrap(
            api.POST("/api/v1/practices/{practiceId}/insurance-policies", {
              params: { path: { practiceId } },
              body: change.body,
            }),
          )
        : unwrap(
            api.PATCH("/api/v1/practices/{practiceId}/insurance-policies/{id}", {
              params: { path: { practiceId, id: change.id } },
              body: change.body,
            }),
          ),
    onSuccess: invalidate,
  });
};

export const useAddDiagnosis = (practiceId: string) => {
  const invalidate = useInvalidateClients(practiceId);
  return useMutation({
    mutationFn: (body: DiagnosisBody) =>
      unwrap(
        api.POST("/api/v1/practices/{practiceId}/diagnoses", { params: { path: { practiceId } }, body }),
      ),
    onSuccess: invalidate,
  });
};

export const useUpdateDiagnosis = (practiceId: string) => {
  const invalidate = useInvalidateClients(practiceId);
  return useMutation({
    mutationFn: (changes: Array<{ id: string; version: number; rank?: number; active?: boolean }>) =>
      // One PATCH per diagnosis, in order (a reorder changes two ranks).
      changes.reduce<Promise<unknown>>(
        (previous, { id, ...body }) =>
          previous.then(() =>
            unwrap(
              api.PATCH("/api/v1/practices/{practiceId}/diagnoses/{id}", {
                params: { path: { practiceId, id } },
                body,
              }),
            ),
          ),
        Promise.resolve(),
      ),
    onSettled: invalidate,
  });
};

export const useRemoveDiagnosis = (practiceId: string) => {
  const invalidate = useInvalidateClients(practiceId);
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.DELETE("/api/v1/practices/{practiceId}/diagnoses/{id}", { params: { path: { practiceId, id } } }),
      ),
    onSuccess: invalidate,
  });
};
