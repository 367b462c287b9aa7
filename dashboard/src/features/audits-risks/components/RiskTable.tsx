import { Link } from "@tanstack/react-router";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { Badge } from "../../../shared/components/Badge.tsx";
import { MovementBadge } from "./MovementBadge.tsx";
import type { Assessment, Risk, RiskMatrix } from "../api/auditsRisks.ts";
import { ScrollBox } from "../../../shared/chart/ChartFrame.tsx";

/** Each risk: its levels, which way the residual risk moved, and whether its review is overdue. */
export function RiskTable({ risks, matrix }: { risks: Risk[]; matrix: RiskMatrix }) {
  const { t } = useI18n();
  const f = useFormat();
  const level = (a: Assessment) => (
    <>
      {matrix.levels[a.level].label} <span className="muted">({t("risks.scoreShort", { l: a.likelihood, i: a.impact, s: a.score })})</span>
    </>
  );
  return (
    <ScrollBox label={t("chart.table", { title: t("risks.caption", { n: risks.length }) })}>
      <table>
        <caption>{t("risks.caption", { n: risks.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("finding.ref")}</th>
            <th scope="col">{t("risks.titleCol")}</th>
            <th scope="col">{t("risks.kind")}</th>
            <th scope="col">{t("risks.inherentCol")}</th>
            <th scope="col">{t("risks.residualCol")}</th>
            <th scope="col">{t("risks.movement")}</th>
            <th scope="col">{t("risks.nextReview")}</th>
            <th scope="col">{t("action.owner")}</th>
          </tr>
        </thead>
        <tbody>
          {risks.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to="/audits-risicos/risicos/$riskId" params={{ riskId: r.id }}>
                  <code>{r.ref}</code>
                  <span className="sr-only"> {r.title}</span>
                </Link>
              </th>
              <td>
                {r.title}
                {r.processName && <div className="hint">{r.processName}</div>}
              </td>
              <td>{r.kind === "risk" ? t("risks.risk") : t("risks.opportunity")}</td>
              <td>{level(r.inherent)}</td>
              <td>{level(r.residual)}</td>
              <td>
                {r.movement ? (
                  <>
                    <MovementBadge direction={r.movement.direction} kind={r.kind} />
                    <div className="hint">{t("risks.since", { date: f.date(r.movement.since) })}</div>
                  </>
                ) : (
                  "–"
                )}
              </td>
              <td>
                {r.closedOn ? (
                  t("risks.closedOn", { date: f.date(r.closedOn) })
                ) : (
                  <>
                    {f.date(r.nextReviewOn)}
                    {r.reviewOverdue && (
                      <>
                        {" "}
                        <Badge tone="warn" symbol="!">
                          {t("risks.reviewOverdue")}
                        </Badge>
                      </>
                    )}
                  </>
                )}
              </td>
              <td>{r.ownerName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
