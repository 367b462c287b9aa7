import { useI18n } from "../../../shared/i18n.tsx";
import { CASE_STATUSES, type CaseStatus, type Municipality, type Theme } from "../api/registry.ts";
import { STATUS_KEY } from "./CaseStatusForm.tsx";

export interface CaseFilter {
  status?: CaseStatus;
  municipality?: string;
  theme?: string;
}
type Change = { [K in keyof CaseFilter]?: CaseFilter[K] | "" };

/** Status, gemeente and thema; the page keeps them in the URL. */
export function CaseFilters({
  value,
  onChange,
  municipalities,
  themes,
}: {
  value: CaseFilter;
  onChange: (next: Change) => void;
  municipalities: Municipality[];
  themes: Theme[];
}) {
  const { t } = useI18n();
  return (
    <form role="search" aria-label={t("filters.title")} className="filters" onSubmit={(e) => e.preventDefault()}>
      <div>
        <label htmlFor="cflt-status">{t("case.status")}</label>
        <select id="cflt-status" value={value.status ?? ""} onChange={(e) => onChange({ status: e.target.value as CaseStatus })}>
          <option value="">{t("filters.all")}</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(STATUS_KEY[s])}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="cflt-municipality">{t("case.municipality")}</label>
        <select id="cflt-municipality" value={value.municipality ?? ""} onChange={(e) => onChange({ municipality: e.target.value })}>
          <option value="">{t("filters.all")}</option>
          {municipalities.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="cflt-theme">{t("case.theme")}</label>
        <select id="cflt-theme" value={value.theme ?? ""} onChange={(e) => onChange({ theme: e.target.value })}>
          <option value="">{t("filters.all")}</option>
          {themes.map((th) => (
            <option key={th.id} value={th.id}>
              {th.name}
            </option>
          ))}
        </select>
      </div>
      <div className="filters-end">
        <button type="button" className="secondary" onClick={() => onChange({ status: "", municipality: "", theme: "" })}>
          {t("filters.clear")}
        </button>
      </div>
    </form>
  );
}
