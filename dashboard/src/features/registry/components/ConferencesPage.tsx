import { useI18n } from "../../../shared/i18n.tsx";
import { useCan } from "../../account/api/session.ts";
import type { User } from "../../account/api/session.ts";
import { useReply } from "../../../shared/api/query.ts";
import { getRouteApi } from "@tanstack/react-router";
import { useUrlSearch } from "../../../shared/useUrlSearch.ts";
import { branchesOf, namer, useMunicipalities, useOrganisations } from "../api/useReference.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { ConferenceForm } from "./ConferenceForm.tsx";
import { ConferenceTable } from "./ConferenceTable.tsx";
import { CodeSearch, Pager, pageQuery } from "../../../shared/components/PagedList.tsx";
import { useCaseCodes } from "../../hours/api/useCaseCodes.ts";

/** Casusoverleg: registered conferences (newest first) and, for writers, the registration form. */
export function ConferencesPage({ user }: { user: User }) {
  const can = useCan();
  const { t } = useI18n();
  const [search, setSearch] = useUrlSearch(getRouteApi("/casusoverleg"));
  const branch = search.branch ?? "";
  const { page = 1, sort = "-heldOn", q } = search;
  const conferences = useReply("listConferences", "/conferences", { branch, q, sort, ...pageQuery(page) });
  const municipalities = useMunicipalities();
  const organisations = useOrganisations();
  const canWrite = can("registry:write");
  const branches = branchesOf(municipalities.list).filter((b) => !user.branchId || b.id === user.branchId);
  const name = namer(municipalities.list, organisations.list, branches);
  // Codes for the cases on this page only, not the whole register.
  const codes = useCaseCodes((conferences.data?.conferences ?? []).flatMap((c) => c.caseIds));
  const ready = !municipalities.loading && !organisations.loading;
  return (
    <section aria-labelledby="confs-title" className="stack">
      <h1 id="confs-title">{t("nav.conferences")}</h1>
      <p className="lead">{t("confs.intro")}</p>
      {canWrite && (ready ? <ConferenceForm branches={branches} organisations={organisations.list} name={name} /> : <Status loading />)}
      <h2>{t("confs.list")}</h2>
      <CodeSearch id="confs-q" value={q} onSearch={(next) => setSearch({ q: next, page: null })} />
      {branches.length > 1 && (
        <form role="search" aria-label={t("filters.title")} className="filters" onSubmit={(e) => e.preventDefault()}>
          <div>
            <label htmlFor="confs-branch">{t("conf.branch")}</label>
            <select id="confs-branch" value={branch} onChange={(e) => setSearch({ branch: e.target.value, page: null })}>
              <option value="">{t("filters.all")}</option>
              {branches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
        </form>
      )}
      <div aria-busy={conferences.loading}>
        {conferences.error ? (
          <Status error={conferences.error} />
        ) : !conferences.data ? (
          <Status loading />
        ) : conferences.data.conferences.length === 0 ? (
          <p className="empty" role="status">
            {t("confs.none")}
          </p>
        ) : (
          <>
            <ConferenceTable
              conferences={conferences.data.conferences}
              total={conferences.data.total}
              sort={sort}
              onSort={(next) => setSearch({ sort: next as typeof sort, page: null })}
              name={name}
              caseCode={(id) => codes.get(id)?.code ?? "…"}
              canWrite={canWrite}
            />
            <Pager total={conferences.data.total} page={page} onPage={(p) => setSearch({ page: p === 1 ? null : p })} />
          </>
        )}
      </div>
    </section>
  );
}
