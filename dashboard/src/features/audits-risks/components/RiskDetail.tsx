import { useEffect, useRef } from "react";
import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { useReply } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { Badge } from "../../../shared/components/Badge.tsx";
import { MovementBadge } from "./MovementBadge.tsx";
import { RiskHistory } from "./RiskHistory.tsx";
import type { Assessment, RiskMatrix } from "../api/auditsRisks.ts";

/** One risk or opportunity: what it is, how it is treated, its levels and movement, and every version. */
export function RiskDetail({ id, matrix, onClose }: { id: string; matrix: RiskMatrix; onClose: () => void }) {
  const { t } = useI18n();
  const f = useFormat();
  const res = useReply("getRisk", `/risks/${encodeURIComponent(id)}`);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = !!res.data;
  useEffect(() => {
    if (!loaded) return;
    heading.current?.scrollIntoView({ block: "start" });
    heading.current?.focus();
  }, [loaded]);
  if (!res.data) return <Status loading={res.loading} error={res.error} />;
  const { risk: r, history } = res.data;
  const level = (a: Assessment) => `${matrix.levels[a.level].label} (${t("risks.score", { l: a.likelihood, i: a.impact, s: a.score })})`;
  return (
    <section className="card stack" aria-labelledby="risk-detail-title">
      <h3 id="risk-detail-title" ref={heading} tabIndex={-1}>
        <code>{r.ref}</code> {r.title}
      </h3>
      <p className="prose">{r.description}</p>
      <dl className="facts">
        <div>
          <dt>{t("risks.kind")}</dt>
          <dd>{r.kind === "risk" ? t("risks.risk") : t("risks.opportunity")}</dd>
        </div>
        <div>
          <dt>{t("programme.process")}</dt>
          <dd>{r.processName ?? "–"}</dd>
        </div>
        <div>
          <dt>{t("action.owner")}</dt>
          <dd>{r.ownerName}</dd>
        </div>
        <div>
          <dt>{t("risks.inherent")}</dt>
          <dd>{level(r.inherent)}</dd>
        </div>
        <div>
          <dt>{t("risks.residual")}</dt>
          <dd>{level(r.residual)}</dd>
        </div>
        <div>
          <dt>{t("risks.movement")}</dt>
          <dd>
            {r.movement ? (
              <>
                <MovementBadge direction={r.movement.direction} kind={r.kind} />{" "}
                {t("risks.movementSince", {
                  from: level(r.movement.previous),
                  date: f.date(r.movement.since),
                  version: r.movement.sinceVersion,
                })}
              </>
            ) : (
              "–"
            )}
          </dd>
        </div>
        <div>
          <dt>{t("risks.lastReviewed")}</dt>
          <dd>
            {f.date(r.lastReviewedOn)} {t("risks.interval", { n: r.reviewIntervalDays })}
          </dd>
        </div>
        <div>
          <dt>{t("risks.nextReview")}</dt>
          <dd>
            {r.closedOn ? (
              t("risks.closedOn", { date: f.date(r.closedOn) })
            ) : (
              <>
                {f.date(r.nextReviewOn)}
                {r.reviewOverdue && (
                  <>
                    {" "}
                    <Badge tone="warn" symbol="!">
                      {t("risks.reviewOverdue")}
                    </Badge>
                  </>
                )}
              </>
            )}
          </dd>
        </div>
      </dl>
      <p>
        <strong>{t("risks.treatment")}:</strong> {r.treatment}
      </p>
      {r.actions.length > 0 && (
        <>
          <h4>{t("risks.actions")}</h4>
          <ul>
            {r.actions.map((a) => (
              <li key={a.id}>
                <code>{a.ref}</code> {a.title} – {a.status}, {t("digest.due", { date: f.date(a.dueOn) })}
              </li>
            ))}
          </ul>
        </>
      )}
      <RiskHistory history={history} ownerName={(ownerId) => (ownerId === r.ownerId ? r.ownerName : undefined)} />
      <div>
        <button type="button" className="secondary" onClick={onClose}>
          {t("risks.closeDetail")}
        </button>
      </div>
    </section>
  );
}
