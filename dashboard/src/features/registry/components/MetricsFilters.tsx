import { useI18n } from "../../../shared/i18n.tsx";

export interface MetricsFilter {
  from: string;
  to: string;
  branch: string;
  municipality: string;
  theme: string;
}
type Option = { id: string; name: string };

/** Period, vestiging, gemeente and thema for the metrics; the page keeps them in the URL. */
export function MetricsFilters({
  value,
  onChange,
  branches,
  municipalities,
  themes,
}: {
  value: MetricsFilter;
  onChange: (next: Partial<MetricsFilter>) => void;
  branches: Option[];
  municipalities: Option[];
  themes: Option[];
}) {
  const { t } = useI18n();
  const select = (key: "branch" | "municipality" | "theme", label: string, options: Option[]) => (
    <div>
      <label htmlFor={`mf-${key}`}>{label}</label>
      <select id={`mf-${key}`} value={value[key]} onChange={(e) => onChange({ [key]: e.target.value })}>
        <option value="">{t("filters.all")}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form role="search" aria-label={t("filters.title")} className="filters" onSubmit={(e) => e.preventDefault()}>
      <div>
        <label htmlFor="mf-from">{t("period.from")}</label>
        <input
          id="mf-from"
          type="date"
          value={value.from}
          max={value.to || undefined}
          onChange={(e) => onChange({ from: e.target.value })}
        />
      </div>
      <div>
        <label htmlFor="mf-to">{t("period.to")}</label>
        <input id="mf-to" type="date" value={value.to} min={value.from || undefined} onChange={(e) => onChange({ to: e.target.value })} />
      </div>
      {branches.length > 1 && select("branch", t("conf.branch"), branches)}
      {municipalities.length > 1 && select("municipality", t("case.municipality"), municipalities)}
      {select("theme", t("case.theme"), themes)}
      <div className="filters-end">
        <button type="button" className="secondary" onClick={() => onChange({ from: "", to: "", branch: "", municipality: "", theme: "" })}>
          {t("filters.clear")}
        </button>
      </div>
    </form>
  );
}
