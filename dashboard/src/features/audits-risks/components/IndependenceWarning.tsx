import { useI18n } from "../../../shared/i18n.tsx";
import type { independenceProblems } from "../../../../../api/domain/audits/independence.ts";

/**
 * The independence rule (ISO 19011: no one audits their own work) as the planning forms
 * show it while they change, before anything is saved: a live region the auditor select
 * points at with aria-describedby.
 */
export function IndependenceWarning({
  id,
  problems,
  nameOf,
  processName,
}: {
  id: string;
  problems: ReturnType<typeof independenceProblems>;
  nameOf: (personId: string) => string;
  processName: string;
}) {
  const { t } = useI18n();
  return (
    <div id={id} role="status" aria-live="polite">
      {problems.length > 0 && (
        <div className="error">
          <p>
            <strong>{t("arw.plan.notIndependent")}</strong>
          </p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.rule}-${p.auditorId}`}>
                {p.rule === "process_owner"
                  ? t("arw.plan.ownerRule", { name: nameOf(p.auditorId), process: processName })
                  : t("arw.plan.auditeeRule", { name: nameOf(p.auditorId) })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
