import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { ActionStatusBadge } from "./ActionStatusBadge.tsx";
import { ActionStatusForm } from "./ActionStatusForm.tsx";
import { EvaluationView } from "./EvaluationView.tsx";
import { PDCA_KEY, type FindingAction } from "../api/quality.ts";

/** One improvement action: who, by when, where in PDCA, its criterion and how that measures up. */
export function ActionCard({ action: a, ownerName, canWrite }: { action: FindingAction; ownerName: string; canWrite: boolean }) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <article className="card stack" aria-labelledby={`action-${a.id}`}>
      <h3 id={`action-${a.id}`}>
        <code>{a.ref}</code> {a.title}
      </h3>
      <dl className="facts">
        <div>
          <dt>{t("action.owner")}</dt>
          <dd>{ownerName}</dd>
        </div>
        <div>
          <dt>{t("action.dueOn")}</dt>
          <dd>{f.date(a.dueOn)}</dd>
        </div>
        <div>
          <dt>{t("action.status")}</dt>
          <dd>
            <ActionStatusBadge action={a} />
            {a.completedOn && <span className="muted"> {t("action.completedOn", { date: f.date(a.completedOn) })}</span>}
          </dd>
        </div>
        <div>
          <dt>{t("action.pdca")}</dt>
          <dd>{t(PDCA_KEY[a.pdcaPhase])}</dd>
        </div>
      </dl>
      <p>
        <strong>{t("action.criterion")}:</strong> {a.criterion.text}
      </p>
      <EvaluationView evaluation={a.evaluation} />
      {canWrite && <ActionStatusForm action={a} />}
    </article>
  );
}
