import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useDimensionName, isScale } from "../../../shared/dimensions.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { useReply } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { ChartFrame, type Column } from "../../../shared/chart/ChartFrame.tsx";
import type { DimensionTrend } from "../api/results.ts";

/** Eight lines must stay apart in grey print and for colour-blind readers: colour plus a dash pattern. */
const LINES = [
  ["#1f5f8b", ""],
  ["#a4001d", "6 3"],
  ["#2e7d32", "2 2"],
  ["#6a3d9a", "8 3 2 3"],
  ["#b35900", "4 4"],
  ["#1b1b1b", "1 3"],
  ["#00838f", "10 4"],
  ["#8d6e00", "3 6"],
] as const;

type TrendWave = DimensionTrend["waves"][number];

/**
 * The mean per dimension over every wave (not only the last two), a running wave marked
 * "voorlopig". One figure with a name for assistive technology; the table says the same.
 */
export function TrendChart() {
  const { t } = useI18n();
  const f = useFormat();
  const dimName = useDimensionName();
  const trend = useReply("getDimensionTrend", "/results/trend");
  if (trend.loading || trend.error) return <Status loading={trend.loading} error={trend.error} />;
  const data = trend.data;
  if (!data) return null;
  const dims = data.dimensions.filter((d) => isScale(d.dimension));
  const point = (dimension: string, waveId: string) => dims.find((d) => d.dimension === dimension)?.points.find((p) => p.waveId === waveId);
  const waveLabel = (w: TrendWave) => (w.running ? `${w.name} (${t("results.provisional")})` : w.name);
  const rows = data.waves.map((w) => ({
    ...w,
    label: waveLabel(w),
    ...Object.fromEntries(
      dims.map((d) => {
        const p = point(d.dimension, w.id);
        return [d.dimension, p && !p.suppressed && p.mean !== null ? Number(p.mean.toFixed(2)) : null];
      }),
    ),
  }));
  type Row = (typeof rows)[number];
  const columns: Column<Row>[] = [
    { label: t("results.trendWave"), value: (w) => w.label },
    ...dims.map(
      (d): Column<Row> => ({
        label: dimName(d.dimension),
        value: (w) => (w as unknown as Record<string, number | null>)[d.dimension],
        render: (w) => {
          const p = point(d.dimension, w.id);
          if (!p || p.n === 0) return "–";
          if (p.suppressed || p.mean === null) return t("results.trendSuppressed");
          return `${f.number(p.mean, 2)} (n = ${f.number(p.n)})`;
        },
      }),
    ),
  ];
  return (
    <ChartFrame
      id="results-trend"
      level={2}
      title={t("results.trendTitle")}
      description={t("results.trendChart", { count: data.waves.length })}
      rows={rows}
      columns={columns}
      rowKey={(w) => w.id}
      empty={data.waves.length ? undefined : t("results.noWaves")}
    >
      <ResponsiveContainer width="100%" height={320}>
        <LineChart data={rows} margin={{ top: 8, right: 24, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
          <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} width={32} />
          <Tooltip formatter={(v) => (v === null || v === undefined ? "–" : f.number(Number(v), 2))} />
          <Legend formatter={(v) => <span className="legend-text">{v}</span>} />
          {dims.map((d, i) => {
            const [stroke, dash] = LINES[i % LINES.length];
            return (
              <Line
                key={d.dimension}
                type="monotone"
                dataKey={d.dimension}
                name={dimName(d.dimension)}
                stroke={stroke}
                strokeDasharray={dash || undefined}
                strokeWidth={2}
                dot={{ r: 3 }}
                connectNulls
                isAnimationActive={false}
              />
            );
          })}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
