import { Bar, BarChart, CartesianGrid, ErrorBar, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useDimensionName } from "../../../shared/dimensions.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { ChartFrame, type Column } from "../../../shared/chart/ChartFrame.tsx";
import { useNarrow, WrappedTick } from "../../../shared/chart/WrappedTick.tsx";
import { Significance, useSignificanceText } from "./Significance.tsx";
import type { DimensionResult, WaveComparison } from "../api/results.ts";

/** Mean per dimension with its 95 % interval as error bars, and in the table the change since the previous wave. */
export function DimensionChart({ dims, comparison }: { dims: DimensionResult[]; comparison: WaveComparison | undefined }) {
  const { t } = useI18n();
  const dimName = useDimensionName();
  const f = useFormat();
  const verdict = useSignificanceText();
  // On a phone the names wrap in a narrower column, so the bars keep most of the width.
  const narrow = useNarrow();
  const prior = (d: DimensionResult) => comparison?.dimensions.find((c) => c.dimension === d.dimension);
  const data = dims.map((d) => ({
    name: dimName(d.dimension, d.label),
    mean: Number(d.mean.toFixed(2)),
    err: d.ci ? [d.mean - d.ci.low, d.ci.high - d.mean] : [0, 0],
  }));
  const columns: Column<DimensionResult>[] = [
    { label: t("results.dimension"), value: (d) => dimName(d.dimension, d.label) },
    { label: t("results.mean"), value: (d) => Number(d.mean.toFixed(2)), digits: 2 },
    { label: t("results.ciLow"), value: (d) => (d.ci ? Number(d.ci.low.toFixed(2)) : null), digits: 2 },
    { label: t("results.ciHigh"), value: (d) => (d.ci ? Number(d.ci.high.toFixed(2)) : null), digits: 2 },
    { label: t("results.n"), value: (d) => d.n },
  ];
  if (comparison?.previous) {
    columns.push(
      {
        label: t("compare.previousMean"),
        value: (d) => {
          const c = prior(d);
          return c ? Number(c.previous.mean.toFixed(2)) : null;
        },
        digits: 2,
      },
      {
        label: t("compare.difference"),
        value: (d) => {
          const c = prior(d);
          return c ? Number(c.difference.toFixed(2)) : null;
        },
        render: (d) => {
          const c = prior(d);
          return c ? `${c.difference > 0 ? "+" : ""}${f.number(c.difference, 2)}` : "–";
        },
      },
      {
        label: t("compare.test"),
        value: (d) => {
          const c = prior(d);
          return c ? verdict(c.difference, c.test) : null;
        },
        render: (d) => {
          const c = prior(d);
          return c ? <Significance difference={c.difference} test={c.test} /> : "–";
        },
      },
    );
  }
  return (
    <ChartFrame
      id="results-dimensions"
      level={2}
      title={t("results.byDimension")}
      description={t("results.chartAlt")}
      rows={dims}
      columns={columns}
      rowKey={(d) => d.dimension}
    >
      <ResponsiveContainer width="100%" height={Math.max(160, 60 + (narrow ? 56 : 40) * data.length)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} />
          <YAxis type="category" dataKey="name" width={narrow ? 120 : 260} interval={0} tick={<WrappedTick max={narrow ? 16 : 40} />} />
          <Tooltip formatter={(v) => f.number(Number(v), 2)} />
          <Bar dataKey="mean" fill="#1f5f8b" name={t("results.mean")} isAnimationActive={false}>
            <ErrorBar dataKey="err" width={6} stroke="#1b1b1b" direction="x" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
