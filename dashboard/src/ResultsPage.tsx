import { useState } from "react";
import { Bar, BarChart, CartesianGrid, ErrorBar, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "./i18n.tsx";
import { useLoad } from "./useLoad.ts";
import { Status } from "./Status.tsx";

interface Wave { id: string; name: string; status: string; responded: number; invited: number }
interface Dimension { dimension: string; label: string; n: number; mean: number; ci: { low: number; high: number } | null }
interface Results {
  overall: { invited: number; respondents: number; responseRate: number | null; suppressed: boolean; dimensions: Dimension[];
    nps: { nps: number; interval: { low: number; high: number } | null } | null };
}

const fmt = (v: number, digits = 1) => v.toLocaleString("nl-NL", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function ResultsPage() {
  const { t } = useI18n();
  const waves = useLoad<{ waves: Wave[] }>("/waves");
  const withData = (waves.data?.waves ?? []).filter((w) => w.responded > 0);
  const params = new URLSearchParams(location.search);
  const [waveId, setWaveId] = useState<string | null>(params.get("wave"));
  const chosen = waveId ?? withData.at(-1)?.id ?? waves.data?.waves.at(-1)?.id ?? null;
  const results = useLoad<Results>(chosen ? `/waves/${chosen}/results` : null);
  const choose = (id: string) => {
    setWaveId(id);
    history.replaceState(null, "", `?wave=${id}`); // filters live in the URL so a view can be shared
  };
  if (waves.loading || waves.error) return <Status loading={waves.loading} error={waves.error} />;
  const dims = (results.data?.overall.dimensions ?? []).filter((d) => !["nps", "rapportcijfer"].includes(d.dimension));
  const grade = results.data?.overall.dimensions.find((d) => d.dimension === "rapportcijfer");
  const chart = dims.map((d) => ({ name: d.label, mean: Number(d.mean.toFixed(2)), err: d.ci ? [d.mean - d.ci.low, d.ci.high - d.mean] : [0, 0] }));
  return (
    <section aria-labelledby="results-title">
      <h1 id="results-title">{t("results.title")}</h1>
      <label htmlFor="wave">{t("results.wave")}</label>{" "}
      <select id="wave" value={chosen ?? ""} onChange={(e) => choose(e.target.value)}>
        {(waves.data?.waves ?? []).map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
      </select>
      {results.loading || results.error ? <Status loading={results.loading} error={results.error} /> : results.data && (
        results.data.overall.respondents === 0 ? <p className="empty">{t("results.none")}</p>
          : results.data.overall.suppressed ? <p className="empty">{t("results.suppressed")}</p> : <>
          <dl className="kpis">
            <div><dt>{t("results.invited")}</dt><dd>{results.data.overall.invited}</dd></div>
            <div><dt>{t("results.respondents")}</dt><dd>{results.data.overall.respondents}</dd></div>
            <div><dt>{t("results.rate")}</dt><dd>{fmt(100 * (results.data.overall.responseRate ?? 0), 0)}%</dd></div>
            {grade && <div><dt>{t("results.grade")}</dt><dd>{fmt(grade.mean)}</dd></div>}
            {results.data.overall.nps && <div><dt>{t("results.nps")}</dt><dd>{fmt(results.data.overall.nps.nps, 0)}</dd></div>}
          </dl>
          <figure aria-label={t("results.chartAlt")}>
            <ResponsiveContainer width="100%" height={320}>
              <BarChart data={chart} margin={{ top: 8, right: 16, bottom: 48, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" interval={0} angle={-20} textAnchor="end" height={70} />
                <YAxis domain={[1, 5]} />
                <Tooltip />
                <Bar dataKey="mean" fill="#1f5f8b" name={t("results.mean")}>
                  <ErrorBar dataKey="err" width={6} stroke="#222" />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
            <figcaption>{t("results.chartAlt")}</figcaption>
          </figure>
          <table>
            <caption>{t("results.title")}</caption>
            <thead><tr><th scope="col">{t("results.dimension")}</th><th scope="col">{t("results.mean")}</th><th scope="col">{t("results.ci")}</th><th scope="col">{t("results.n")}</th></tr></thead>
            <tbody>{dims.map((d) => (
              <tr key={d.dimension}><th scope="row">{d.label}</th><td>{fmt(d.mean, 2)}</td>
                <td>{d.ci ? `${fmt(d.ci.low, 2)} – ${fmt(d.ci.high, 2)}` : "–"}</td><td>{d.n}</td></tr>))}
            </tbody>
          </table>
        </>)}
    </section>
  );
}
