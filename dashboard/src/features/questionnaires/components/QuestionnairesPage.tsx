import { getRouteApi } from "@tanstack/react-router";
import { useI18n } from "../../../shared/i18n.tsx";
import { useUrlSearch } from "../../../shared/useUrlSearch.ts";
import { useCan } from "../../account/api/session.ts";
import { Library } from "./Library.tsx";
import { NewQuestionnaireForm } from "./NewQuestionnaireForm.tsx";
import { VersionEditor } from "./VersionEditor.tsx";

/** Vragenlijsten: the library of questionnaires and their versions, and the editor of the chosen version (?versie=<id>). */
export function QuestionnairesPage() {
  const { t } = useI18n();
  const can = useCan();
  const [search, setSearch] = useUrlSearch(getRouteApi("/vragenlijsten"));
  const open = (id: string) => setSearch({ versie: id, tab: null });
  return (
    <section aria-labelledby="qn-title" className="stack qn-root">
      <h1 id="qn-title">{t("nav.questionnaires")}</h1>
      <p className="lead">{t("qn.intro")}</p>
      {can("questionnaires:write") && (
        <details className="card">
          <summary>{t("qn.add")}</summary>
          <NewQuestionnaireForm onCreated={open} />
        </details>
      )}
      <Library selected={search.versie} onOpen={open} />
      {search.versie && (
        <VersionEditor
          key={search.versie}
          id={search.versie}
          tab={search.tab ?? "vragen"}
          onTab={(tab) => setSearch({ tab: tab === "vragen" ? null : tab })}
        />
      )}
    </section>
  );
}
