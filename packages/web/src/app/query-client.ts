import { QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiError } from "../api/client";
import { meKey } from "../api/session";

/**
 * The data-fetching cache. Client errors (4xx) are answers, not glitches: they are not retried. A 401 anywhere
 * means the session ended: "me" is re-read, which sends the user to sign in.
 */
export const createQueryClient = () => {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error) && error.status === 401 && query.queryKey[0] !== meKey[0]) {
          void client.invalidateQueries({ queryKey: meKey });
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
};
