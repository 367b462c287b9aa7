import { useI18n } from "../../../shared/i18n.tsx";
import { today } from "../../../shared/format.ts";
import { getRouteApi } from "@tanstack/react-router";
import { useUrlSearch } from "../../../shared/useUrlSearch.ts";
import { AuditProgramme } from "./AuditProgramme.tsx";
import { AuditFindingsChart } from "./AuditFindingsChart.tsx";
import { RiskRegister } from "./RiskRegister.tsx";

/** Audits en risico's: the year's audit programme and what audits found, then the risk register. */
export function AuditsRisksPage() {
  const { t } = useI18n();
  const [search, setSearch] = useUrlSearch(getRouteApi("/audits-risicos"));
  const thisYear = Number(today().slice(0, 4));
  const year = search.year ?? thisYear;
  const years = [...new Set([thisYear - 2, thisYear - 1, thisYear, thisYear + 1, year])].sort();
  return (
    <section aria-labelledby="ar-title" className="stack">
      <h1 id="ar-title">{t("nav.auditsRisks")}</h1>
      <p className="lead">{t("ar.intro")}</p>
      <nav aria-label={t("ar.onThisPage")} className="page-nav">
        <a href="#programme-title">{t("programme.title")}</a>
        <a href="#audit-findings-title">{t("auditFindings.title")}</a>
        <a href="#risks-title">{t("risks.title")}</a>
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
      <h2 id="audit-findings-title" tabIndex={-1}>
        {t("auditFindings.title")}
      </h2>
      <AuditFindingsChart year={year} />
      <h2 id="risks-title" tabIndex={-1}>
        {t("risks.title")}
      </h2>
      <RiskRegister selected={search.risk ?? ""} onSelect={(risk) => setSearch({ risk })} />
    </section>
  );
}
