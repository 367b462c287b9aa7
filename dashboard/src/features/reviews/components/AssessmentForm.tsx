import { useState, type FormEvent } from "react";
import { useSend } from "../../../shared/api/query.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { Status } from "../../../shared/components/Status.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { REVIEW_CHANGES } from "../api/changes.ts";

/** Management's assessment of one input, saved on its own so a long text is never lost to another input's error. */
export function AssessmentForm({ reviewId, inputKey, title, value }: { reviewId: string; inputKey: string; title: string; value: string }) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  const { error, busy, run } = useSubmit();
  const update = useSend("updateManagementReview", "PATCH", REVIEW_CHANGES);
  const [notice, setNotice] = useState("");
  const id = `as-${inputKey}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setNotice("");
    await run(async () => {
      await update.send(`/management-reviews/${reviewId}`, { assessments: { [inputKey]: text.trim() } });
      setNotice(t("mr.assessmentSaved"));
    });
  }

  return (
    <form onSubmit={submit} className="stack" aria-label={t("mr.assessmentFor", { title })}>
      <label htmlFor={id}>{t("mr.assessment")}</label>
      <textarea id={id} rows={4} maxLength={8000} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="row-form">
        <button type="submit" disabled={busy || text === value}>
          {t("mr.saveAssessment")}
          <span className="sr-only"> {title}</span>
        </button>
        <span role="status" aria-live="polite" className="ok">
          {notice}
        </span>
      </div>
      <Status error={error} />
    </form>
  );
}
