import { useNavigate } from "@tanstack/react-router";

type Changes<S> = { [K in keyof S]?: S[K] | "" | null };

/**
 * The page's filters as the route's search params (validated by its zod schema, so they
 * can be shared and bookmarked) and a setter that changes some and keeps the others. An
 * empty value leaves the URL; a change replaces the history entry, as filtering is no move.
 */
export function useUrlSearch<S extends object>(route: { useSearch: () => S }): [S, (changes: Changes<S>) => void] {
  const search = route.useSearch();
  const navigate = useNavigate();
  const set = (changes: Changes<S>) => {
    const next: Record<string, unknown> = { ...search, ...changes };
    for (const [k, v] of Object.entries(next)) if (v === "" || v === null || v === undefined) delete next[k];
    // The route's own schema validates what comes back in; the setter only merges.
    void navigate({ to: ".", search: next as never, replace: true });
  };
  return [search, set];
}
