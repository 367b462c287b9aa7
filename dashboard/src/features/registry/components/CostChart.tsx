import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { ChartFrame, type Column } from "../../../shared/chart/ChartFrame.tsx";
import { useNarrow, WrappedTick } from "../../../shared/chart/WrappedTick.tsx";
import type { CostRow } from "../api/registry.ts";

/**
 * Hours or cost (the bars) per gemeente, casus or thema; the table always shows both.
 * Kengetallen charts the hours (the effort), Rendement the cost (what it is worth).
 */
export function CostChart({
  id,
  title,
  alt,
  rowHeader,
  rows,
  label,
  measure = "hours",
  level = 3,
}: {
  id: string;
  title: string;
  alt: string;
  rowHeader: string;
  rows: CostRow[];
  label: (id: string) => string;
  measure?: "hours" | "cost";
  level?: 2 | 3;
}) {
  const { t } = useI18n();
  // On a phone the names wrap in a narrower column, so the bars keep their room.
  const narrow = useNarrow();
  const f = useFormat();
  const data = rows.map((r) => ({ ...r, name: label(r.id) }));
  const columns: Column<CostRow & { name: string }>[] = [
    { label: rowHeader, value: (r) => r.name },
    { label: t("metrics.hours"), value: (r) => r.hours, digits: 2 },
    { label: t("metrics.cost"), value: (r) => r.cost, render: (r) => f.money(r.cost) },
  ];
  const tick =
    measure === "cost" ? (v: number) => f.money(v).replace(/[,.]00(?=\D*$)/, "") : (v: number) => f.number(v, Number.isInteger(v) ? 0 : 1);
  return (
    <ChartFrame
      id={id}
      level={level}
      title={title}
      description={alt}
      rows={data}
      columns={columns}
      rowKey={(r) => r.id}
      empty={t("metrics.noHours")}
    >
      <ResponsiveContainer width="100%" height={Math.max(140, 60 + 32 * data.length)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={tick} />
          <YAxis type="category" dataKey="name" width={narrow ? 110 : 220} interval={0} tick={<WrappedTick max={narrow ? 14 : 32} />} />
          <Tooltip formatter={(v) => (measure === "cost" ? f.money(Number(v)) : `${f.number(Number(v), 2)} ${t("metrics.hoursUnit")}`)} />
          <Bar
            dataKey={measure}
            name={measure === "cost" ? t("metrics.cost") : t("metrics.hours")}
            fill="#1f5f8b"
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
