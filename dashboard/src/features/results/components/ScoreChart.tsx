import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "../../../shared/i18n.tsx";
import { ChartFrame, type Column } from "../../../shared/chart/ChartFrame.tsx";
import type { QuestionResult } from "../api/results.ts";

const VALUES = Array.from({ length: 11 }, (_, i) => String(i));

/** The 0–10 questions (report mark and recommendation): how many gave each value, side by side. */
export function ScoreChart({ grade, recommend }: { grade: QuestionResult | undefined; recommend: QuestionResult | undefined }) {
  const { t } = useI18n();
  const rows = VALUES.map((v) => ({ value: v, grade: grade?.distribution[v] ?? 0, recommend: recommend?.distribution[v] ?? 0 }));
  const columns: Column<(typeof rows)[number]>[] = [
    { label: t("results.value"), value: (r) => r.value },
    { label: t("results.grade"), value: (r) => r.grade },
    { label: t("results.recommend"), value: (r) => r.recommend },
  ];
  return (
    <ChartFrame
      id="results-scores"
      level={2}
      title={t("results.scores")}
      description={t("results.scoresAlt")}
      rows={grade || recommend ? rows : []}
      columns={columns}
      rowKey={(r) => r.value}
      empty={t("results.noScores")}
    >
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="value" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend formatter={(v) => <span className="legend-text">{v}</span>} />
          <Bar dataKey="grade" name={t("results.grade")} fill="#1f5f8b" stroke="#1b1b1b" isAnimationActive={false} />
          <Bar dataKey="recommend" name={t("results.recommend")} fill="#e8a33d" stroke="#1b1b1b" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
