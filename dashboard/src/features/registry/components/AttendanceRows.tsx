import type { MessageKey } from "../../../../../i18n/messages.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { OrganisationSelect } from "./OrganisationSelect.tsx";
import { ATTENDANCE, type Attendance, type Organisation } from "../api/registry.ts";

export interface AttendanceRow {
  key: number;
  organisationId: string;
  status: Attendance;
}

export const ATTENDANCE_KEY: Record<Attendance, MessageKey> = {
  aanwezig: "attendance.aanwezig",
  informatie_aangeleverd: "attendance.informatie_aangeleverd",
  telefonisch_video: "attendance.telefonisch_video",
  afwezig: "attendance.afwezig",
};

/** The invited partners, one row each: which organisation and how it took part. */
export function AttendanceRows({
  rows,
  onChange,
  organisations,
}: {
  rows: AttendanceRow[];
  onChange: (rows: AttendanceRow[]) => void;
  organisations: Organisation[];
}) {
  const { t } = useI18n();
  const set = (key: number, patch: Partial<AttendanceRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => onChange([...rows, { key: Math.max(0, ...rows.map((r) => r.key)) + 1, organisationId: "", status: "aanwezig" }]);
  return (
    <fieldset>
      <legend>{t("conf.attendance")}</legend>
      <p className="hint">{t("conf.attendanceHelp")}</p>
      {rows.map((r, i) => (
        <div key={r.key} className="repeat-row">
          <div>
            <label htmlFor={`att-org-${r.key}`}>{t("conf.partnerN", { n: i + 1 })}</label>
            <OrganisationSelect
              id={`att-org-${r.key}`}
              value={r.organisationId}
              required
              organisations={organisations}
              onChange={(organisationId) => set(r.key, { organisationId })}
            />
          </div>
          <div>
            <label htmlFor={`att-status-${r.key}`}>{t("conf.attendanceOfN", { n: i + 1 })}</label>
            <select id={`att-status-${r.key}`} value={r.status} onChange={(e) => set(r.key, { status: e.target.value as Attendance })}>
              {ATTENDANCE.map((a) => (
                <option key={a} value={a}>
                  {t(ATTENDANCE_KEY[a])}
                </option>
              ))}
            </select>
          </div>
          <div className="repeat-end">
            <button
              type="button"
              className="secondary"
              disabled={rows.length === 1}
              onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
            >
              {t("form.remove")}
              <span className="sr-only"> {t("conf.partnerN", { n: i + 1 })}</span>
            </button>
          </div>
        </div>
      ))}
      <div>
        <button type="button" className="secondary" onClick={add}>
          {t("conf.addPartner")}
        </button>
      </div>
    </fieldset>
  );
}
