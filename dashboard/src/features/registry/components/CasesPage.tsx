import { useI18n } from "../../../shared/i18n.tsx";
import { useCan } from "../../account/api/session.ts";
import type { User } from "../../account/api/session.ts";
import { useReply } from "../../../shared/api/query.ts";
import { getRouteApi } from "@tanstack/react-router";
import { useUrlSearch } from "../../../shared/useUrlSearch.ts";
import { namer, useMunicipalities, useOrganisations, useThemes } from "../api/useReference.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { CaseFilters } from "./CaseFilters.tsx";
import { CaseForm } from "./CaseForm.tsx";
import { CaseTable } from "./CaseTable.tsx";

/** Casussen: the case list with shareable filters, and for writers the registration form. */
export function CasesPage({ user }: { user: User }) {
  const can = useCan();
  const { t } = useI18n();
  const [search, setSearch] = useUrlSearch(getRouteApi("/casussen"));
  const filter = search;
  const cases = useReply("listCases", "/cases", filter);
  const municipalities = useMunicipalities();
  const themes = useThemes();
  const canWrite = can("registry:write");
  const organisations = useOrganisations();
  // A medewerker works for one branch: offer only its municipalities.
  const ownMunicipalities = municipalities.list.filter((m) => !user.branchId || m.branchId === user.branchId);
  const name = namer(municipalities.list, themes.list);
  return (
    <section aria-labelledby="cases-title" className="stack">
      <h1 id="cases-title">{t("nav.cases")}</h1>
      <p className="lead">{t("cases.intro")}</p>
      {canWrite &&
        (organisations.loading || themes.loading || municipalities.loading ? (
          <Status loading />
        ) : (
          <CaseForm municipalities={ownMunicipalities} themes={themes.list} organisations={organisations.list} />
        ))}
      <h2>{t("cases.list")}</h2>
      <CaseFilters value={filter} onChange={setSearch} municipalities={ownMunicipalities} themes={themes.list} />
      <div aria-busy={cases.loading}>
        {cases.error ? (
          <Status error={cases.error} />
        ) : !cases.data ? (
          <Status loading />
        ) : cases.data.cases.length === 0 ? (
          <p className="empty" role="status">
            {filter.status || filter.municipality || filter.theme ? t("cases.noneFiltered") : t("cases.none")}
          </p>
        ) : (
          <CaseTable cases={cases.data.cases} name={name} canWrite={canWrite} />
        )}
      </div>
    </section>
  );
}
