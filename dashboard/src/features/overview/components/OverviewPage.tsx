import { Status } from "../../../shared/components/Status.tsx";
import { useI18n } from "../../../shared/i18n.tsx";
import { useOverview } from "../api/overview.ts";
import { ImprovementTile, OverdueTile } from "./QualityTiles.tsx";
import { RegistryTile } from "./RegistryTile.tsx";
import { RunningTile } from "./RunningTile.tsx";
import { SatisfactionTile } from "./SatisfactionTile.tsx";

/**
 * The start page for management, kwaliteit and auditor: the questions a head of the house
 * asks first, answered in one screen from one request, each tile linking to its details.
 */
export function OverviewPage() {
  const { t } = useI18n();
  const overview = useOverview();
  const o = overview.data;
  return (
    <section aria-labelledby="overview-title" className="stack">
      <h1 id="overview-title">{t("nav.overview")}</h1>
      <p className="lead">{t("overview.intro")}</p>
      {!o ? (
        <Status loading={overview.loading} error={overview.error} />
      ) : (
        <div className="tiles">
          <SatisfactionTile data={o.satisfaction} />
          <RunningTile running={o.running} />
          <OverdueTile overdue={o.overdue} />
          <ImprovementTile actions={o.improvement} />
          <RegistryTile registry={o.registry} />
        </div>
      )}
    </section>
  );
}
