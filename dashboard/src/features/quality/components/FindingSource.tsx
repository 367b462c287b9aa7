import { useI18n } from "../../../shared/i18n.tsx";
import { useDimensionName } from "../../../shared/dimensions.ts";
import { useFormat } from "../../../shared/format.ts";
import { useReply } from "../../../shared/api/query.ts";
import { Link } from "@tanstack/react-router";
import { asMetric, METRIC_KEY, SOURCE_KEY, type Finding } from "../api/quality.ts";

/** Where the finding came from; for a survey finding the wave, the dimension and the measured baseline. */
export function FindingSource({ finding }: { finding: Finding }) {
  const { t } = useI18n();
  const dimName = useDimensionName();
  const f = useFormat();
  const b = finding.baseline;
  // The finding names its audit or risk by id only; their reference and title come from their own endpoints.
  const audit = useReply("getAudit", finding.sourceAuditId ? `/audits/${finding.sourceAuditId}` : null);
  const risk = useReply("getRisk", finding.sourceRiskId ? `/risks/${finding.sourceRiskId}` : null);
  const a = audit.data?.audit,
    r = risk.data?.risk;
  return (
    <dl className="facts">
      <div>
        <dt>{t("finding.source")}</dt>
        <dd>{t(SOURCE_KEY[finding.source])}</dd>
      </div>
      {b && (
        <>
          <div>
            <dt>{t("results.wave")}</dt>
            <dd>{b.wave}</dd>
          </div>
          <div>
            <dt>{b.kind === "dimension" ? t("results.dimension") : t("source.question")}</dt>
            <dd>{b.kind === "dimension" ? dimName(b.key, b.label) : b.label}</dd>
          </div>
          <div>
            <dt>{t("source.baseline")}</dt>
            <dd>
              {t("source.baselineValue", { mean: f.number(b.mean, 2), n: b.n })}
              {b.ci && <>; {t("source.ci", { low: f.number(b.ci.low, 2), high: f.number(b.ci.high, 2) })}</>}
            </dd>
          </div>
        </>
      )}
      {!b && finding.sourceDimension && (
        <div>
          <dt>{t("results.dimension")}</dt>
          <dd>{dimName(finding.sourceDimension)}</dd>
        </div>
      )}
      {finding.sourceAuditId && (
        <div>
          <dt>{t("source.audit")}</dt>
          <dd>
            {a ? (
              <Link to="/audits-risicos" search={{ year: a.year }} hash={`audit-${a.id}`}>
                <code>{a.ref}</code> {a.processName}
              </Link>
            ) : (
              <span className="muted">{t("app.loading")}</span>
            )}
          </dd>
        </div>
      )}
      {finding.sourceRiskId && (
        <div>
          <dt>{t("source.risk")}</dt>
          <dd>
            <Link to="/audits-risicos" search={{ risk: finding.sourceRiskId ?? undefined }}>
              {r ? (
                <>
                  <code>{r.ref}</code> {r.title}
                </>
              ) : (
                t("source.openRisk")
              )}
            </Link>
          </dd>
        </div>
      )}
      {asMetric(finding.sourceMetric) && (
        <div>
          <dt>{t("source.metric")}</dt>
          <dd>{t(METRIC_KEY[asMetric(finding.sourceMetric)!])}</dd>
        </div>
      )}
    </dl>
  );
}
