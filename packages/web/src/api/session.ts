import { type QueryClient, useQuery } from "@tanstack/react-query";
import { api, isApiError, unwrap } from "./client";
import type { Me } from "./models";

export const meKey = ["me"] as const;

/** The signed-in user and their practices; null when nobody is signed in (401). */
export const fetchMe = async (): Promise<Me | null> => {
  try {
    return await unwrap(api.GET("/api/v1/me"));
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
};

export const useMe = () => useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000 });

export const signIn = async (queryClient: QueryClient, email: string, password: string): Promise<Me> => {
  const me = await unwrap(api.POST("/api/v1/auth/login", { body: { email, password } }));
  queryClient.clear();
  queryClient.setQueryData(meKey, me);
  return me;
};

export const signOut = async (queryClient: QueryClient): Promise<void> => {
  await api.POST("/api/v1/auth/logout");
  queryClient.clear();
  queryClient.setQueryData(meKey, null);
};

const LAST_PRACTICE = "billcycle.practice";

export const rememberPractice = (practiceId: string) => {
  try {
    window.localStorage.setItem(LAST_PRACTICE, practiceId);
  } catch {
    // storage may be unavailable (private mode); the first practice is the default then
  }
};

/** The practice to open: the last one used, else the first by name. */
export const defaultPracticeId = (me: Me): string | null => {
  let last: string | null = null;
  try {
    last = window.localStorage.getItem(LAST_PRACTICE);
  } catch {
    last = null;
  }
  if (last && me.memberships.some((m) => m.practiceId === last)) return last;
  const sorted = [...me.memberships].sort((a, b) => a.practiceName.localeCompare(b.practiceName));
  return sorted[0]?.practiceId ?? null;
};
