import { useI18n } from "../../../shared/i18n.tsx";
import type { User } from "../../../shared/api/api.ts";
import { useLoad } from "../../../shared/api/useLoad.ts";
import { queryString, useQueryParams } from "../../../shared/useQueryParams.ts";
import { branchesOf, namer, useMunicipalities, useOrganisations } from "../api/useReference.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { ConferenceForm } from "./ConferenceForm.tsx";
import { ConferenceTable } from "./ConferenceTable.tsx";
import { WRITERS, type Case, type Conference } from "../api/registry.ts";

/** Casusoverleg: registered conferences (newest first) and, for writers, the registration form. */
export function ConferencesPage({ user }: { user: User }) {
  const { t } = useI18n();
  const q = useQueryParams();
  const branch = q.get("branch");
  const conferences = useLoad<{ conferences: Conference[] }>(`/conferences${queryString({ branch })}`);
  const cases = useLoad<{ cases: Case[] }>("/cases");
  const municipalities = useMunicipalities();
  const organisations = useOrganisations();
  const canWrite = WRITERS.includes(user.role);
  const branches = branchesOf(municipalities.list).filter((b) => !user.branchId || b.id === user.branchId);
  const name = namer(municipalities.list, organisations.list, branches);
  const codes = new Map((cases.data?.cases ?? []).map((c) => [c.id, c.code]));
  const reload = () => { conferences.reload(); cases.reload(); };
  const ready = !municipalities.loading && !organisations.loading;
  return (
    <section aria-labelledby="confs-title" className="stack">
      <h1 id="confs-title">{t("nav.conferences")}</h1>
      <p className="lead">{t("confs.intro")}</p>
      {canWrite && (ready
        ? <ConferenceForm branches={branches} organisations={organisations.list} name={name} onCreated={reload} />
        : <Status loading />)}
      <h2>{t("confs.list")}</h2>
      {branches.length > 1 && (
        <form role="search" aria-label={t("filters.title")} className="filters" onSubmit={(e) => e.preventDefault()}>
          <div>
            <label htmlFor="confs-branch">{t("conf.branch")}</label>
            <select id="confs-branch" value={branch} onChange={(e) => q.update({ branch: e.target.value })}>
              <option value="">{t("filters.all")}</option>
              {branches.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
            </select>
          </div>
        </form>)}
      <div aria-busy={conferences.loading}>
        {conferences.error ? <Status error={conferences.error} />
          : !conferences.data ? <Status loading />
          : conferences.data.conferences.length === 0 ? <p className="empty" role="status">{t("confs.none")}</p>
          : <ConferenceTable conferences={conferences.data.conferences} name={name} caseCode={(id) => codes.get(id) ?? "…"}
            canWrite={canWrite} onChanged={reload} />}
      </div>
    </section>
  );
}
