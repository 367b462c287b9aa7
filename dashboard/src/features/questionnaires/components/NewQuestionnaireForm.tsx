import { useState, type FormEvent } from "react";
import { useSend } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { useI18n } from "../../../shared/i18n.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { QUESTIONNAIRE_CHANGES } from "../api/questionnaires.ts";

/** A new questionnaire starts as version 1 with one empty page; its questions are added in the editor. */
export function NewQuestionnaireForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { t } = useI18n();
  const [key, setKey] = useState("");
  const [title, setTitle] = useState("");
  const { error, busy, run } = useSubmit();
  const create = useSend("createQuestionnaire", "POST", QUESTIONNAIRE_CHANGES);

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      const definition = { title, locale: "nl", pages: [{ name: "pagina1", title: t("qn.firstPage"), elements: [] }] };
      const { questionnaire } = await create.send("/questionnaires", { key, title, definition });
      setKey("");
      setTitle("");
      onCreated(questionnaire.id);
    });
  }

  return (
    <form onSubmit={submit} className="stack" aria-labelledby="qn-new-title">
      <h2 id="qn-new-title" className="sr-only">
        {t("qn.add")}
      </h2>
      <div className="field-row">
        <div>
          <label htmlFor="qn-new-key">{t("qn.key")}</label>
          <input
            id="qn-new-key"
            required
            pattern="[a-z][a-z0-9\-]{1,59}"
            aria-describedby="qn-new-key-help"
            value={key}
            onChange={(e) => setKey(e.target.value)}
          />
          <p id="qn-new-key-help" className="hint">
            {t("qn.keyHelp")}
          </p>
        </div>
        <div className="grow">
          <label htmlFor="qn-new-title-input">{t("qn.title")}</label>
          <input id="qn-new-title-input" required minLength={3} maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
      </div>
      <Status error={error} />
      <div>
        <button type="submit" disabled={busy}>
          {busy ? t("qn.creating") : t("qn.create")}
        </button>
      </div>
    </form>
  );
}
