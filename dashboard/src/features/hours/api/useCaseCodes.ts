import { useQueries } from "@tanstack/react-query";
import { fetchReply } from "../../../shared/api/client.ts";

/**
 * Case codes for the few case ids a week or a conference names, one cached getCase each
 * (the same cache key as useReply), so a list shows ALK-2026-0042 rather than an id.
 */
export function useCaseCodes(ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: ["getCase", `/cases/${id}`, {}],
      queryFn: () => fetchReply("getCase", `/cases/${id}`),
    })),
  });
  const codes = new Map<string, { code: string; municipalityId: string }>();
  results.forEach((r, i) => {
    if (r.data) codes.set(unique[i], { code: r.data.case.code, municipalityId: r.data.case.municipalityId });
  });
  return codes;
}
