import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { ATTENDANCE_KEY } from "./AttendanceRows.tsx";
import { ChartFrame, type Column } from "../../../shared/chart/ChartFrame.tsx";
import { useNarrow, WrappedTick } from "../../../shared/chart/WrappedTick.tsx";
import { ATTENDANCE, type Metrics } from "../api/registry.ts";

const FILL = { aanwezig: "#1f5f8b", informatie_aangeleverd: "#6fa8d6", telefonisch_video: "#a64d00", afwezig: "#b8b8b8" } as const;

type Row = Metrics["attendance"][number] & { name: string };

/** How each partner took part: stacked bars per organisation, and the table with the shares. */
export function AttendanceChart({ rows, names }: { rows: Metrics["attendance"]; names: Record<string, string> }) {
  const { t } = useI18n();
  // On a phone the names wrap in a narrower column, so the bars keep their room.
  const narrow = useNarrow();
  const f = useFormat();
  const sorted: Row[] = [...rows]
    .map((r) => ({ ...r, name: names[r.organisationId] ?? r.organisationId }))
    .sort((a, b) => b.invited - a.invited);
  const columns: Column<Row>[] = [
    { label: t("metrics.partner"), value: (r) => r.name },
    { label: t("metrics.invited"), value: (r) => r.invited },
    ...ATTENDANCE.map((a): Column<Row> => ({ label: t(ATTENDANCE_KEY[a]), value: (r) => r[a] })),
    {
      label: t("metrics.contributed"),
      value: (r) => (r.contributed.share === null ? null : Math.round(1000 * r.contributed.share) / 10),
      render: (r) => f.percent(r.contributed.share),
    },
  ];
  return (
    <ChartFrame
      id="attendance"
      level={2}
      title={t("metrics.attendance")}
      description={t("metrics.attendanceAlt")}
      rows={sorted}
      columns={columns}
      rowKey={(r) => r.organisationId}
      empty={t("metrics.noAttendance")}
    >
      <ResponsiveContainer width="100%" height={Math.max(180, 90 + 34 * sorted.length)}>
        <BarChart data={sorted} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={narrow ? 110 : 220} interval={0} tick={<WrappedTick max={narrow ? 14 : 32} />} />
          <Tooltip />
          <Legend formatter={(v) => <span className="legend-text">{v}</span>} />
          {ATTENDANCE.map((a) => (
            <Bar key={a} dataKey={a} stackId="a" name={t(ATTENDANCE_KEY[a])} fill={FILL[a]} stroke="#222" isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
