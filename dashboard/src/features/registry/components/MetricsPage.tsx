import { useI18n } from "../../../shared/i18n.tsx";
import type { User } from "../../account/api/session.ts";
import { useFormat } from "../../../shared/format.ts";
import { useMetricsView } from "../api/useMetricsView.ts";
import { branchesOf } from "../api/useReference.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { MetricsFilters } from "./MetricsFilters.tsx";
import { KpiTiles } from "./KpiTiles.tsx";
import { MonthlyChart } from "./MonthlyChart.tsx";
import { AttendanceChart } from "./AttendanceChart.tsx";
import { CostChart } from "./CostChart.tsx";
import { ConferencesByMunicipality } from "./ConferencesByMunicipality.tsx";

/** Kengetallen: conference KPIs, lead times, attendance and hours, filtered through the URL. */
export function MetricsPage({ user }: { user: User }) {
  const { t } = useI18n();
  const f = useFormat();
  const { setFilter, filter, metrics, themes, names, own: ownMunicipalities, label } = useMetricsView(user, "/kengetallen");
  const m = metrics.data;
  // Roles without the registry (gemeente) cannot list themes: offer the themes the figures name.
  const themeOptions = themes.data
    ? themes.list
    : [...new Set([...(m?.cases.byTheme.map((x) => x.themeId) ?? []), filter.theme].filter(Boolean))].map((id) => ({
        id,
        name: names[id] ?? id,
      }));
  return (
    <section aria-labelledby="metrics-title" className="stack">
      <h1 id="metrics-title">{t("nav.metrics")}</h1>
      <p className="lead">{t("metrics.intro")}</p>
      <MetricsFilters
        value={filter}
        onChange={setFilter}
        branches={branchesOf(ownMunicipalities)}
        municipalities={ownMunicipalities}
        themes={themeOptions}
      />
      {metrics.loading && <Status loading />}
      {metrics.error && <Status error={metrics.error} />}
      {m && !metrics.error && (
        <div aria-busy={metrics.loading} className="stack">
          <KpiTiles m={m} />
          <MonthlyChart months={m.byMonth} />
          <AttendanceChart rows={m.attendance} names={names} />
          <h2>{t("metrics.hoursTitle")}</h2>
          <p>
            {t("metrics.hoursTotal", { hours: f.number(m.hours.total.hours, 2), cost: f.money(m.hours.total.cost) })}
            {m.hours.unpricedHours > 0 && <> {t("metrics.unpriced", { hours: f.number(m.hours.unpricedHours, 2) })}</>}
          </p>
          <CostChart
            id="cost-municipality"
            title={t("metrics.byMunicipality")}
            alt={t("metrics.costAltMunicipality")}
            rowHeader={t("case.municipality")}
            rows={m.hours.byMunicipality}
            label={label}
          />
          <ConferencesByMunicipality m={m} label={label} level={3} />
          <CostChart
            id="cost-theme"
            title={t("metrics.byTheme")}
            alt={t("metrics.costAltTheme")}
            rowHeader={t("case.theme")}
            rows={m.hours.byTheme}
            label={label}
          />
        </div>
      )}
    </section>
  );
}
