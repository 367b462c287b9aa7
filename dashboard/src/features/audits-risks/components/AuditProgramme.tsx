import { Link } from "@tanstack/react-router";
import { useEffect } from "react";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { useReply } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { Badge } from "../../../shared/components/Badge.tsx";
import { AUDIT_STATUS_KEY } from "../api/auditsRisks.ts";
import type { MessageKey } from "../../../../../i18n/messages.ts";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";

const WEIGHT: Record<number, MessageKey> = { 1: "programme.weight1", 2: "programme.weight2", 3: "programme.weight3" };

/**
 * The audit programme of one year (9.2.2): per process how often it should be audited and
 * why, how often it is planned, and where that falls short; then every audit with the
 * late and report-late signals, and the year's totals.
 */
export function AuditProgramme({ year }: { year: number }) {
  const { t } = useI18n();
  const f = useFormat();
  const res = useReply("getAuditProgramme", "/audits/programme", { year });
  const p = res.data;
  // A link from the digest points at one audit (#audit-<id>); bring it into view once it is there.
  useEffect(() => {
    if (!p || !location.hash.startsWith("#audit-")) return;
    const row = document.getElementById(location.hash.slice(1));
    row?.scrollIntoView({ block: "center" });
    row?.focus();
  }, [p]);
  if (!p) return <Status loading={res.loading} error={res.error} />;
  const audits = p.processes.flatMap((r) => r.audits).sort((a, b) => a.plannedOn.localeCompare(b.plannedOn));
  const tiles: [string, number][] = [
    [t("programme.planned"), p.totals.planned],
    [t("programme.done"), p.totals.done],
    [t("programme.reported"), p.totals.reported],
    [t("programme.late"), p.totals.late],
    [t("programme.reportLate"), p.totals.reportLate],
    [t("programme.cancelled"), p.totals.cancelled],
    [t("programme.shortfalls"), p.totals.shortfalls],
  ];
  return (
    <div className="stack" aria-busy={res.loading}>
      <dl className="kpis">
        {tiles.map(([label, n]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{n}</dd>
          </div>
        ))}
      </dl>
      <ScrollBox label={t("chart.table", { title: t("programme.perProcess", { year }) })}>
        <table>
          <caption>{t("programme.perProcess", { year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("programme.process")}</th>
              <th scope="col">{t("programme.riskWeight")}</th>
              <th scope="col">{t("programme.recommended")}</th>
              <th scope="col">{t("programme.plannedCount")}</th>
              <th scope="col">{t("programme.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {p.processes.map((r) => (
              <tr key={r.processId}>
                <th scope="row">
                  {r.name}
                  {r.owners.length > 0 && (
                    <div className="hint">{t("programme.owners", { names: r.owners.map((o) => o.name).join(", ") })}</div>
                  )}
                </th>
                <td>{WEIGHT[r.riskWeight] ? t(WEIGHT[r.riskWeight]) : r.riskWeight}</td>
                <td>{r.recommended}</td>
                <td>
                  {r.planned}
                  {r.shortfall ? (
                    <>
                      {" "}
                      <Badge tone="warn" symbol="!">
                        {t("programme.shortfall", { n: r.recommended - r.planned })}
                      </Badge>
                    </>
                  ) : (
                    <>
                      {" "}
                      <Badge tone="good" symbol="✓">
                        {t("programme.enough")}
                      </Badge>
                    </>
                  )}
                </td>
                <td>{t(`programme.why.${r.reasonCode}`, { year: r.reasonYear ?? "" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {audits.length === 0 ? (
        <p className="empty">{t("programme.noAudits", { year })}</p>
      ) : (
        <ScrollBox label={t("chart.table", { title: t("programme.audits", { year, n: audits.length }) })}>
          <table>
            <caption>{t("programme.audits", { year, n: audits.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("finding.ref")}</th>
                <th scope="col">{t("programme.process")}</th>
                <th scope="col">{t("programme.plannedOn")}</th>
                <th scope="col">{t("programme.actualOn")}</th>
                <th scope="col">{t("programme.status")}</th>
                <th scope="col">{t("programme.signals")}</th>
                <th scope="col">{t("programme.auditors")}</th>
              </tr>
            </thead>
            <tbody>
              {audits.map((a) => (
                <tr key={a.id} id={`audit-${a.id}`} tabIndex={-1}>
                  <th scope="row">
                    <Link to="/audits-risicos/audits/$auditId" params={{ auditId: a.id }}>
                      <code>{a.ref}</code>
                    </Link>
                  </th>
                  <td>{a.processName}</td>
                  <td>{f.date(a.plannedOn)}</td>
                  <td>{f.date(a.actualOn)}</td>
                  <td>
                    {t(AUDIT_STATUS_KEY[a.status])}
                    {a.reportedOn && <span className="muted"> {t("programme.reportedOn", { date: f.date(a.reportedOn) })}</span>}
                  </td>
                  <td>
                    {a.late && (
                      <Badge tone="warn" symbol="!">
                        {t("programme.lateBadge")}
                      </Badge>
                    )}
                    {a.reportLate && (
                      <>
                        {" "}
                        <Badge tone="warn" symbol="!">
                          {t("programme.reportLateBadge")}
                        </Badge>
                      </>
                    )}
                    {!a.late && !a.reportLate && <span className="muted">{t("programme.noSignals")}</span>}
                  </td>
                  <td>{a.auditors.map((x) => x.name).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </div>
  );
}
