import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useReply } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { ChartFrame, type Column } from "../../../shared/chart/ChartFrame.tsx";
import { CLASS_KEY, CLASSIFICATIONS, type Classification } from "../../quality/api/quality.ts";

const FILL: Record<Classification, string> = { major_nc: "#a4001d", minor_nc: "#d9822b", observation: "#6fa8d6", opportunity: "#2e7d4f" };

/** Clauses in the standard's order: 4.1 < 7.5 < 8.5.1 < 10.2. */
const byClause = (a: string, b: string) => {
  const x = a.split(".").map(Number),
    y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
};

/**
 * What the year's internal audits found, per ISO 9001 clause and classification: a
 * stacked bar chart and the same counts in a table. A finding under two clauses counts
 * under both, so the table's totals can exceed the number of findings.
 */
export function AuditFindingsChart({ year }: { year: number }) {
  const { t } = useI18n();
  const res = useReply("listFindings", "/findings", { source: "audit" });
  if (!res.data) return <Status loading={res.loading} error={res.error} />;
  const found = res.data.findings.filter((x) => x.foundOn.startsWith(`${year}-`));
  if (!found.length) return <p className="empty">{t("auditFindings.none", { year })}</p>;
  const clauses = [...new Set(found.flatMap((x) => x.clauses))].sort(byClause);
  const rows = clauses.map((clause) => {
    const under = found.filter((x) => x.clauses.includes(clause));
    return {
      clause,
      total: under.length,
      ...Object.fromEntries(CLASSIFICATIONS.map((c) => [c, under.filter((x) => x.classification === c).length])),
    } as { clause: string; total: number } & Record<Classification, number>;
  });
  type Row = (typeof rows)[number];
  const columns: Column<Row>[] = [
    { label: t("auditFindings.clause"), value: (r) => r.clause },
    ...CLASSIFICATIONS.map((c): Column<Row> => ({ label: t(CLASS_KEY[c]), value: (r) => r[c] })),
    { label: t("auditFindings.total"), value: (r) => r.total },
  ];
  return (
    <>
      <p>{t("auditFindings.count", { n: found.length, year })}</p>
      <ChartFrame
        id="audit-findings-chart"
        title={t("auditFindings.caption", { year })}
        description={t("auditFindings.alt")}
        rows={rows}
        columns={columns}
        rowKey={(r) => r.clause}
      >
        <ResponsiveContainer width="100%" height={Math.max(160, 80 + 30 * rows.length)}>
          <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="clause" width={70} />
            <Tooltip />
            <Legend formatter={(v) => <span className="legend-text">{v}</span>} />
            {CLASSIFICATIONS.map((c) => (
              <Bar key={c} dataKey={c} stackId="a" name={t(CLASS_KEY[c])} fill={FILL[c]} stroke="#222" isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </ChartFrame>
    </>
  );
}
