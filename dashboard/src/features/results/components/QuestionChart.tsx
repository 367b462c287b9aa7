import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { ChartFrame, type Column } from "../../../shared/chart/ChartFrame.tsx";
import { useNarrow, WrappedTick } from "../../../shared/chart/WrappedTick.tsx";
import { Significance, useSignificanceText } from "./Significance.tsx";
import type { NotApplicableShare, QuestionResult, WaveComparison } from "../api/results.ts";

const VALUES = ["1", "2", "3", "4", "5"] as const;
/** A diverging scale (disagree red, agree blue, neutral grey) with dark edges between the segments. */
const FILL: Record<(typeof VALUES)[number], string> = { 1: "#a4001d", 2: "#e0795b", 3: "#b8b8b8", 4: "#6fa8d6", 5: "#1f5f8b" };

const short = (text: string, max = 44) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * Per statement how the answers spread over 1–5, as stacked shares; the table gives the
 * counts, the mean with its interval, n, and the change since the previous wave.
 */
export function QuestionChart({
  questions,
  comparison,
  notApplicable = [],
}: {
  questions: QuestionResult[];
  comparison: WaveComparison | undefined;
  notApplicable?: NotApplicableShare[];
}) {
  const { t } = useI18n();
  // On a phone the names wrap in a narrower column, so the bars keep their room.
  const narrow = useNarrow();
  const f = useFormat();
  const verdict = useSignificanceText();
  const label = (v: string) => t("results.valueLabel", { v, text: t(`scale.${v}` as "scale.1") });
  const data = questions.map((q, i) => ({
    name: `${i + 1}. ${short(q.title)}`,
    ...Object.fromEntries(VALUES.map((v) => [v, q.n ? Math.round((1000 * (q.distribution[v] ?? 0)) / q.n) / 10 : 0])),
  }));
  const prior = (q: QuestionResult) => comparison?.questions.find((c) => c.question === q.question);
  const numbered = questions.map((q, i) => ({ ...q, index: i + 1 }));
  type Row = (typeof numbered)[number];
  const columns: Column<Row>[] = [
    { label: t("results.question"), value: (q) => `${q.index}. ${q.title}` },
    { label: t("results.n"), value: (q) => q.n },
    { label: t("results.mean"), value: (q) => Number(q.mean.toFixed(2)), digits: 2 },
    { label: t("results.ci"), value: (q) => (q.ci ? `${f.number(q.ci.low, 2)} – ${f.number(q.ci.high, 2)}` : null) },
    ...VALUES.map((v): Column<Row> => ({ label: label(v), value: (q) => q.distribution[v] ?? 0 })),
  ];
  // "Weet niet / n.v.t." counts as answered but stays out of the mean: its own share, next to the scale.
  const nvt = (q: Row) => notApplicable.find((x) => x.question === q.question);
  if (notApplicable.length) {
    columns.push({
      label: t("results.notApplicable"),
      value: (q) => nvt(q)?.notApplicable ?? null,
      render: (q) => {
        const x = nvt(q);
        return x ? `${f.percent(x.share, 0)} (${f.number(x.notApplicable)})` : "–";
      },
    });
  }
  if (comparison?.previous) {
    columns.push(
      {
        label: t("compare.previousMean"),
        value: (q) => {
          const c = prior(q);
          return c ? Number(c.previous.mean.toFixed(2)) : null;
        },
        digits: 2,
      },
      {
        label: t("compare.test"),
        value: (q) => {
          const c = prior(q);
          return c ? verdict(c.difference, c.test) : null;
        },
        render: (q) => {
          const c = prior(q);
          return c ? <Significance difference={c.difference} test={c.test} /> : "–";
        },
      },
    );
  }
  return (
    <ChartFrame
      id="results-questions"
      level={2}
      title={t("results.byQuestion")}
      description={t("results.questionsAlt")}
      rows={numbered}
      columns={columns}
      rowKey={(q) => q.question}
    >
      <ResponsiveContainer width="100%" height={Math.max(200, 90 + (narrow ? 64 : 30) * data.length)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => f.percent(v / 100)} />
          <YAxis type="category" dataKey="name" width={narrow ? 140 : 320} interval={0} tick={<WrappedTick max={narrow ? 20 : 48} />} />
          <Tooltip formatter={(v) => f.percent(Number(v) / 100, 1)} />
          <Legend formatter={(v) => <span className="legend-text">{v}</span>} />
          {VALUES.map((v) => (
            <Bar key={v} dataKey={v} stackId="a" name={label(v)} fill={FILL[v]} stroke="#1b1b1b" isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
