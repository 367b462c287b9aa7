import { useState, type FormEvent } from "react";
import { useI18n } from "../../../shared/i18n.tsx";
import { today } from "../../../shared/format.ts";
import { useSend } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { useSubmit } from "../../../shared/useSubmit.ts";
import type { Body } from "../../../shared/api/contract.ts";
import { parseClauses } from "../../quality/api/clauses.ts";
import { CLASS_KEY, CLASSIFICATIONS, type Classification } from "../../quality/api/quality.ts";
import { AUDIT_CHANGES, isClause, type AuditDetail } from "../api/auditsRisks.ts";

interface Draft {
  criterion: string;
  include: boolean;
  title: string;
  description: string;
  classification: Classification;
  clauses: string;
}

/** A checklist line that found a nonconformity or an opportunity, as a finding to confirm. */
function draftsFrom(audit: AuditDetail): Draft[] {
  return audit.checklist
    .filter((c) => c.result === "afwijking" || c.result === "kans")
    .map((c) => ({
      criterion: c.criterion,
      include: true,
      title: `${c.criterion}: ${c.observation.split("\n")[0].slice(0, 150) || audit.processName}`,
      description: c.observation || c.criterion,
      classification: c.result === "kans" ? "opportunity" : "minor_nc",
      // An own procedure is no clause; the audit clause (9.2) is where such a finding belongs by default.
      clauses: isClause(c.criterion) ? c.criterion : "9.2",
    }));
}

/**
 * The report to management (9.2.2 c). Each nonconformity or opportunity on the checklist is
 * proposed as a finding, filled in from the checklist; reporting creates them all at once,
 * linked to this audit, so none is lost between the audit and the improvement cycle.
 */
export function AuditReportForm({ audit }: { audit: AuditDetail }) {
  const { t } = useI18n();
  const report = useSend("reportAudit", "PUT", AUDIT_CHANGES);
  const { error, setError, busy, run } = useSubmit();
  const [actualOn, setActualOn] = useState(audit.actualOn ?? today());
  const [reportedOn, setReportedOn] = useState(today());
  const [strongPoints, setStrongPoints] = useState("");
  const [conclusion, setConclusion] = useState("");
  const [drafts, setDrafts] = useState<Draft[]>(() => draftsFrom(audit));
  const set = (i: number, change: Partial<Draft>) => setDrafts(drafts.map((d, j) => (j === i ? { ...d, ...change } : d)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const chosen = drafts.filter((d) => d.include);
    const findings: Body<"reportAudit">["findings"] = [];
    for (const d of chosen) {
      const { clauses, invalid } = parseClauses(d.clauses);
      if (invalid.length || !clauses.length) {
        setError(new Error(t("finding.clausesInvalid", { list: invalid.join(", ") || "–" })));
        return;
      }
      findings.push({ title: d.title.trim(), description: d.description.trim(), classification: d.classification, clauses });
    }
    await run(async () => {
      await report.send(`/audits/${audit.id}/report`, {
        actualOn,
        reportedOn,
        strongPoints: strongPoints.trim(),
        conclusion: conclusion.trim(),
        findings,
      });
    });
  }

  return (
    <form onSubmit={submit} className="card stack" aria-labelledby="report-title">
      <p className="hint">{t("arw.report.help")}</p>
      <div className="field-row">
        <div>
          <label htmlFor="rp-actual">{t("programme.actualOn")}</label>
          <input id="rp-actual" type="date" required max={today()} value={actualOn} onChange={(e) => setActualOn(e.target.value)} />
        </div>
        <div>
          <label htmlFor="rp-reported">{t("arw.audit.reportedOn")}</label>
          <input
            id="rp-reported"
            type="date"
            required
            min={actualOn}
            max={today()}
            value={reportedOn}
            onChange={(e) => setReportedOn(e.target.value)}
          />
        </div>
      </div>
      <div>
        <label htmlFor="rp-strong">{t("arw.report.strongPoints")}</label>
        <textarea id="rp-strong" required rows={2} value={strongPoints} onChange={(e) => setStrongPoints(e.target.value)} />
      </div>
      <div>
        <label htmlFor="rp-conclusion">{t("arw.report.conclusion")}</label>
        <textarea id="rp-conclusion" required rows={2} value={conclusion} onChange={(e) => setConclusion(e.target.value)} />
      </div>
      <h3>{t("arw.report.findings", { n: drafts.filter((d) => d.include).length })}</h3>
      {drafts.length === 0 ? (
        <p className="empty">{t("arw.report.noDrafts")}</p>
      ) : (
        drafts.map((d, i) => (
          <fieldset key={d.criterion}>
            <legend>{t("arw.report.fromCriterion", { criterion: d.criterion })}</legend>
            <label className="check" htmlFor={`rf-include-${i}`}>
              <input id={`rf-include-${i}`} type="checkbox" checked={d.include} onChange={(e) => set(i, { include: e.target.checked })} />
              {t("arw.report.include")}
            </label>
            {d.include && (
              <>
                <div className="field-row">
                  <div className="grow">
                    <label htmlFor={`rf-title-${i}`}>{t("arw.report.findingTitle")}</label>
                    <input id={`rf-title-${i}`} required value={d.title} onChange={(e) => set(i, { title: e.target.value })} />
                  </div>
                  <div>
                    <label htmlFor={`rf-class-${i}`}>{t("arw.report.classification")}</label>
                    <select
                      id={`rf-class-${i}`}
                      value={d.classification}
                      onChange={(e) => set(i, { classification: e.target.value as Classification })}
                    >
                      {CLASSIFICATIONS.map((c) => (
                        <option key={c} value={c}>
                          {t(CLASS_KEY[c])}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div>
                    <label htmlFor={`rf-clauses-${i}`}>{t("arw.report.clauses")}</label>
                    <input id={`rf-clauses-${i}`} required value={d.clauses} onChange={(e) => set(i, { clauses: e.target.value })} />
                  </div>
                </div>
                <div>
                  <label htmlFor={`rf-desc-${i}`}>{t("arw.report.description")}</label>
                  <textarea
                    id={`rf-desc-${i}`}
                    required
                    rows={2}
                    value={d.description}
                    onChange={(e) => set(i, { description: e.target.value })}
                  />
                </div>
              </>
            )}
          </fieldset>
        ))
      )}
      <div>
        <button type="submit" disabled={busy}>
          {t("arw.report.submit")}
        </button>
      </div>
      <Status error={error} />
    </form>
  );
}
