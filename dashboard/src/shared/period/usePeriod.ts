import { today } from "../format.ts";
import { lastFullQuarter, type Period } from "./period.ts";
import { useUrlSearch } from "../useUrlSearch.ts";

/** The report period from the URL (?from=&to=), the last full quarter when absent. */
export function usePeriod<S extends { from?: string; to?: string }>(route: { useSearch: () => S }) {
  const [search, setSearch] = useUrlSearch(route);
  const fallback = lastFullQuarter(today());
  const period: Period = { from: search.from || fallback.from, to: search.to || fallback.to };
  const setPeriod = (p: Period) => setSearch({ from: p.from, to: p.to } as Partial<S>);
  return [period, setPeriod, search, setSearch] as const;
}
