import { api } from "../../../shared/api/api.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { Status } from "../../../shared/components/Status.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";

/** "Definitief maken": management's act; when the review is incomplete the API's list of gaps is shown. */
export function FinalizeReview({ reviewId, onDone }: { reviewId: string; onDone: () => void }) {
  const { t } = useI18n();
  const { error, busy, run } = useSubmit();
  async function finalize() {
    if (!confirm(t("mr.finalizeConfirm"))) return;
    await run(async () => {
      await api(`/management-reviews/${reviewId}/finalize`, { method: "POST" });
      onDone();
    });
  }
  return (
    <div className="stack">
      <p className="hint">{t("mr.finalizeHelp")}</p>
      <div><button type="button" onClick={finalize} disabled={busy}>{t("mr.finalize")}</button></div>
      <Status error={error} />
    </div>
  );
}
