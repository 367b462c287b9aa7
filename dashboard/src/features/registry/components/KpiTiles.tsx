import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import type { Metrics, Share, Spread } from "../api/registry.ts";

/** The headline figures as tiles; each share also shows its count, so no figure stands without its base. */
export function KpiTiles({ m }: { m: Metrics }) {
  const { t } = useI18n();
  const f = useFormat();
  const share = (s: Share) => ({ value: f.percent(s.share), sub: t("metrics.countOf", { count: s.count, n: s.n }) });
  const days = (s: Spread) =>
    s.median === null
      ? { value: "–", sub: t("metrics.noLeadTime") }
      : {
          value: t("metrics.days", { n: f.number(s.median, s.median % 1 ? 1 : 0) }),
          sub: t("metrics.p90", { p90: f.number(s.p90 ?? 0, (s.p90 ?? 0) % 1 ? 1 : 0), n: s.n }),
        };
  const tiles = [
    { label: t("metrics.conferences"), value: f.number(m.conferences), sub: t("metrics.casesRegistered", { n: m.cases.registered }) },
    { label: t("metrics.directorAssigned"), ...share(m.directorAssigned) },
    { label: t("metrics.allElements"), ...share(m.allElementsRecorded) },
    { label: t("metrics.rolesExplained"), ...share(m.rolesExplained) },
    {
      label: t("metrics.overdue"),
      value: f.number(m.followUps.overdue),
      sub: t("metrics.followUpsOf", { n: m.followUps.total, open: m.followUps.open }),
    },
    { label: t("metrics.leadFirst"), ...days(m.leadTimeDays.toFirstConference) },
    { label: t("metrics.leadClosure"), ...days(m.leadTimeDays.toClosure) },
  ];
  return (
    <dl className="kpis">
      {tiles.map((x) => (
        <div key={x.label}>
          <dt>{x.label}</dt>
          <dd>{x.value}</dd>
          <dd className="kpi-sub">{x.sub}</dd>
        </div>
      ))}
    </dl>
  );
}
