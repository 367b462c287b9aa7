import { useState, type FormEvent } from "react";
import { useSend } from "../../../shared/api/query.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useNavigate } from "@tanstack/react-router";
import { Status } from "../../../shared/components/Status.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { REVIEW_CHANGES } from "../api/changes.ts";

/** A correction of a final review: a new concept version with the reason; the final version stays as it was. */
export function CorrectionForm({ reviewId }: { reviewId: string }) {
  const navigate = useNavigate();
  const { t } = useI18n();
  const [reason, setReason] = useState("");
  const { error, busy, run } = useSubmit();
  const correct = useSend("correctManagementReview", "POST", REVIEW_CHANGES);
  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(
      async () => {
        const { review } = await correct.send(`/management-reviews/${reviewId}/corrections`, { reason: reason.trim() });
        await navigate({ to: "/directiebeoordeling/$reviewId", params: { reviewId: review.id } });
      },
      { keepBusyOnSuccess: true },
    );
  }
  return (
    <form onSubmit={submit} className="stack" aria-labelledby="corr-title">
      <h3 id="corr-title">{t("mr.correction")}</h3>
      <p className="hint">{t("mr.correctionHelp")}</p>
      <label htmlFor="corr-reason">{t("mr.correctionReason")}</label>
      <textarea id="corr-reason" required maxLength={2000} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      <Status error={error} />
      <div>
        <button type="submit" disabled={busy}>
          {t("mr.correctionSubmit")}
        </button>
      </div>
    </form>
  );
}
