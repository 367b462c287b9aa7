import { useSend } from "../../../shared/api/query.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { Status } from "../../../shared/components/Status.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { REVIEW_CHANGES } from "../api/changes.ts";

/** "Definitief maken": management's act; when the review is incomplete the API's list of gaps is shown. */
export function FinalizeReview({ reviewId }: { reviewId: string }) {
  const finalizing = useSend("finalizeManagementReview", "POST", REVIEW_CHANGES);
  const { t } = useI18n();
  const { error, busy, run } = useSubmit();
  async function finalize() {
    if (!confirm(t("mr.finalizeConfirm"))) return;
    await run(async () => {
      await finalizing.send(`/management-reviews/${reviewId}/finalize`);
    });
  }
  return (
    <div className="stack">
      <p className="hint">{t("mr.finalizeHelp")}</p>
      <div>
        <button type="button" onClick={finalize} disabled={busy}>
          {t("mr.finalize")}
        </button>
      </div>
      <Status error={error} />
    </div>
  );
}
