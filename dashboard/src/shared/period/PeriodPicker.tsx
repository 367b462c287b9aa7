import { useI18n } from "../i18n.tsx";
import { today } from "../format.ts";
import { fullQuarters, validPeriod, type Period } from "./period.ts";

/** A quarter to pick, or any from/to dates; the default (set by the page) is the last full quarter. */
export function PeriodPicker({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const { t } = useI18n();
  const quarters = fullQuarters(today(), 8);
  const chosen = quarters.find((q) => q.from === value.from && q.to === value.to);
  return (
    <fieldset className="filters">
      <legend>{t("period.title")}</legend>
      <div>
        <label htmlFor="pp-quarter">{t("period.quarter")}</label>
        <select
          id="pp-quarter"
          value={chosen ? chosen.from : ""}
          onChange={(e) => {
            const q = quarters.find((x) => x.from === e.target.value);
            if (q) onChange({ from: q.from, to: q.to });
          }}
        >
          {!chosen && <option value="">{t("period.custom")}</option>}
          {quarters.map((q) => (
            <option key={q.from} value={q.from}>
              {t("period.quarterLabel", { q: q.quarter, year: q.year })}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="pp-from">{t("period.from")}</label>
        <input id="pp-from" type="date" required value={value.from} onChange={(e) => onChange({ ...value, from: e.target.value })} />
      </div>
      <div>
        <label htmlFor="pp-to">{t("period.to")}</label>
        <input id="pp-to" type="date" required value={value.to} onChange={(e) => onChange({ ...value, to: e.target.value })} />
      </div>
      {!validPeriod(value) && (
        <p role="alert" className="error filters-full">
          {t("period.invalid")}
        </p>
      )}
    </fieldset>
  );
}
