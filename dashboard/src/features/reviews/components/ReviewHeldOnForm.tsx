import { useState, type FormEvent } from "react";
import { useSend } from "../../../shared/api/query.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { today } from "../../../shared/format.ts";
import { Status } from "../../../shared/components/Status.tsx";
import type { ManagementReview } from "../api/reviews.ts";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { REVIEW_CHANGES } from "../api/changes.ts";
import type { Body } from "../../../shared/api/contract.ts";

/** The day the review was held, and a refresh of the pre-filled figures (management's texts stay). */
export function ReviewHeldOnForm({ review }: { review: ManagementReview }) {
  const update = useSend("updateManagementReview", "PATCH", REVIEW_CHANGES);
  const { t } = useI18n();
  const [heldOn, setHeldOn] = useState(review.heldOn ?? "");
  const { error, busy, run } = useSubmit();
  const [notice, setNotice] = useState("");

  async function patch(body: Body<"updateManagementReview">, done: string) {
    setNotice("");
    await run(async () => {
      await update.send(`/management-reviews/${review.id}`, body);
      setNotice(done);
    });
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void patch({ heldOn: heldOn || null }, t("mr.heldOnSaved"));
  };
  return (
    <form onSubmit={submit} className="row-form" aria-label={t("mr.heldOnForm")}>
      <label htmlFor="rv-held">{t("mr.heldOn")}</label>
      <input id="rv-held" type="date" min={review.periodFrom} max={today()} value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />
      <button type="submit" disabled={busy || heldOn === (review.heldOn ?? "")}>
        {t("form.save")}
      </button>
      <button type="button" className="secondary" disabled={busy} onClick={() => void patch({ refreshInputs: true }, t("mr.refreshed"))}>
        {t("mr.refresh")}
      </button>
      <span role="status" aria-live="polite" className="ok">
        {notice}
      </span>
      <Status error={error} />
    </form>
  );
}
