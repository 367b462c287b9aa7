import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "./i18n.tsx";
import { useFormat } from "./format.ts";
import type { Metrics } from "./registry.ts";

/** Lines differ in colour, dash pattern and marker, so they can be told apart without colour. */
const SERIES = [
  { key: "directorAssigned", label: "metrics.directorAssigned", color: "#1f5f8b", dash: undefined, dot: { r: 4 } },
  { key: "allElementsRecorded", label: "metrics.allElements", color: "#a64d00", dash: "8 4", dot: { r: 5, strokeWidth: 3 } },
  { key: "rolesExplained", label: "metrics.rolesExplained", color: "#5b3b8c", dash: "2 3", dot: { r: 3 } },
] as const;

/** Monthly KPI shares as a line chart, with the same figures in a table. */
export function MonthlyChart({ months }: { months: Metrics["byMonth"] }) {
  const { t } = useI18n();
  const f = useFormat();
  if (!months.length) return <p className="empty">{t("metrics.noConferences")}</p>;
  const data = months.map((m) => ({
    month: f.month(m.month), conferences: m.conferences,
    ...Object.fromEntries(SERIES.map((s) => [s.key, m[s.key].share === null ? null : Math.round(1000 * m[s.key].share!) / 10])),
  }));
  return (
    <>
      <figure aria-labelledby="monthly-caption">
        <ResponsiveContainer width="100%" height={300}>
          <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" />
            <YAxis domain={[0, 100]} tickFormatter={(v: number) => f.percent(v / 100)} width={56} />
            <Tooltip formatter={(v) => f.percent(Number(v) / 100)} />
            <Legend formatter={(v) => <span className="legend-text">{v}</span>} />
            {SERIES.map((s) => (
              <Line key={s.key} type="monotone" dataKey={s.key} name={t(s.label)} stroke={s.color} strokeWidth={2}
                strokeDasharray={s.dash} dot={s.dot} connectNulls isAnimationActive={false} />))}
          </LineChart>
        </ResponsiveContainer>
        <figcaption id="monthly-caption">{t("metrics.monthlyAlt")}</figcaption>
      </figure>
      <div className="table-wrap">
        <table>
          <caption>{t("metrics.monthly")}</caption>
          <thead><tr><th scope="col">{t("metrics.month")}</th><th scope="col">{t("metrics.conferences")}</th>
            {SERIES.map((s) => <th scope="col" key={s.key}>{t(s.label)}</th>)}</tr></thead>
          <tbody>{months.map((m) => (
            <tr key={m.month}><th scope="row">{f.month(m.month)}</th><td>{m.conferences}</td>
              {SERIES.map((s) => <td key={s.key}>{f.percent(m[s.key].share)} <span className="muted">({m[s.key].count}/{m[s.key].n})</span></td>)}</tr>))}
          </tbody>
        </table>
      </div>
    </>
  );
}
