import { useI18n } from "../../../shared/i18n.tsx";
import { CLASS_KEY, CLASSIFICATIONS, FINDING_SOURCES, SOURCE_KEY, type Classification, type Source } from "../api/quality.ts";

export interface FindingFilter {
  status?: "open" | "gesloten";
  source?: Source;
  classification?: Classification;
}
type Change = { [K in keyof FindingFilter]?: FindingFilter[K] | "" };

/** Status, bron and classificatie; the page keeps them in the URL. */
export function FindingFilters({ value, onChange }: { value: FindingFilter; onChange: (next: Change) => void }) {
  const { t } = useI18n();
  return (
    <form role="search" aria-label={t("findings.filters")} className="filters" onSubmit={(e) => e.preventDefault()}>
      <div>
        <label htmlFor="fflt-status">{t("finding.status")}</label>
        <select
          id="fflt-status"
          value={value.status ?? ""}
          onChange={(e) => onChange({ status: e.target.value as FindingFilter["status"] })}
        >
          <option value="">{t("filters.all")}</option>
          <option value="open">{t("findingStatus.open")}</option>
          <option value="gesloten">{t("findingStatus.gesloten")}</option>
        </select>
      </div>
      <div>
        <label htmlFor="fflt-source">{t("finding.source")}</label>
        <select id="fflt-source" value={value.source ?? ""} onChange={(e) => onChange({ source: e.target.value as Source })}>
          <option value="">{t("filters.all")}</option>
          {FINDING_SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(SOURCE_KEY[s])}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="fflt-class">{t("finding.classification")}</label>
        <select
          id="fflt-class"
          value={value.classification ?? ""}
          onChange={(e) => onChange({ classification: e.target.value as Classification })}
        >
          <option value="">{t("filters.all")}</option>
          {CLASSIFICATIONS.map((c) => (
            <option key={c} value={c}>
              {t(CLASS_KEY[c])}
            </option>
          ))}
        </select>
      </div>
      <div className="filters-end">
        <button type="button" className="secondary" onClick={() => onChange({ status: "", source: "", classification: "" })}>
          {t("filters.clear")}
        </button>
      </div>
    </form>
  );
}
