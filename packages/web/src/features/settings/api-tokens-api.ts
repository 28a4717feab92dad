import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import type { components } from "../../api/schema";

export type ApiToken = components["schemas"]["ApiToken"];
export type CreatedApiToken = components["schemas"]["CreatedApiToken"];
export type TokenScope = ApiToken["scopes"][number];

/** The signed-in user's tokens: not practice data, so the key is not under a practice. */
const tokensKey = ["me", "api-tokens"] as const;

export const useApiTokens = () =>
  useQuery({
    queryKey: tokensKey,
    queryFn: async () => (await unwrap(api.GET("/api/v1/auth/tokens"))).data,
  });

export const useCreateApiToken = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; expiresInDays: number; scopes: TokenScope[] }) =>
      unwrap(api.POST("/api/v1/auth/tokens", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
};

export const useRevokeApiToken = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) =>
      unwrap(api.DELETE("/api/v1/auth/tokens/{tokenId}", { params: { path: { tokenId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
};
