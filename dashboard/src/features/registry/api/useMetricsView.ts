import type { User } from "../../account/api/session.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useReply } from "../../../shared/api/query.ts";
import { getRouteApi } from "@tanstack/react-router";
import { useUrlSearch } from "../../../shared/useUrlSearch.ts";
import { useMunicipalities, useThemes } from "./useReference.ts";
import type { MetricsFilter } from "../components/MetricsFilters.tsx";

/**
 * What Kengetallen and Rendement share: the filter from the URL, the metrics it selects,
 * the municipalities the user may filter on (a medewerker: its own branch) and names by id.
 */
export function useMetricsView(user: User, path: "/kengetallen" | "/rendement") {
  const { t } = useI18n();
  const [search, setFilter] = useUrlSearch(getRouteApi(path));
  const filter: MetricsFilter = { from: "", to: "", branch: "", municipality: "", theme: "", ...search };
  const metrics = useReply("getConferenceMetrics", "/registry/metrics", filter);
  const municipalities = useMunicipalities();
  const themes = useThemes();
  const names = metrics.data?.names ?? {};
  return {
    setFilter,
    filter,
    metrics,
    themes,
    names,
    own: municipalities.list.filter((x) => !user.branchId || x.branchId === user.branchId),
    label: (id: string) => (id === "zonder_thema" ? t("metrics.noTheme") : (names[id] ?? id)),
  };
}
