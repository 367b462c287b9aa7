import { useState, type FormEvent } from "react";
import { useSend } from "../../../shared/api/query.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { addDays, today } from "../../../shared/format.ts";
import { lastFullQuarter } from "../../../shared/period/period.ts";
import { useNavigate } from "@tanstack/react-router";
import { Status } from "../../../shared/components/Status.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import { REVIEW_CHANGES } from "../api/changes.ts";

/** Starts a review as a concept; the API pre-fills the twelve inputs from the period's figures. */
export function NewReviewForm() {
  const navigate = useNavigate();
  const { t } = useI18n();
  // A year that ends with the last full quarter: the usual span of a management review.
  const end = lastFullQuarter(today()).to;
  const [from, setFrom] = useState(addDays(`${Number(end.slice(0, 4)) - 1}${end.slice(4)}`, 1));
  const [to, setTo] = useState(end);
  const [heldOn, setHeldOn] = useState("");
  const { error, busy, run } = useSubmit();
  const create = useSend("createManagementReview", "POST", REVIEW_CHANGES);

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(
      async () => {
        const { review } = await create.send("/management-reviews", { periodFrom: from, periodTo: to, ...(heldOn ? { heldOn } : {}) });
        await navigate({ to: "/directiebeoordeling/$reviewId", params: { reviewId: review.id } });
      },
      { keepBusyOnSuccess: true },
    );
  }

  return (
    <form onSubmit={submit} className="stack" aria-labelledby="nr-title">
      <h2 id="nr-title" className="sr-only">
        {t("mr.add")}
      </h2>
      <p className="hint">{t("mr.addHelp")}</p>
      <fieldset className="filters">
        <legend>{t("mr.period")}</legend>
        <div>
          <label htmlFor="nr-from">{t("period.from")}</label>
          <input id="nr-from" type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div>
          <label htmlFor="nr-to">{t("period.to")}</label>
          <input id="nr-to" type="date" required min={from} value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </fieldset>
      <label htmlFor="nr-held">{t("mr.heldOnOptional")}</label>
      <input id="nr-held" type="date" min={from} value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />
      <Status error={error} />
      <div>
        <button type="submit" disabled={busy}>
          {busy ? t("mr.creating") : t("mr.create")}
        </button>
      </div>
    </form>
  );
}
