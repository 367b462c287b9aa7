import type { User } from "../../account/api/session.ts";
import { useCan } from "../../account/api/session.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useReply } from "../../../shared/api/query.ts";
import { getRouteApi } from "@tanstack/react-router";
import { useUrlSearch } from "../../../shared/useUrlSearch.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { DigestPanel } from "./DigestPanel.tsx";
import { FindingFilters } from "./FindingFilters.tsx";
import { FindingList } from "./FindingList.tsx";
import { FindingForm } from "./FindingForm.tsx";
import { WaveFindingForm } from "./WaveFindingForm.tsx";
import { FindingDetail } from "./FindingDetail.tsx";

/** Verbetercyclus: what needs attention, the findings, and one finding at /verbetercyclus/<id>. */
export function QualityPage({ user, findingId }: { user: User; findingId?: string }) {
  return findingId ? <FindingDetail key={findingId} id={findingId} user={user} /> : <FindingsOverview />;
}

function FindingsOverview() {
  const can = useCan();
  const { t } = useI18n();
  const [filter, setFilter] = useUrlSearch(getRouteApi("/verbetercyclus"));
  const findings = useReply("listFindings", "/findings", filter);
  const canWrite = can("quality:write");
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
        </div>
      )}
      <h2>{t("findings.title")}</h2>
      <FindingFilters value={filter} onChange={setFilter} />
      <div aria-busy={findings.loading}>
        {findings.error ? (
          <Status error={findings.error} />
        ) : !findings.data ? (
          <Status loading />
        ) : findings.data.findings.length === 0 ? (
          <p className="empty" role="status">
            {filtered ? t("findings.noneFiltered") : t("findings.none")}
          </p>
        ) : (
          <FindingList findings={findings.data.findings} />
        )}
      </div>
    </section>
  );
}
