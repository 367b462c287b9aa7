import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "./i18n.tsx";
import { useFormat } from "./format.ts";
import { ATTENDANCE_KEY } from "./AttendanceRows.tsx";
import { ATTENDANCE, type Metrics } from "./registry.ts";

const FILL = { aanwezig: "#1f5f8b", informatie_aangeleverd: "#6fa8d6", telefonisch_video: "#a64d00", afwezig: "#b8b8b8" } as const;

/** How each partner took part: stacked bars per organisation, and the table with the shares. */
export function AttendanceChart({ rows, names }: { rows: Metrics["attendance"]; names: Record<string, string> }) {
  const { t } = useI18n();
  const f = useFormat();
  if (!rows.length) return <p className="empty">{t("metrics.noAttendance")}</p>;
  const sorted = [...rows].map((r) => ({ ...r, name: names[r.organisationId] ?? r.organisationId })).sort((a, b) => b.invited - a.invited);
  return (
    <>
      <figure aria-labelledby="attendance-caption">
        <ResponsiveContainer width="100%" height={Math.max(180, 90 + 34 * sorted.length)}>
          <BarChart data={sorted} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={220} />
            <Tooltip />
            <Legend formatter={(v) => <span className="legend-text">{v}</span>} />
            {ATTENDANCE.map((a) => <Bar key={a} dataKey={a} stackId="a" name={t(ATTENDANCE_KEY[a])} fill={FILL[a]} stroke="#222" isAnimationActive={false} />)}
          </BarChart>
        </ResponsiveContainer>
        <figcaption id="attendance-caption">{t("metrics.attendanceAlt")}</figcaption>
      </figure>
      <div className="table-wrap">
        <table>
          <caption>{t("metrics.attendance")}</caption>
          <thead><tr><th scope="col">{t("metrics.partner")}</th><th scope="col">{t("metrics.invited")}</th>
            {ATTENDANCE.map((a) => <th scope="col" key={a}>{t(ATTENDANCE_KEY[a])}</th>)}<th scope="col">{t("metrics.contributed")}</th></tr></thead>
          <tbody>{sorted.map((r) => (
            <tr key={r.organisationId}><th scope="row">{r.name}</th><td>{r.invited}</td>
              {ATTENDANCE.map((a) => <td key={a}>{r[a]}</td>)}<td>{f.percent(r.contributed.share)}</td></tr>))}
          </tbody>
        </table>
      </div>
    </>
  );
}
