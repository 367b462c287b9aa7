import { useCallback, useEffect, useState } from "react";

/**
 * Filters that live in the URL query string, so that a filtered view can be shared or
 * bookmarked. Setting a value to "" or null removes it from the URL.
 */
export function useQueryParams() {
  const [search, setSearch] = useState(() => location.search);
  useEffect(() => {
    const onPop = () => setSearch(location.search);
    addEventListener("popstate", onPop);
    return () => removeEventListener("popstate", onPop);
  }, []);
  const update = useCallback((changes: Record<string, string | null | undefined>) => {
    const next = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    const qs = next.toString();
    history.replaceState(null, "", `${location.pathname}${qs ? `?${qs}` : ""}`);
    setSearch(location.search);
  }, []);
  const params = new URLSearchParams(search);
  return { get: (key: string) => params.get(key) ?? "", update };
}

/** "?a=1&b=2" from an object, leaving out empty values. */
export function queryString(values: Record<string, string | null | undefined>) {
  const qs = new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => !!e[1])).toString();
  return qs ? `?${qs}` : "";
}
