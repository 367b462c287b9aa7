import { useI18n } from "../../../shared/i18n.tsx";
import { OrganisationSelect } from "./OrganisationSelect.tsx";
import type { Organisation } from "../api/registry.ts";

export interface FollowUpRow {
  key: number;
  ownerOrganisationId: string;
  dueOn: string;
  note: string;
}

/** Vervolgafspraken: who does what by when; any number of rows, none is allowed. */
export function FollowUpRows({
  rows,
  onChange,
  organisations,
  minDate,
  defaultDue,
}: {
  rows: FollowUpRow[];
  onChange: (rows: FollowUpRow[]) => void;
  organisations: Organisation[];
  minDate: string;
  defaultDue: string;
}) {
  const { t } = useI18n();
  const set = (key: number, patch: Partial<FollowUpRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () =>
    onChange([...rows, { key: Math.max(0, ...rows.map((r) => r.key)) + 1, ownerOrganisationId: "", dueOn: defaultDue, note: "" }]);
  return (
    <fieldset>
      <legend>{t("conf.followUps")}</legend>
      {rows.length === 0 && <p className="empty">{t("conf.noFollowUps")}</p>}
      {rows.map((r, i) => (
        <div key={r.key} className="repeat-row">
          <div>
            <label htmlFor={`fu-owner-${r.key}`}>{t("conf.ownerN", { n: i + 1 })}</label>
            <OrganisationSelect
              id={`fu-owner-${r.key}`}
              value={r.ownerOrganisationId}
              required
              organisations={organisations}
              onChange={(ownerOrganisationId) => set(r.key, { ownerOrganisationId })}
            />
          </div>
          <div>
            <label htmlFor={`fu-due-${r.key}`}>{t("conf.dueN", { n: i + 1 })}</label>
            <input
              id={`fu-due-${r.key}`}
              type="date"
              required
              min={minDate}
              value={r.dueOn}
              onChange={(e) => set(r.key, { dueOn: e.target.value })}
            />
          </div>
          <div className="grow">
            <label htmlFor={`fu-note-${r.key}`}>{t("conf.noteN", { n: i + 1 })}</label>
            <input
              id={`fu-note-${r.key}`}
              type="text"
              maxLength={4000}
              value={r.note}
              onChange={(e) => set(r.key, { note: e.target.value })}
            />
          </div>
          <div className="repeat-end">
            <button type="button" className="secondary" onClick={() => onChange(rows.filter((x) => x.key !== r.key))}>
              {t("form.remove")}
              <span className="sr-only"> {t("conf.followUpN", { n: i + 1 })}</span>
            </button>
          </div>
        </div>
      ))}
      <div>
        <button type="button" className="secondary" onClick={add}>
          {t("conf.addFollowUp")}
        </button>
      </div>
    </fieldset>
  );
}
