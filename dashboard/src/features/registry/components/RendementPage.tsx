import { useI18n } from "../../../shared/i18n.tsx";
import type { User } from "../../account/api/session.ts";
import { useFormat } from "../../../shared/format.ts";
import { useMetricsView } from "../api/useMetricsView.ts";
import { branchesOf } from "../api/useReference.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { MetricsFilters } from "./MetricsFilters.tsx";
import { CostChart } from "./CostChart.tsx";
import { MonthlyCostChart } from "./MonthlyCostChart.tsx";
import { CostScatter } from "./CostScatter.tsx";
import { ConferencesByMunicipality } from "./ConferencesByMunicipality.tsx";

/** How many cases the per-case chart shows: beyond this the bars no longer read, the CSV has them all via the API. */
const TOP_CASES = 20;

/**
 * Rendement: where the hours and the money go, per municipality, case, theme and month,
 * and what a municipality costs against its number of cases. Filters live in the URL,
 * as on Kengetallen, and use the same metrics endpoint.
 */
export function RendementPage({ user }: { user: User }) {
  const { t } = useI18n();
  const f = useFormat();
  const { setFilter, filter, metrics, themes, own, label } = useMetricsView(user, "/rendement");
  const m = metrics.data;
  const perCase = m?.cases.registered ? m.hours.total.cost / m.cases.registered : null;
  return (
    <section aria-labelledby="rendement-title" className="stack">
      <h1 id="rendement-title">{t("nav.rendement")}</h1>
      <p className="lead">{t("rendement.intro")}</p>
      <MetricsFilters value={filter} onChange={setFilter} branches={branchesOf(own)} municipalities={own} themes={themes.list} />
      {metrics.loading && <Status loading />}
      {metrics.error && <Status error={metrics.error} />}
      {m && !metrics.error && (
        <div aria-busy={metrics.loading} className="stack">
          <dl className="kpis">
            <div>
              <dt>{t("metrics.hours")}</dt>
              <dd>{f.number(m.hours.total.hours, 2)}</dd>
              {m.hours.unpricedHours > 0 && (
                <dd className="kpi-sub">{t("metrics.unpriced", { hours: f.number(m.hours.unpricedHours, 2) })}</dd>
              )}
            </div>
            <div>
              <dt>{t("metrics.cost")}</dt>
              <dd>{f.money(m.hours.total.cost)}</dd>
            </div>
            <div>
              <dt>{t("rendement.cases")}</dt>
              <dd>{f.number(m.cases.registered)}</dd>
            </div>
            <div>
              <dt>{t("rendement.costPerCase")}</dt>
              <dd>{perCase === null ? "–" : f.money(perCase)}</dd>
              <dd className="kpi-sub">{t("rendement.costPerCaseHelp")}</dd>
            </div>
          </dl>
          <CostChart
            id="rd-municipality"
            level={2}
            measure="cost"
            title={t("metrics.byMunicipality")}
            alt={t("rendement.municipalityAlt")}
            rowHeader={t("case.municipality")}
            rows={m.hours.byMunicipality}
            label={label}
          />
          <ConferencesByMunicipality m={m} label={label} />
          <CostChart
            id="rd-case"
            level={2}
            measure="cost"
            title={t("rendement.byCase", { n: TOP_CASES })}
            alt={t("rendement.caseAlt", { n: TOP_CASES })}
            rowHeader={t("rendement.case")}
            rows={m.hours.byCase.slice(0, TOP_CASES)}
            label={label}
          />
          <CostChart
            id="rd-theme"
            level={2}
            measure="cost"
            title={t("metrics.byTheme")}
            alt={t("rendement.themeAlt")}
            rowHeader={t("case.theme")}
            rows={m.hours.byTheme}
            label={label}
          />
          <MonthlyCostChart months={m.byMonth} />
          <CostScatter m={m} label={label} />
        </div>
      )}
    </section>
  );
}
