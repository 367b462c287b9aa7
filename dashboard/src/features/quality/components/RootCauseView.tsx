import type { MessageKey } from "../../../../../i18n/messages.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import type { Finding } from "../api/quality.ts";

export const BRANCHES: ["people" | "process" | "systems" | "partners", MessageKey][] = [
  ["people", "rca.people"],
  ["process", "rca.process"],
  ["systems", "rca.systems"],
  ["partners", "rca.partners"],
];

/** Correction, the analysis (the whys in order, or the four fishbone branches), the cause and the check elsewhere. */
export function RootCauseView({ finding }: { finding: Finding }) {
  const { t } = useI18n();
  const rca = finding.rootCauseAnalysis;
  const none = <span className="muted">{t("rca.notYet")}</span>;
  return (
    <dl className="facts stacked">
      <div>
        <dt>{t("finding.correction")}</dt>
        <dd>{finding.correction ?? none}</dd>
      </div>
      <div>
        <dt>{t("rca.analysis")}</dt>
        <dd>
          {!rca ? (
            none
          ) : rca.method === "five_whys" ? (
            <>
              <p className="hint">{t("rca.fiveWhys")}</p>
              <ol className="whys">
                {rca.whys.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ol>
            </>
          ) : (
            <>
              <p className="hint">{t("rca.fishbone")}</p>
              <dl className="facts">
                {BRANCHES.map(([k, label]) => (
                  <div key={k}>
                    <dt>{t(label)}</dt>
                    <dd>{rca[k] ?? <span className="muted">–</span>}</dd>
                  </div>
                ))}
              </dl>
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>{t("finding.rootCause")}</dt>
        <dd>{finding.rootCause ?? none}</dd>
      </div>
      <div>
        <dt>{t("finding.similarElsewhere")}</dt>
        <dd>{finding.similarElsewhere ?? none}</dd>
      </div>
    </dl>
  );
}
