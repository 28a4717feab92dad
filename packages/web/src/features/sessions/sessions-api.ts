import type { AppointmentStatus } from "@billcycle/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { fetchAllPages } from "../../api/directory";
import type { AppointmentSort } from "../../api/models";

export type SessionFilters = {
  status?: AppointmentStatus | undefined;
  providerId?: string | undefined;
  clientId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** "no": not on an invoice (Canceled sessions left out); "yes": on one. */
  billed?: "yes" | "no" | undefined;
  sort?: AppointmentSort | undefined;
};

const listAppointments = (practiceId: string, query: SessionFilters & { limit: number; cursor?: string }) =>
  unwrap(api.GET("/api/v1/practices/{practiceId}/appointments", { params: { path: { practiceId }, query } }));

/** One server page of sessions, filtered by the API. */
export const useSessionsPage = (
  practiceId: string,
  filters: SessionFilters,
  cursor: string | undefined,
  limit: number,
) =>
  useQuery({
    queryKey: [practiceId, "appointments", "page", filters, cursor, limit],
    queryFn: () => listAppointments(practiceId, { ...filters, limit, cursor }),
    placeholderData: keepPreviousData,
  });

/** Every session of a week (the calendar), page by page. */
export const useWeekSessions = (
  practiceId: string,
  from: string,
  to: string,
  providerId: string | undefined,
) =>
  useQuery({
    queryKey: [practiceId, "appointments", "week", from, to, providerId],
    queryFn: () =>
      fetchAllPages(
        (cursor) => listAppointments(practiceId, { from, to, providerId, limit: 200, cursor }),
        20,
      ),
    placeholderData: keepPreviousData,
  });

export const useSession = (practiceId: string, id: string) =>
  useQuery({
    queryKey: [practiceId, "appointments", "one", id],
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/appointments/{id}", { params: { path: { practiceId, id } } }),
      ),
  });

export type SessionBillingState = {
  appointmentId: string;
  billed: { invoiceId: string; invoiceNumber: string } | null;
  reasons: Array<{ code: string; message: string }>;
};

/**
 * The billing state of many sessions in one request (a list page, a calendar week), not one explanation per row.
 * Upcoming and Canceled sessions are left out by the caller: they are never billed as they stand.
 */
export const useBillingStates = (practiceId: string, ids: readonly string[]) =>
  useQuery({
    queryKey: [practiceId, "billing-states", ids],
    queryFn: async () => {
      const { data } = await unwrap(
        api.GET("/api/v1/practices/{practiceId}/appointment-billing-states", {
          params: { path: { practiceId }, query: { ids: ids.join(",") } },
        }),
      );
      return new Map<string, SessionBillingState>(data.map((s) => [s.appointmentId, s]));
    },
    enabled: ids.length > 0,
  });

export const explanationKey = (practiceId: string, id: string) => [practiceId, "billing-explanation", id];

/** "Why wasn't this billed, and what happens tonight?" */
export const useBillingExplanation = (
  practiceId: string,
  id: string,
  enabled = true,
  /**
   * When the status last changed (ms): for half a minute after, re-read while an invoice may be on its way
   * (on-Kept invoicing runs in the worker, a moment after the change).
   */
  statusChangedAt = 0,
) =>
  useQuery({
    queryKey: explanationKey(practiceId, id),
    queryFn: () =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/appointments/{id}/billing-explanation", {
          params: { path: { practiceId, id } },
        }),
      ),
    enabled,
    staleTime: 30_000,
    refetchInterval: (query) => {
      const e = query.state.data;
      const recent = Date.now() - statusChangedAt < 30_000;
      return recent && e && !e.billed && e.reasons.length === 0 ? 1_000 : false;
    },
  });

export const noteKey = (practiceId: string, appointmentId: string) => [
  practiceId,
  "progress-note",
  appointmentId,
];

export const useProgressNote = (practiceId: string, appointmentId: string) =>
  useQuery({
    queryKey: noteKey(practiceId, appointmentId),
    queryFn: async () => {
      const page = await unwrap(
        api.GET("/api/v1/practices/{practiceId}/progress-notes", {
          params: { path: { practiceId }, query: { appointmentId, limit: 1 } },
        }),
      );
      return page.data[0] ?? null;
    },
  });

/** After anything that can change whether a session bills: its record, its note, its explanation, invoices. */
export const useInvalidateBilling = (practiceId: string) => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [practiceId, "appointments"] }),
      queryClient.invalidateQueries({ queryKey: [practiceId, "billing-explanation"] }),
      queryClient.invalidateQueries({ queryKey: [practiceId, "progress-note"] }),
      queryClient.invalidateQueries({ queryKey: [practiceId, "invoices"] }),
    ]);
};

export const useChangeStatus = (practiceId: string) => {
  const invalidate = useInvalidateBilling(practiceId);
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: AppointmentStatus }) =>
      unwrap(
        api.POST("/api/v1/practices/{practiceId}/appointments/{id}/status", {
          params: { path: { practiceId, id } },
          body: { status },
        }),
      ),
    onSuccess: () => invalidate(),
  });
};
