import { useI18n } from "../../../shared/i18n.tsx";
import { today } from "../../../shared/format.ts";
import { getRouteApi, Navigate } from "@tanstack/react-router";
import { useUrlSearch } from "../../../shared/useUrlSearch.ts";
import { useReply } from "../../../shared/api/query.ts";
import { useCan } from "../../account/api/session.ts";
import { AuditProgramme } from "./AuditProgramme.tsx";
import { AuditFindingsChart } from "./AuditFindingsChart.tsx";
import { RiskRegister } from "./RiskRegister.tsx";
import { PlanAuditForm } from "./PlanAuditForm.tsx";
import { RiskForm } from "./RiskForm.tsx";
import { MatrixEditor } from "./MatrixEditor.tsx";
import { ProcessOwners } from "./ProcessOwnersForm.tsx";

/**
 * Audits en risico's: the year's audit programme and what audits found, then the risk
 * register. Who may change them also plans audits, adds risks, sets the matrix and the
 * process owners here; each audit and risk has its own page for the rest.
 */
export function AuditsRisksPage() {
  const { t } = useI18n();
  const can = useCan();
  const [search, setSearch] = useUrlSearch(getRouteApi("/audits-risicos"));
  const matrix = useReply("getRiskMatrix", "/risks/matrix");
  const thisYear = Number(today().slice(0, 4));
  const year = search.year ?? thisYear;
  const years = [...new Set([thisYear - 2, thisYear - 1, thisYear, thisYear + 1, year])].sort();
  const planAudits = can("audits:write");
  const writeRisks = can("risks:write");
  // Links from before the risk pages (?risk=<id>) still arrive at the risk.
  if (search.risk) return <Navigate to="/audits-risicos/risicos/$riskId" params={{ riskId: search.risk }} replace />;
  return (
    <section aria-labelledby="ar-title" className="stack">
      <h1 id="ar-title">{t("nav.auditsRisks")}</h1>
      <p className="lead">{t("ar.intro")}</p>
      <nav aria-label={t("ar.onThisPage")} className="page-nav">
        <a href="#programme-title">{t("programme.title")}</a>
        <a href="#audit-findings-title">{t("auditFindings.title")}</a>
        <a href="#risks-title">{t("risks.title")}</a>
        {writeRisks && <a href="#matrix-title">{t("arw.matrix.title")}</a>}
        {planAudits && <a href="#owners-title">{t("arw.owners.title")}</a>}
      </nav>
      <h2 id="programme-title" tabIndex={-1}>
        {t("programme.title")}
      </h2>
      <form className="filters" role="search" aria-label={t("programme.yearFilter")} onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor="ar-year">{t("programme.year")}</label>
          <select
            id="ar-year"
            value={year}
            onChange={(e) => setSearch({ year: e.target.value === String(thisYear) ? "" : Number(e.target.value) })}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </form>
      <AuditProgramme year={year} />
      {planAudits && (
        <details className="card">
          <summary>{t("arw.plan.open", { year })}</summary>
          <PlanAuditForm key={year} year={year} />
        </details>
      )}
      <h2 id="audit-findings-title" tabIndex={-1}>
        {t("auditFindings.title")}
      </h2>
      <AuditFindingsChart year={year} />
      <h2 id="risks-title" tabIndex={-1}>
        {t("risks.title")}
      </h2>
      {writeRisks && matrix.data && (
        <details className="card">
          <summary>{t("arw.risk.addTitle")}</summary>
          <RiskForm matrix={matrix.data} />
        </details>
      )}
      <RiskRegister />
      {writeRisks && matrix.data && (
        <>
          <h2 id="matrix-title" tabIndex={-1}>
            {t("arw.matrix.title")}
          </h2>
          <MatrixEditor matrix={matrix.data} />
        </>
      )}
      {planAudits && (
        <>
          <h2 id="owners-title" tabIndex={-1}>
            {t("arw.owners.title")}
          </h2>
          <ProcessOwners />
        </>
      )}
    </section>
  );
}
