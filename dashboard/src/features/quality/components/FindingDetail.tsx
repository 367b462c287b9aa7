import { useEffect, useRef } from "react";
import { useCan } from "../../account/api/session.ts";
import type { User } from "../../account/api/session.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { useReply } from "../../../shared/api/query.ts";
import { usePeople } from "../api/usePeople.ts";
import { Link } from "@tanstack/react-router";
import { Status } from "../../../shared/components/Status.tsx";
import { Badge } from "../../../shared/components/Badge.tsx";
import { ClassificationBadge } from "./ClassificationBadge.tsx";
import { FindingSource } from "./FindingSource.tsx";
import { ClosingChecklist } from "./ClosingChecklist.tsx";
import { RootCauseView } from "./RootCauseView.tsx";
import { RootCauseForm } from "./RootCauseForm.tsx";
import { ActionCard } from "./ActionCard.tsx";
import { ActionForm } from "./ActionForm.tsx";
import { EvidenceList } from "./EvidenceList.tsx";
import { EvidenceUpload } from "./EvidenceUpload.tsx";
import { EffectivenessReviews } from "./EffectivenessReviews.tsx";
import { EffectivenessReviewForm } from "./EffectivenessReviewForm.tsx";

/**
 * One finding through the whole cycle, in the order ISO 9001 10.2 walks it: what was
 * found and where, what still blocks closing, correction and cause, the actions with
 * their measured effect, the evidence, and the effectiveness reviews.
 */
export function FindingDetail({ id, user }: { id: string; user: User }) {
  const can = useCan();
  const { t } = useI18n();
  const f = useFormat();
  const res = useReply("getFinding", `/findings/${encodeURIComponent(id)}`);
  const people = usePeople(user);
  const heading = useRef<HTMLHeadingElement>(null);
  const loadedId = res.data?.finding.id;
  // Arriving from a link, focus goes to the new page's heading, as it would on a page load.
  useEffect(() => {
    if (loadedId) heading.current?.focus();
  }, [loadedId]);
  const back = (
    <p>
      <Link to="/verbetercyclus">← {t("finding.back")}</Link>
    </p>
  );
  if (!res.data)
    return (
      <section className="stack">
        {back}
        <Status loading={res.loading} error={res.error} />
      </section>
    );

  const x = res.data.finding;
  const editable = can("quality:write") && !x.closedAt;
  const ownerName = (ownerId: string) => people.name(ownerId) ?? t("people.unknown");
  return (
    <article aria-labelledby="finding-title" className="stack" aria-busy={res.loading}>
      {back}
      <h1 id="finding-title" ref={heading} tabIndex={-1}>
        <code>{x.ref}</code> {x.title}
      </h1>
      <dl className="facts">
        <div>
          <dt>{t("finding.status")}</dt>
          <dd>
            {x.closedAt ? (
              <Badge tone="neutral" symbol="✓">
                {t("finding.closedOn", { date: f.date(x.closedAt.slice(0, 10)) })}
              </Badge>
            ) : (
              <Badge tone="info" symbol="○">
                {t("findingStatus.open")}
              </Badge>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("finding.classification")}</dt>
          <dd>
            <ClassificationBadge value={x.classification} />
          </dd>
        </div>
        <div>
          <dt>{t("finding.clauses")}</dt>
          <dd>{x.clauses.join(", ")}</dd>
        </div>
        <div>
          <dt>{t("finding.foundOn")}</dt>
          <dd>{f.date(x.foundOn)}</dd>
        </div>
      </dl>
      <p className="prose">{x.description}</p>
      <FindingSource finding={x} />

      <section aria-labelledby="closing-title" className="card stack">
        <h2 id="closing-title">{t("closing.title")}</h2>
        <ClosingChecklist finding={x} canWrite={editable} />
      </section>

      <section aria-labelledby="rca-title" className="stack">
        <h2 id="rca-title">{t("rca.title")}</h2>
        <RootCauseView finding={x} />
        {editable && (
          <details className="card">
            <summary>{t("rca.formTitle")}</summary>
            <RootCauseForm finding={x} />
          </details>
        )}
      </section>

      <section aria-labelledby="actions-title" className="stack">
        <h2 id="actions-title">{t("finding.actions")}</h2>
        {x.actions.length === 0 ? (
          <p className="empty">{t("action.none")}</p>
        ) : (
          x.actions.map((a) => <ActionCard key={a.id} action={a} ownerName={ownerName(a.ownerId)} canWrite={editable} />)
        )}
        {editable && <ActionForm finding={x} people={people.options} meId={user.id} />}
      </section>

      <section aria-labelledby="evidence-title" className="stack">
        <h2 id="evidence-title">{t("evidence.title")}</h2>
        <EvidenceList evidence={x.evidence} />
        {editable && <EvidenceUpload findingId={x.id} />}
      </section>

      <section aria-labelledby="eff-title" className="stack">
        <h2 id="eff-title">{t("effReview.title")}</h2>
        <EffectivenessReviews reviews={x.reviews} evidence={x.evidence} name={people.name} />
        {editable && (
          <EffectivenessReviewForm
            findingId={x.id}
            evidence={x.evidence}
            hasActions={x.actions.length > 0}
            ownsAnAction={x.actions.some((a) => a.ownerId === user.id)}
          />
        )}
      </section>
    </article>
  );
}
