import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "./i18n.tsx";
import { useFormat } from "./format.ts";
import type { CostRow } from "./registry.ts";

/** Hours (bars) and cost (table) per gemeente or per thema. */
export function CostChart({ id, title, alt, rowHeader, rows, label }: {
  id: string; title: string; alt: string; rowHeader: string; rows: CostRow[]; label: (id: string) => string;
}) {
  const { t } = useI18n();
  const f = useFormat();
  if (!rows.length) return <p className="empty">{t("metrics.noHours")}</p>;
  const data = rows.map((r) => ({ ...r, name: label(r.id) }));
  return (
    <>
      <figure aria-labelledby={`${id}-caption`}>
        <ResponsiveContainer width="100%" height={Math.max(140, 60 + 32 * data.length)}>
          <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" tickFormatter={(v: number) => f.number(v, Number.isInteger(v) ? 0 : 1)} />
            <YAxis type="category" dataKey="name" width={220} />
            <Tooltip formatter={(v) => `${f.number(Number(v), 2)} ${t("metrics.hoursUnit")}`} />
            <Bar dataKey="hours" name={t("metrics.hours")} fill="#1f5f8b" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
        <figcaption id={`${id}-caption`}>{alt}</figcaption>
      </figure>
      <div className="table-wrap">
        <table>
          <caption>{title}</caption>
          <thead><tr><th scope="col">{rowHeader}</th><th scope="col">{t("metrics.hours")}</th><th scope="col">{t("metrics.cost")}</th></tr></thead>
          <tbody>{data.map((r) => (
            <tr key={r.id}><th scope="row">{r.name}</th><td>{f.number(r.hours, 2)}</td><td>{f.money(r.cost)}</td></tr>))}
          </tbody>
        </table>
      </div>
    </>
  );
}
