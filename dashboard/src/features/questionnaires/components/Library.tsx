import { useSend } from "../../../shared/api/query.ts";
import { Badge } from "../../../shared/components/Badge.tsx";
import { Status } from "../../../shared/components/Status.tsx";
import { useFormat } from "../../../shared/format.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { useCan } from "../../account/api/session.ts";
import { QUESTIONNAIRE_CHANGES, type QuestionnaireEntry, useQuestionnaires } from "../api/questionnaires.ts";

/** Every questionnaire with its versions, newest first: which wave uses which version, and which are locked. */
export function Library({ selected, onOpen }: { selected?: string; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const { list, loading, error, data } = useQuestionnaires();
  return (
    <section aria-labelledby="qn-library" className="stack" aria-busy={loading}>
      <h2 id="qn-library">{t("qn.library")}</h2>
      {!data ? (
        <Status loading={loading} error={error} />
      ) : list.length === 0 ? (
        <p className="empty" role="status">
          {t("qn.none")}
        </p>
      ) : (
        list.map((q) => <QuestionnaireCard key={q.key} entry={q} selected={selected} onOpen={onOpen} />)
      )}
    </section>
  );
}

function QuestionnaireCard({ entry, selected, onOpen }: { entry: QuestionnaireEntry; selected?: string; onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const fmt = useFormat();
  const can = useCan();
  const { error, busy, run } = useSubmit();
  const copy = useSend("createQuestionnaireVersion", "POST", QUESTIONNAIRE_CHANGES);
  const latest = entry.versions[0];
  const headingId = `qn-q-${entry.key}`;
  const newVersion = () =>
    run(async () => {
      const { questionnaire } = await copy.send(`/questionnaires/${latest.id}/versions`);
      onOpen(questionnaire.id);
    });
  return (
    <article className="card stack" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {entry.title} <code className="code-chip">{entry.key}</code>
      </h3>
      <div className="table-wrap qn-table">
        <table>
          <caption className="sr-only">{entry.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("qn.version")}</th>
              <th scope="col">{t("qn.title")}</th>
              <th scope="col">{t("qn.usedBy")}</th>
              <th scope="col">{t("qn.status")}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {entry.versions.map((v) => (
              <tr key={v.id} aria-current={v.id === selected ? "true" : undefined}>
                <th scope="row">
                  {v.version} <span className="muted small">({fmt.date(v.createdAt)})</span>
                </th>
                <td>{v.title}</td>
                <td>{v.waves.length ? v.waves.map((w) => w.name).join(", ") : <span className="muted">{t("qn.notUsed")}</span>}</td>
                <td>{v.inUse ? <Badge tone="neutral">{t("qn.locked")}</Badge> : <Badge tone="info">{t("qn.draft")}</Badge>}</td>
                <td>
                  <button
                    type="button"
                    className="small-button"
                    aria-label={`${v.inUse || !can("questionnaires:write") ? t("qn.open") : t("qn.edit")} ${t("qn.versionN", { n: v.version })}`}
                    onClick={() => onOpen(v.id)}
                  >
                    {v.inUse || !can("questionnaires:write") ? t("qn.open") : t("qn.edit")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {can("questionnaires:write") && latest && (
        <div>
          <button type="button" onClick={newVersion} disabled={busy} aria-label={t("qn.newVersionOf", { title: entry.title })}>
            {busy ? t("qn.creatingVersion") : t("qn.newVersion")}
          </button>
          <Status error={error} />
        </div>
      )}
    </article>
  );
}
