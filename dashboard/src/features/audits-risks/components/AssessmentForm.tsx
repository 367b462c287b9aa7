import { useState, type FormEvent } from "react";
import { api } from "../../../shared/api/api.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { Status } from "../../../shared/components/Status.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";

/** Management's assessment of one input, saved on its own so a long text is never lost to another input's error. */
export function AssessmentForm({ reviewId, inputKey, title, value, onSaved }: {
  reviewId: string; inputKey: string; title: string; value: string; onSaved: () => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  const { error, busy, run } = useSubmit();
  const [notice, setNotice] = useState("");
  const id = `as-${inputKey}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setNotice("");
    await run(async () => {
      await api(`/management-reviews/${reviewId}`, { method: "PATCH", body: { assessments: { [inputKey]: text.trim() } } });
      setNotice(t("mr.assessmentSaved"));
      onSaved();
    });
  }

  return (
    <form onSubmit={submit} className="stack" aria-label={t("mr.assessmentFor", { title })}>
      <label htmlFor={id}>{t("mr.assessment")}</label>
      <textarea id={id} rows={4} maxLength={8000} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="row-form">
        <button type="submit" disabled={busy || text === value}>{t("mr.saveAssessment")}<span className="sr-only"> {title}</span></button>
        <span role="status" aria-live="polite" className="ok">{notice}</span>
      </div>
      <Status error={error} />
    </form>
  );
}
