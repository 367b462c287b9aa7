import { useI18n } from "../../../shared/i18n.tsx";
import { useFormat } from "../../../shared/format.ts";
import { DECISION_KIND_KEY, type Decision } from "../api/reviews.ts";

/** The review's decisions (9.3.3) as recorded; a decision that became an action says so. */
export function DecisionsList({ decisions, name }: { decisions: Decision[]; name: (id: string | null) => string | undefined }) {
  const { t } = useI18n();
  const f = useFormat();
  if (!decisions.length) return <p className="empty">{t("decision.none")}</p>;
  return (
    <ol>
      {decisions.map((d, i) => (
        <li key={i}>
          <strong>{t(DECISION_KIND_KEY[d.kind])}:</strong> {d.text}
          {d.ownerId && (
            <span className="muted">
              {" "}
              – {t("decision.ownerDue", { owner: name(d.ownerId) ?? t("people.unknown"), date: f.date(d.dueOn) })}
            </span>
          )}
          {d.actionId && <span className="muted"> – {t("decision.becameAction")}</span>}
        </li>
      ))}
    </ol>
  );
}
