import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { ChartFrame, type Column } from "../../../shared/chart/ChartFrame.tsx";
import type { Metrics } from "../api/registry.ts";
import { MIN_PER_MONTH, widenPeriods } from "../api/periods.ts";

/** Lines differ in colour, dash pattern and marker, so they can be told apart without colour. */
const SERIES = [
  { key: "directorAssigned", label: "metrics.directorAssigned", color: "#1f5f8b", dash: undefined, dot: { r: 4 } },
  { key: "allElementsRecorded", label: "metrics.allElements", color: "#a64d00", dash: "8 4", dot: { r: 5, strokeWidth: 3 } },
  { key: "rolesExplained", label: "metrics.rolesExplained", color: "#5b3b8c", dash: "2 3", dot: { r: 3 } },
] as const;

type Month = Metrics["byMonth"][number];

/** Monthly KPI shares as a line chart, with the same figures in a table. */
export function MonthlyChart({ months }: { months: Metrics["byMonth"] }) {
  const { t } = useI18n();
  const f = useFormat();
  // With few conferences a month (a municipality's own figures), quarters instead of swinging monthly percentages.
  const { rows: withConferences, quarterly } = widenPeriods(months.filter((m) => m.conferences > 0));
  const period = (key: string) => (quarterly ? t("metrics.quarter", { q: key.slice(6), year: key.slice(0, 4) }) : f.month(key));
  const data = withConferences.map((m) => ({
    month: period(m.month),
    ...Object.fromEntries(SERIES.map((s) => [s.key, m[s.key].share === null ? null : Math.round(1000 * m[s.key].share!) / 10])),
  }));
  const columns: Column<Month>[] = [
    { label: t("metrics.month"), value: (m) => m.month, render: (m) => period(m.month) },
    { label: t("metrics.conferences"), value: (m) => m.conferences },
    ...SERIES.map(
      (s): Column<Month> => ({
        label: t(s.label),
        value: (m) => (m[s.key].share === null ? null : Math.round(1000 * m[s.key].share!) / 10),
        render: (m) => (
          <>
            {f.percent(m[s.key].share)}{" "}
            <span className="muted">
              ({m[s.key].count}/{m[s.key].n})
            </span>
          </>
        ),
      }),
    ),
    { label: t("metrics.overdue"), value: (m) => m.followUpsOverdue ?? 0 },
  ];
  return (
    <ChartFrame
      id="monthly"
      level={2}
      title={quarterly ? t("metrics.quarterly") : t("metrics.monthly")}
      description={t("metrics.monthlyAlt")}
      rows={withConferences}
      columns={columns}
      rowKey={(m) => m.month}
      empty={t("metrics.noConferences")}
      note={quarterly ? <p className="muted small">{t("metrics.byQuarter", { min: MIN_PER_MONTH })}</p> : undefined}
    >
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" />
          <YAxis domain={[0, 100]} tickFormatter={(v: number) => f.percent(v / 100)} width={56} />
          <Tooltip formatter={(v) => f.percent(Number(v) / 100)} />
          <Legend formatter={(v) => <span className="legend-text">{v}</span>} />
          {SERIES.map((s) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={t(s.label)}
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={s.dash}
              dot={s.dot}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
