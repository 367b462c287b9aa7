import { today } from "../format.ts";
import { lastFullQuarter, type Period } from "./period.ts";
import { useQueryParams } from "../useQueryParams.ts";

/** The report period from the URL (?from=&to=), the last full quarter when absent. */
export function usePeriod(): [Period, (p: Period) => void, ReturnType<typeof useQueryParams>] {
  const q = useQueryParams();
  const fallback = lastFullQuarter(today());
  const period = { from: q.get("from") || fallback.from, to: q.get("to") || fallback.to };
  return [period, (p) => q.update({ from: p.from, to: p.to }), q];
}
