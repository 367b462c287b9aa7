import { useState } from "react";
import { useI18n } from "../../../shared/i18n.tsx";
import { useCan } from "../../account/api/session.ts";
import type { User } from "../../account/api/session.ts";
import { useReply } from "../../../shared/api/query.ts";
import { getRouteApi } from "@tanstack/react-router";
import { useUrlSearch } from "../../../shared/useUrlSearch.ts";
import { namer, useMunicipalities, useOrganisations, useThemes } from "../api/useReference.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { CodeSearch, Pager, pageQuery } from "../../../shared/components/PagedList.tsx";
import type { Case } from "../api/registry.ts";
import { CaseDetail } from "./CaseDetail.tsx";
import { CaseFilters } from "./CaseFilters.tsx";
import { CaseForm } from "./CaseForm.tsx";
import { CaseTable } from "./CaseTable.tsx";

/**
 * Casussen: one page of the case list at a time (paged, sorted and searched by code on the
 * server, all in the URL), a case's detail in a dialog, and for writers the registration form.
 */
export function CasesPage({ user }: { user: User }) {
  const can = useCan();
  const { t } = useI18n();
  const [search, setSearch] = useUrlSearch(getRouteApi("/casussen"));
  const { page = 1, sort = "-registeredOn", ...filter } = search;
  const cases = useReply("listCases", "/cases", { ...filter, sort, ...pageQuery(page) });
  const municipalities = useMunicipalities();
  const themes = useThemes();
  const canWrite = can("registry:write");
  const organisations = useOrganisations();
  const [open, setOpen] = useState<Case>();
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
      <CodeSearch id="cases-q" value={filter.q} onSearch={(q) => setSearch({ q, page: null })} />
      <CaseFilters
        value={filter}
        onChange={(changes) => setSearch({ ...changes, page: null })}
        municipalities={ownMunicipalities}
        themes={themes.list}
      />
      <div aria-busy={cases.loading}>
        {cases.error ? (
          <Status error={cases.error} />
        ) : !cases.data ? (
          <Status loading />
        ) : cases.data.cases.length === 0 ? (
          <p className="empty" role="status">
            {filter.status || filter.municipality || filter.theme || filter.q ? t("cases.noneFiltered") : t("cases.none")}
          </p>
        ) : (
          <>
            <CaseTable
              cases={cases.data.cases}
              total={cases.data.total}
              name={name}
              sort={sort}
              onSort={(next) => setSearch({ sort: next as typeof sort, page: null })}
              onOpen={setOpen}
            />
            <Pager total={cases.data.total} page={page} onPage={(p) => setSearch({ page: p === 1 ? null : p })} />
          </>
        )}
      </div>
      {open && (
        <CaseDetail
          key={open.id}
          item={open}
          name={name}
          canWrite={canWrite}
          canHandleLocally={can("cases:handle-locally")}
          onClose={() => setOpen(undefined)}
        />
      )}
    </section>
  );
}
