import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useI18n } from "../../../shared/i18n.tsx";
import { ChartFrame, type Column } from "../../../shared/chart/ChartFrame.tsx";
import type { Metrics } from "../api/registry.ts";

type Row = Metrics["conferencesByMunicipality"][number] & { name: string };

/** Case conferences per municipality (a conference counts for each municipality whose case it discussed), beside cost per municipality. */
export function ConferencesByMunicipality({ m, label, level = 2 }: { m: Metrics; label: (id: string) => string; level?: 2 | 3 }) {
  const { t } = useI18n();
  const rows: Row[] = m.conferencesByMunicipality.map((r) => ({ ...r, name: label(r.municipalityId) }));
  const columns: Column<Row>[] = [
    { label: t("case.municipality"), value: (r) => r.name },
    { label: t("conf.count"), value: (r) => r.conferences },
  ];
  return (
    <ChartFrame
      id="conf-municipality"
      level={level}
      title={t("conf.perMunicipality")}
      description={t("conf.perMunicipalityAlt")}
      rows={rows}
      columns={columns}
      rowKey={(r) => r.municipalityId}
      empty={t("confs.none")}
    >
      <ResponsiveContainer width="100%" height={Math.max(140, 60 + 32 * rows.length)}>
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="name" width={220} />
          <Tooltip />
          <Bar dataKey="conferences" name={t("conf.count")} fill="#1f5f8b" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
