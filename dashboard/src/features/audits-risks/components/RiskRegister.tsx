import { useI18n } from "../../../shared/i18n.tsx";
import { useReply } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { RiskHeatmap } from "./RiskHeatmap.tsx";
import { RiskTable } from "./RiskTable.tsx";
import { LEVELS } from "../api/auditsRisks.ts";

/** The register: inherent and residual heat maps side by side, and every risk with its movement (each opens its own page). */
export function RiskRegister() {
  const { t } = useI18n();
  const register = useReply("listRisks", "/risks");
  const matrix = useReply("getRiskMatrix", "/risks/matrix");
  if (!register.data || !matrix.data) {
    return <Status loading={register.loading || matrix.loading} error={register.error ?? matrix.error} />;
  }
  const { risks, heatmap } = register.data;
  const m = matrix.data;
  const open = risks.filter((r) => !r.closedOn).length;
  return (
    <div className="stack">
      <p>{t("risks.summary", { open, overdue: risks.filter((r) => r.reviewOverdue).length })}</p>
      <p className="hint">{t("heatmap.help")}</p>
      <ul className="level-legend" aria-label={t("heatmap.legend")}>
        {LEVELS.map((l) => (
          <li key={l}>
            <span className="swatch" style={{ background: m.levels[l].colour }} aria-hidden="true" />
            {m.levels[l].label}
          </li>
        ))}
      </ul>
      <div className="heatmaps">
        <RiskHeatmap id="heatmap-inherent" title={t("heatmap.inherent", { n: open })} counts={heatmap.inherent} matrix={m} />
        <RiskHeatmap id="heatmap-residual" title={t("heatmap.residual", { n: open })} counts={heatmap.residual} matrix={m} />
      </div>
      {risks.length === 0 ? <p className="empty">{t("risks.none")}</p> : <RiskTable risks={risks} matrix={m} />}
    </div>
  );
}
