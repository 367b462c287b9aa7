import { useState, type FormEvent } from "react";
import { useSend } from "../../../shared/api/query.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { today, useFormat } from "../../../shared/format.ts";
import { Status } from "../../../shared/components/Status.tsx";
import type { Evidence } from "../api/quality.ts";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { FINDING_CHANGES } from "../api/changes.ts";

/**
 * "Doeltreffendheid beoordelen": a verdict with its reasons, resting on evidence of this
 * finding. The API refuses a reviewer who owns one of the actions; the form says so
 * beforehand so nobody writes a review in vain.
 */
export function EffectivenessReviewForm({
  findingId,
  evidence,
  ownsAnAction,
  hasActions,
}: {
  findingId: string;
  evidence: Evidence[];
  ownsAnAction: boolean;
  hasActions: boolean;
}) {
  const { t } = useI18n();
  const create = useSend("createEffectivenessReview", "POST", FINDING_CHANGES);
  const f = useFormat();
  const { error, setError, busy, run } = useSubmit();
  const [notice, setNotice] = useState("");
  if (!hasActions) return <p className="hint">{t("effReview.needActions")}</p>;
  if (!evidence.length) return <p className="hint">{t("effReview.needEvidence")}</p>;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const evidenceIds = form.getAll("evidenceIds").map(String);
    setError(undefined);
    setNotice("");
    if (!evidenceIds.length) {
      setError(new Error(t("effReview.pickEvidence")));
      return;
    }
    await run(async () => {
      await create.send(`/findings/${findingId}/reviews`, {
        reviewedOn: String(form.get("reviewedOn")),
        effective: form.get("effective") === "yes",
        explanation: String(form.get("explanation") ?? "").trim(),
        evidenceIds,
      });
      formEl.reset();
      setNotice(t("effReview.saved"));
    });
  }

  return (
    <form onSubmit={submit} className="card stack" aria-labelledby="er-title">
      <h3 id="er-title">{t("effReview.add")}</h3>
      {ownsAnAction && (
        <p className="hint" role="note">
          <span aria-hidden="true">⚠ </span>
          {t("effReview.ownerWarning")}
        </p>
      )}
      <label htmlFor="er-date">{t("effReview.reviewedOn")}</label>
      <input id="er-date" name="reviewedOn" type="date" required max={today()} defaultValue={today()} />
      <fieldset>
        <legend>{t("effReview.verdict")}</legend>
        <div className="checks">
          <label className="check">
            <input type="radio" name="effective" value="yes" required /> {t("effReview.effective")}
          </label>
          <label className="check">
            <input type="radio" name="effective" value="no" /> {t("effReview.notEffective")}
          </label>
        </div>
      </fieldset>
      <label htmlFor="er-explanation">{t("effReview.explanation")}</label>
      <textarea id="er-explanation" name="explanation" required maxLength={4000} rows={3} />
      <fieldset>
        <legend>{t("effReview.evidence")}</legend>
        <div className="checks">
          {evidence.map((ev) => (
            <label key={ev.id} className="check">
              <input type="checkbox" name="evidenceIds" value={ev.id} /> {ev.filename}{" "}
              <span className="muted">({f.date(ev.concernsDate)})</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div role="status" aria-live="polite" className="ok">
        {notice}
      </div>
      <Status error={error} />
      <div>
        <button type="submit" disabled={busy}>
          {t("effReview.submit")}
        </button>
      </div>
    </form>
  );
}
