import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { useReply } from "../../../shared/api/query.ts";
import { useWaves } from "../../survey/api/waves.ts";
import { getRouteApi } from "@tanstack/react-router";
import { useUrlSearch } from "../../../shared/useUrlSearch.ts";
import { branchesOf, useMunicipalities } from "../../registry/api/useReference.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { Deferred } from "../../../shared/components/Deferred.tsx";
import { ProvisionalContext, Significance } from "./Significance.tsx";
import { TrendChart } from "./TrendChart.tsx";
import { DimensionChart } from "./DimensionChart.tsx";
import { QuestionChart } from "./QuestionChart.tsx";
import { ScoreChart } from "./ScoreChart.tsx";
import { GroupResults } from "./GroupResults.tsx";
import { OpenAnswersPanel } from "./OpenAnswersPanel.tsx";
import { isScale, ORGANISATION_TYPES, type Grouping, type Interval } from "../api/results.ts";
import type { MessageKey } from "../../../../../i18n/messages.ts";

/**
 * Klanttevredenheid: one wave (chosen in the URL, ?wave=<id>) per dimension and question,
 * against the previous wave with a significance test, per group with small groups
 * suppressed, and the open answers. Every filter lives in the URL so a view can be shared.
 */
export function ResultsPage() {
  const { t } = useI18n();
  const f = useFormat();
  const [search, setSearch] = useUrlSearch(getRouteApi("/resultaten"));
  const waves = useWaves();
  const municipalities = useMunicipalities();
  // The default view is the latest closed wave with results, not a running wave with two answers.
  const latestClosed = useReply("getLatestClosedWave", "/waves/latest-closed");
  const list = waves.data?.waves ?? [];
  const chosen =
    list.find((w) => w.id === search.wave)?.id ??
    (latestClosed.loading
      ? null
      : (latestClosed.data?.wave?.id ?? list.filter((w) => w.responded > 0).at(-1)?.id ?? list.at(-1)?.id ?? null));
  const results = useReply("getWaveResults", chosen ? `/waves/${chosen}/results` : null);
  const comparison = useReply("getWaveComparison", chosen ? `/waves/${chosen}/comparison` : null);
  // Open answers can only be grouped where the API can keep small groups apart: type and branch.
  const openGroup = search.ogroup ?? "";
  const grouping: Grouping = search.group ?? "organisationType";
  const branches = branchesOf(municipalities.list);
  const name = (g: string, key: string) => {
    if (key === "onbekend") return t("results.unknownGroup");
    if (g === "organisationType") return (ORGANISATION_TYPES as readonly string[]).includes(key) ? t(`orgType.${key}` as MessageKey) : key;
    return (g === "branch" ? branches : municipalities.list).find((x) => x.id === key)?.name ?? key;
  };
  const interval = (i: Interval | null, digits: number) =>
    i ? t("results.interval", { low: f.number(i.low, digits), high: f.number(i.high, digits) }) : "";

  if (waves.loading || waves.error) return <Status loading={waves.loading} error={waves.error} />;
  const r = results.data;
  const c = comparison.data;
  const provisional = !!r?.fieldwork.running;
  const dims = r?.overall.dimensions ?? [];
  const grade = r?.overall.dimensions.find((d) => d.dimension === "rapportcijfer");
  return (
    <section aria-labelledby="results-title" className="stack">
      <h1 id="results-title">{t("results.title")}</h1>
      <p className="lead">{t("results.intro")}</p>
      {list.length === 0 ? (
        <p className="empty" role="status">
          {t("results.noWaves")}
        </p>
      ) : (
        <form role="search" aria-label={t("results.waveFilter")} className="filters" onSubmit={(e) => e.preventDefault()}>
          <div>
            <label htmlFor="wave">{t("results.wave")}</label>
            <select id="wave" value={chosen ?? ""} onChange={(e) => setSearch({ wave: e.target.value })}>
              {list.map((w) => (
                <option key={w.id} value={w.id}>
                  {t("results.waveOption", { name: w.name, n: w.responded })}
                </option>
              ))}
            </select>
          </div>
        </form>
      )}
      {r?.fieldwork.running && (
        <p className="hint running" role="status">
          {t("results.running", { date: f.date(r.fieldwork.closesAt) })} {t("results.runningNoTest")}
        </p>
      )}
      {r?.pending ? (
        <p className="hint" role="status">
          {t("results.pending", { n: f.number(r.pending) })}
        </p>
      ) : null}
      {results.loading || results.error ? (
        <Status loading={results.loading} error={results.error} />
      ) : (
        r &&
        (r.overall.respondents === 0 ? (
          <p className="empty" role="status">
            {t("results.none")}
          </p>
        ) : r.overall.suppressed ? (
          <p className="empty" role="status">
            {t("results.suppressed")}
          </p>
        ) : (
          <ProvisionalContext.Provider value={provisional}>
            <dl className="kpis">
              <div>
                <dt>{t("results.invited")}</dt>
                <dd>{f.number(r.overall.invited)}</dd>
              </div>
              <div>
                <dt>{t("results.respondents")}</dt>
                <dd>{f.number(r.overall.respondents)}</dd>
              </div>
              <div>
                <dt>{t("results.rate")}</dt>
                <dd>{f.percent(r.overall.responseRate)}</dd>
                {c?.responseRate && (
                  <dd className="kpi-sub">
                    {t("compare.previousValue", { value: f.percent(c.responseRate.previous) })}{" "}
                    <Significance difference={c.responseRate.current - c.responseRate.previous} test={c.responseRate.test} />
                  </dd>
                )}
              </div>
              {grade && (
                <div>
                  <dt>{t("results.grade")}</dt>
                  <dd>{f.number(grade.mean, 1)}</dd>
                  <dd className="kpi-sub">{interval(grade.ci, 1)}</dd>
                </div>
              )}
              {r.overall.nps && (
                <div>
                  <dt>{t("results.nps")}</dt>
                  <dd>{f.number(r.overall.nps.nps, 0)}</dd>
                  <dd className="kpi-sub">{interval(r.overall.nps.interval, 0)}</dd>
                  {c?.nps && (
                    <dd className="kpi-sub">
                      {t("compare.previousValue", { value: f.number(c.nps.previous, 0) })}{" "}
                      <Significance difference={c.nps.difference} test={c.nps.test} />
                    </dd>
                  )}
                </div>
              )}
            </dl>
            {comparison.error ? (
              <Status error={comparison.error} />
            ) : (
              <p className="hint" role="note">
                {comparison.loading ? t("app.loading") : c?.previous ? t("compare.against", { name: c.previous.name }) : t("compare.none")}
              </p>
            )}
            <DimensionChart dims={dims.filter((d) => isScale(d.dimension))} comparison={c} />
            <Deferred>
              <TrendChart />
              <QuestionChart
                questions={r.overall.questions.filter((x) => isScale(x.dimension))}
                comparison={c}
                notApplicable={r.notApplicable}
              />
              <ScoreChart
                grade={r.overall.questions.find((x) => x.dimension === "rapportcijfer")}
                recommend={r.overall.questions.find((x) => x.dimension === "nps")}
              />
              <GroupResults
                groups={r.groups[grouping]}
                grouping={grouping}
                onGrouping={(g) => setSearch({ group: g === "organisationType" ? "" : g })}
                dims={dims}
                dimension={search.dim ?? ""}
                onDimension={(d) => setSearch({ dim: d })}
                name={(key) => name(grouping, key)}
                minGroupSize={r.minGroupSize}
              />
              <OpenAnswersPanel
                waveId={r.wave.id}
                dims={dims.filter((d) => isScale(d.dimension))}
                groupBy={openGroup}
                dimension={search.odim ?? ""}
                onChange={setSearch}
                name={name}
              />
            </Deferred>
          </ProvisionalContext.Provider>
        ))
      )}
    </section>
  );
}
