import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { api, unwrap } from "./client";
import type { Client, Location, Payer, Product, Provider, Service } from "./models";

/** Reads every page of a list (reference data: a practice's clients, providers, payers…). */
export const fetchAllPages = async <T>(
  fetchPage: (cursor: string | undefined) => Promise<{ data: T[]; nextCursor: string | null }>,
  maxPages = 100,
): Promise<T[]> => {
  const all: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < maxPages; i++) {
    const page = await fetchPage(cursor);
    all.push(...page.data);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return all;
};

export type Directory = {
  clients: Map<string, Client>;
  providers: Map<string, Provider>;
  locations: Map<string, Location>;
  payers: Map<string, Payer>;
  services: Map<string, Service>;
  products: Map<string, Product>;
};

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

const loadDirectory = async (practiceId: string): Promise<Directory> => {
  const path = { practiceId };
  const [clients, providers, locations, payers, services, products] = await Promise.all([
    fetchAllPages((cursor) =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/clients", {
          params: { path, query: { limit: 200, cursor } },
        }),
      ),
    ),
    fetchAllPages((cursor) =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/providers", {
          params: { path, query: { limit: 200, cursor } },
        }),
      ),
    ),
    fetchAllPages((cursor) =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/locations", {
          params: { path, query: { limit: 200, cursor } },
        }),
      ),
    ),
    fetchAllPages((cursor) =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/payers", { params: { path, query: { limit: 200, cursor } } }),
      ),
    ),
    fetchAllPages((cursor) =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/services", {
          params: { path, query: { limit: 200, cursor } },
        }),
      ),
    ),
    fetchAllPages((cursor) =>
      unwrap(
        api.GET("/api/v1/practices/{practiceId}/products", {
          params: { path, query: { limit: 200, cursor } },
        }),
      ),
    ),
  ]);
  return {
    clients: byId(clients),
    providers: byId(providers),
    locations: byId(locations),
    payers: byId(payers),
    services: byId(services),
    products: byId(products),
  };
};

export const directoryKey = (practiceId: string) => [practiceId, "directory"] as const;

/**
 * Names for the ids lists carry (client, provider, location, payer, service). Loaded once per practice and kept:
 * the API has no name search or id-list filter, so client pickers and labels read this.
 */
export const useDirectory = (practiceId: string) =>
  useQuery({
    queryKey: directoryKey(practiceId),
    queryFn: () => loadDirectory(practiceId),
    staleTime: 5 * 60_000,
  });

export const clientName = (d: Directory | undefined, id: string | null | undefined): string => {
  if (!id) return "—";
  const c = d?.clients.get(id);
  return c ? `${c.firstName} ${c.lastName}` : "…";
};

export const providerName = (d: Directory | undefined, id: string | null | undefined): string => {
  if (!id) return "—";
  const p = d?.providers.get(id);
  return p ? `${p.firstName} ${p.lastName}${p.credentials ? `, ${String(p.credentials)}` : ""}` : "…";
};

export const locationName = (d: Directory | undefined, id: string | null | undefined): string =>
  (id && d?.locations.get(id)?.name) || "—";

export const payerName = (d: Directory | undefined, id: string | null | undefined): string =>
  (id && d?.payers.get(id)?.name) || "—";

/** Display names for ids in exclusion rules, as the server's rule words use them. */
export const ruleLabels = (d: Directory | undefined): Record<string, string> => {
  const labels: Record<string, string> = {};
  if (!d) return labels;
  for (const p of d.payers.values()) labels[p.id] = p.name;
  for (const p of d.providers.values()) labels[p.id] = `${p.firstName} ${p.lastName}`;
  for (const l of d.locations.values()) labels[l.id] = l.name;
  return labels;
};

export type NamedOption = { id: string; label: string };

const byLabel = (a: NamedOption, b: NamedOption) => a.label.localeCompare(b.label);

/**
 * The directory's clients and providers as picker options, sorted by name. Built once per directory load, not on
 * every render of the page: a new options array on each render makes the combobox rebuild its collection while
 * the user is choosing, and sorting thousands of clients on each render is wasted work.
 */
export const useDirectoryOptions = (
  d: Directory | undefined,
): { clients: NamedOption[]; providers: NamedOption[] } =>
  useMemo(
    () => ({
      clients: [...(d?.clients.values() ?? [])]
        .map((c) => ({ id: c.id, label: `${c.firstName} ${c.lastName}` }))
        .sort(byLabel),
      providers: [...(d?.providers.keys() ?? [])]
        .map((id) => ({ id, label: providerName(d, id) }))
        .sort(byLabel),
    }),
    [d],
  );
