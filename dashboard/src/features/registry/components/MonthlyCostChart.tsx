import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { ChartFrame, type Column } from "../../../shared/chart/ChartFrame.tsx";
import type { Metrics } from "../api/registry.ts";

type Month = Metrics["byMonth"][number];

/** Hours (bars, left axis) and cost (line with markers, right axis) per month: two units, two axes, two shapes. */
export function MonthlyCostChart({ months }: { months: Metrics["byMonth"] }) {
  const { t } = useI18n();
  const f = useFormat();
  const rows = months.filter((m) => m.hours > 0 || m.cost > 0);
  const data = rows.map((m) => ({ month: f.month(m.month), hours: m.hours, cost: m.cost }));
  const columns: Column<Month>[] = [
    { label: t("metrics.month"), value: (m) => m.month, render: (m) => f.month(m.month) },
    { label: t("metrics.hours"), value: (m) => m.hours, digits: 2 },
    { label: t("metrics.cost"), value: (m) => m.cost, render: (m) => f.money(m.cost) },
  ];
  const euro = (v: number) => f.money(v).replace(/[,.]00(?=\D*$)/, "");
  return (
    <ChartFrame
      id="rd-monthly"
      level={2}
      title={t("rendement.monthly")}
      description={t("rendement.monthlyAlt")}
      rows={rows}
      columns={columns}
      rowKey={(m) => m.month}
      empty={t("metrics.noHours")}
    >
      <ResponsiveContainer width="100%" height={300}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" />
          <YAxis
            yAxisId="hours"
            tickFormatter={(v: number) => f.number(v)}
            width={56}
            label={{ value: t("metrics.hours"), angle: -90, position: "insideLeft", fill: "#1b1b1b" }}
          />
          <YAxis
            yAxisId="cost"
            orientation="right"
            tickFormatter={euro}
            width={80}
            label={{ value: t("metrics.cost"), angle: 90, position: "insideRight", fill: "#1b1b1b" }}
          />
          <Tooltip
            formatter={(v, key) => (key === t("metrics.cost") ? f.money(Number(v)) : `${f.number(Number(v), 2)} ${t("metrics.hoursUnit")}`)}
          />
          <Legend formatter={(v) => <span className="legend-text">{v}</span>} />
          <Bar yAxisId="hours" dataKey="hours" name={t("metrics.hours")} fill="#6fa8d6" stroke="#1b1b1b" isAnimationActive={false} />
          <Line
            yAxisId="cost"
            type="linear"
            dataKey="cost"
            name={t("metrics.cost")}
            stroke="#a64d00"
            strokeWidth={2}
            dot={{ r: 5, strokeWidth: 2 }}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
