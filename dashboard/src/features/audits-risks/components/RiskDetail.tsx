import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { Badge } from "../../../shared/components/Badge.tsx";
import { MovementBadge } from "./MovementBadge.tsx";
import { RiskHistory } from "./RiskHistory.tsx";
import type { Assessment, RiskDetailReply, RiskMatrix } from "../api/auditsRisks.ts";
import { ACTION_STATUS_KEY } from "../../quality/api/quality.ts";

/** One risk or opportunity: what it is, how it is treated, its levels and movement, its actions and every version. */
export function RiskDetail({ data, matrix }: { data: RiskDetailReply; matrix: RiskMatrix }) {
  const { t } = useI18n();
  const f = useFormat();
  const { risk: r, history } = data;
  const level = (a: Assessment) => `${matrix.levels[a.level].label} (${t("risks.score", { l: a.likelihood, i: a.impact, s: a.score })})`;
  return (
    <div className="stack">
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
      <h2 id="risk-actions-title">{t("risks.actions")}</h2>
      {r.actions.length === 0 ? (
        <p className="empty">{t("arw.risk.noActions")}</p>
      ) : (
        <ul>
          {r.actions.map((a) => (
            <li key={a.id}>
              <code>{a.ref}</code> {a.title} – {t(ACTION_STATUS_KEY[a.status])}, {t("digest.due", { date: f.date(a.dueOn) })}
            </li>
          ))}
        </ul>
      )}
      <h2 id="risk-history-title">{t("arw.risk.history")}</h2>
      <RiskHistory history={history} ownerName={(ownerId) => (ownerId === r.ownerId ? r.ownerName : undefined)} />
    </div>
  );
}
