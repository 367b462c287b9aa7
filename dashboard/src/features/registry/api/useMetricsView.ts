import type { User } from "../../../shared/api/api.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useLoad } from "../../../shared/api/useLoad.ts";
import { queryString, useQueryParams } from "../../../shared/useQueryParams.ts";
import { useMunicipalities, useThemes } from "./useReference.ts";
import type { MetricsFilter } from "../components/MetricsFilters.tsx";
import type { Metrics } from "./registry.ts";

/**
 * What Kengetallen and Rendement share: the filter from the URL, the metrics it selects,
 * the municipalities the user may filter on (a medewerker: its own branch) and names by id.
 */
export function useMetricsView(user: User) {
  const { t } = useI18n();
  const q = useQueryParams();
  const filter: MetricsFilter = { from: q.get("from"), to: q.get("to"), branch: q.get("branch"), municipality: q.get("municipality"), theme: q.get("theme") };
  const metrics = useLoad<Metrics>(`/registry/metrics${queryString({ ...filter })}`);
  const municipalities = useMunicipalities();
  const themes = useThemes();
  const names = metrics.data?.names ?? {};
  return {
    q, filter, metrics, themes, names,
    own: municipalities.list.filter((x) => !user.branchId || x.branchId === user.branchId),
    label: (id: string) => (id === "zonder_thema" ? t("metrics.noTheme") : names[id] ?? id),
  };
}
