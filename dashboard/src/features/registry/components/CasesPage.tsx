import { useI18n } from "../../../shared/i18n.tsx";
import type { User } from "../../../shared/api/api.ts";
import { useLoad } from "../../../shared/api/useLoad.ts";
import { queryString, useQueryParams } from "../../../shared/useQueryParams.ts";
import { namer, useMunicipalities, useOrganisations, useThemes } from "../api/useReference.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { CaseFilters, type CaseFilter } from "./CaseFilters.tsx";
import { CaseForm } from "./CaseForm.tsx";
import { CaseTable } from "./CaseTable.tsx";
import { WRITERS, type Case } from "../api/registry.ts";

/** Casussen: the case list with shareable filters, and for writers the registration form. */
export function CasesPage({ user }: { user: User }) {
  const { t } = useI18n();
  const q = useQueryParams();
  const filter: CaseFilter = { status: q.get("status"), municipality: q.get("municipality"), theme: q.get("theme") };
  const cases = useLoad<{ cases: Case[] }>(`/cases${queryString({ ...filter })}`);
  const municipalities = useMunicipalities();
  const themes = useThemes();
  const canWrite = WRITERS.includes(user.role);
  const organisations = useOrganisations();
  // A medewerker works for one branch: offer only its municipalities.
  const ownMunicipalities = municipalities.list.filter((m) => !user.branchId || m.branchId === user.branchId);
  const name = namer(municipalities.list, themes.list);
  return (
    <section aria-labelledby="cases-title" className="stack">
      <h1 id="cases-title">{t("nav.cases")}</h1>
      <p className="lead">{t("cases.intro")}</p>
      {canWrite && (organisations.loading || themes.loading || municipalities.loading
        ? <Status loading />
        : <CaseForm municipalities={ownMunicipalities} themes={themes.list} organisations={organisations.list} onCreated={() => cases.reload()} />)}
      <h2>{t("cases.list")}</h2>
      <CaseFilters value={filter} onChange={(next) => q.update(next)} municipalities={ownMunicipalities} themes={themes.list} />
      <div aria-busy={cases.loading}>
        {cases.error ? <Status error={cases.error} />
          : !cases.data ? <Status loading />
          : cases.data.cases.length === 0
            ? <p className="empty" role="status">{filter.status || filter.municipality || filter.theme ? t("cases.noneFiltered") : t("cases.none")}</p>
            : <CaseTable cases={cases.data.cases} name={name} canWrite={canWrite} onChanged={cases.reload} />}
      </div>
    </section>
  );
}
