import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { useDebounced } from "./use-debounced";

/**
 * Changes some query parameters (filters live in the URL, so a filtered list can be bookmarked and shared).
 * Changes made one right after another build on each other instead of the last one winning.
 */
export const useUpdateParams = () => {
  const [params, setParams] = useSearchParams();
  const latest = useRef(params);
  latest.current = params;
  return (
    entries: Record<string, string | null | undefined>,
    options: { replace?: boolean } = { replace: true },
  ) => {
    const next = new URLSearchParams(latest.current);
    for (const [key, value] of Object.entries(entries)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    latest.current = next;
    setParams(next, options);
  };
};

/**
 * A search box whose text goes to the URL parameter `key` once typing settles (one request, not one per key):
 * `text` is what the box shows, `value` what the list is filtered by.
 */
export const useSearchText = (key: string) => {
  const [params] = useSearchParams();
  const set = useUpdateParams();
  const [text, setText] = useState(params.get(key) ?? "");
  const typed = useDebounced(text.trim(), 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the URL follows what was typed, once settled
  useEffect(() => {
    if (typed !== (params.get(key) ?? "")) set({ [key]: typed || null });
  }, [typed]);
  return { text, setText, value: params.get(key) || undefined };
};
