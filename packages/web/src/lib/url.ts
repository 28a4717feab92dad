import { useRef } from "react";
import { useSearchParams } from "react-router";

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
