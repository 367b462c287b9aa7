import type { User } from "../../../shared/api/api.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useLoad } from "../../../shared/api/useLoad.ts";
import { queryString, useQueryParams } from "../../../shared/useQueryParams.ts";
import { useSubPath } from "../../../shared/useRoute.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { DigestPanel } from "./DigestPanel.tsx";
import { FindingFilters, type FindingFilter } from "./FindingFilters.tsx";
import { FindingList } from "./FindingList.tsx";
import { FindingForm } from "./FindingForm.tsx";
import { WaveFindingForm } from "./WaveFindingForm.tsx";
import { FindingDetail } from "./FindingDetail.tsx";
import { QUALITY_WRITERS, type FindingListItem } from "../api/quality.ts";

/** Verbetercyclus: what needs attention, the findings, and one finding at /verbetercyclus/<id>. */
export function QualityPage({ user }: { user: User }) {
  const [findingId] = useSubPath();
  return findingId ? <FindingDetail key={findingId} id={findingId} user={user} /> : <FindingsOverview user={user} />;
}

function FindingsOverview({ user }: { user: User }) {
  const { t } = useI18n();
  const q = useQueryParams();
  const filter: FindingFilter = { status: q.get("status"), source: q.get("source"), classification: q.get("classification") };
  const findings = useLoad<{ findings: FindingListItem[] }>(`/findings${queryString({ ...filter })}`);
  const canWrite = QUALITY_WRITERS.includes(user.role);
  const filtered = !!(filter.status || filter.source || filter.classification);
  return (
    <section aria-labelledby="quality-title" className="stack">
      <h1 id="quality-title">{t("nav.quality")}</h1>
      <p className="lead">{t("quality.intro")}</p>
      <DigestPanel />
      {canWrite && (
        <div className="stack">
          <details className="card">
            <summary>{t("finding.add")}</summary>
            <FindingForm />
          </details>
          <details className="card">
            <summary>{t("waveFinding.title")}</summary>
            <WaveFindingForm />
          </details>
        </div>)}
      <h2>{t("findings.title")}</h2>
      <FindingFilters value={filter} onChange={(next) => q.update(next)} />
      <div aria-busy={findings.loading}>
        {findings.error ? <Status error={findings.error} />
          : !findings.data ? <Status loading />
          : findings.data.findings.length === 0
            ? <p className="empty" role="status">{filtered ? t("findings.noneFiltered") : t("findings.none")}</p>
            : <FindingList findings={findings.data.findings} />}
      </div>
    </section>
  );
}
