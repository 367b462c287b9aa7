import { useEffect, useRef } from "react";
import { useCan } from "../../account/api/session.ts";
import type { User } from "../../account/api/session.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { useReply } from "../../../shared/api/query.ts";
import { usePeople } from "../../quality/api/usePeople.ts";
import { Link } from "@tanstack/react-router";
import { Status } from "../../../shared/components/Status.tsx";
import { ReviewStatusBadge } from "./ReviewStatusBadge.tsx";
import { ReviewCompleteness } from "./ReviewCompleteness.tsx";
import { ReviewHeldOnForm } from "./ReviewHeldOnForm.tsx";
import { ReviewInputs } from "./ReviewInputs.tsx";
import { DecisionsList } from "./DecisionsList.tsx";
import { DecisionsForm } from "./DecisionsForm.tsx";
import { FinalizeReview } from "./FinalizeReview.tsx";
import { CorrectionForm } from "./CorrectionForm.tsx";

/** One version of a management review: completeness, the twelve inputs, the decisions, and finalizing or correcting. */
export function ManagementReviewDetail({ id, user }: { id: string; user: User }) {
  const can = useCan();
  const { t } = useI18n();
  const f = useFormat();
  const res = useReply("getManagementReview", `/management-reviews/${encodeURIComponent(id)}`);
  const people = usePeople(user);
  const heading = useRef<HTMLHeadingElement>(null);
  const loadedId = res.data?.review.id;
  useEffect(() => {
    if (loadedId) heading.current?.focus();
  }, [loadedId]);
  const back = (
    <p>
      <Link to="/directiebeoordeling">← {t("mr.back")}</Link>
    </p>
  );
  if (!res.data)
    return (
      <section className="stack">
        {back}
        <Status loading={res.loading} error={res.error} />
      </section>
    );

  const r = res.data.review;
  const concept = r.status === "concept";
  const latest = r.versions.at(-1)?.id === r.id;
  const editable = concept && can("review:write");
  const finalizer = can("review:finalize");
  const period = t("mr.periodValue", { from: f.date(r.periodFrom), to: f.date(r.periodTo) });
  return (
    <article aria-labelledby="review-title" className="stack" aria-busy={res.loading}>
      {back}
      <h1 id="review-title" ref={heading} tabIndex={-1}>
        {t("mr.titleFor", { period })}
      </h1>
      <dl className="facts">
        <div>
          <dt>{t("finding.status")}</dt>
          <dd>
            <ReviewStatusBadge status={r.status} />
          </dd>
        </div>
        <div>
          <dt>{t("mr.version")}</dt>
          <dd>{r.version}</dd>
        </div>
        <div>
          <dt>{t("mr.heldOn")}</dt>
          <dd>{f.date(r.heldOn)}</dd>
        </div>
        {r.finalizedAt && (
          <div>
            <dt>{t("mr.finalizedAt")}</dt>
            <dd>{f.dateTime(r.finalizedAt)}</dd>
          </div>
        )}
        {r.correctionReason && (
          <div>
            <dt>{t("mr.correctionReason")}</dt>
            <dd>{r.correctionReason}</dd>
          </div>
        )}
      </dl>
      {r.versions.length > 1 && (
        <nav aria-label={t("mr.versions")}>
          <ul className="inline-list">
            {r.versions.map((v) => (
              <li key={v.id}>
                {v.id === r.id ? (
                  <span aria-current="page">
                    {t("mr.versionN", { n: v.version })} ({v.status === "definitief" ? t("mr.final") : t("mr.concept")})
                  </span>
                ) : (
                  <Link to="/directiebeoordeling/$reviewId" params={{ reviewId: v.id }}>
                    {t("mr.versionN", { n: v.version })} ({v.status === "definitief" ? t("mr.final") : t("mr.concept")})
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      )}
      {!latest && (
        <p className="hint" role="note">
          <span aria-hidden="true">ℹ </span>
          {t("mr.notLatest")}
        </p>
      )}

      {concept && (
        <section aria-labelledby="completeness-title" className="card stack">
          <h2 id="completeness-title">{t("mr.completeness")}</h2>
          <ReviewCompleteness review={r} />
          {editable && <ReviewHeldOnForm review={r} />}
        </section>
      )}

      <section aria-labelledby="inputs-title" className="stack">
        <h2 id="inputs-title">{t("mr.inputs")}</h2>
        <ReviewInputs review={r} editable={editable} />
      </section>

      <section aria-labelledby="decisions-title" className="stack">
        <h2 id="decisions-title">{t("mr.decisions")}</h2>
        {editable ? (
          <DecisionsForm reviewId={r.id} decisions={r.decisions} people={people.options} />
        ) : (
          <DecisionsList decisions={r.decisions} name={(ownerId) => people.name(ownerId)} />
        )}
      </section>

      {concept && finalizer && (
        <section aria-labelledby="finalize-title" className="card stack">
          <h2 id="finalize-title">{t("mr.finalize")}</h2>
          <FinalizeReview reviewId={r.id} />
        </section>
      )}
      {!concept && finalizer && latest && (
        <section className="card">
          <CorrectionForm reviewId={r.id} />
        </section>
      )}
    </article>
  );
}
