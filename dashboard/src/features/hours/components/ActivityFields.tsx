import { useI18n } from "../../../shared/i18n.tsx";
import { useReply } from "../../../shared/api/query.ts";
import { today } from "../../../shared/format.ts";
import type { Municipality } from "../../registry/api/registry.ts";
import { ACTIVITY_KINDS, KIND_KEY, roleLabel, type ActivityKind } from "../api/hours.ts";

export interface ActivityDraft {
  kind: ActivityKind;
  municipalityId: string;
  caseId: string;
  performedOn: string;
  hours: string;
  staffRole: string;
  userId: string;
}

export const emptyDraft = (staffRole = ""): ActivityDraft => ({
  kind: "procesregie",
  municipalityId: "",
  caseId: "",
  performedOn: today(),
  hours: "",
  staffRole,
  userId: "",
});

/** The API's body from a draft: empty optional fields are left out, hours as a number. */
export const toBody = (d: ActivityDraft) => ({
  kind: d.kind,
  municipalityId: d.municipalityId,
  performedOn: d.performedOn,
  hours: Number(d.hours.replace(",", ".")),
  staffRole: d.staffRole,
  ...(d.caseId ? { caseId: d.caseId } : {}),
  ...(d.userId ? { userId: d.userId } : {}),
});

/**
 * The fields of one registration, shared by the new-hours form and the correction form:
 * a case is optional (a municipality-level activity has none) and lists only open cases of
 * the chosen municipality that are not handled locally.
 */
export function ActivityFields({
  id,
  value,
  onChange,
  municipalities,
  rates,
  people,
}: {
  id: string;
  value: ActivityDraft;
  onChange: (next: ActivityDraft) => void;
  municipalities: Municipality[];
  rates: string[];
  /** Other staff members whose hours one may register; null: only one's own. */
  people: { id: string; name: string }[] | null;
}) {
  const { t } = useI18n();
  const cases = useReply("listCases", value.municipalityId ? "/cases" : null, {
    municipality: value.municipalityId,
    sort: "-registeredOn",
    limit: 200,
  });
  const open = (cases.data?.cases ?? []).filter((c) => c.status !== "afgesloten" && !c.handledLocallyOn);
  const set = (changes: Partial<ActivityDraft>) => onChange({ ...value, ...changes });
  return (
    <div className="stack">
      <label htmlFor={`${id}-kind`}>{t("hours.kind")}</label>
      <select id={`${id}-kind`} value={value.kind} onChange={(e) => set({ kind: e.target.value as ActivityKind })}>
        {ACTIVITY_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(KIND_KEY[k])}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-mun`}>{t("case.municipality")}</label>
      <select id={`${id}-mun`} required value={value.municipalityId} onChange={(e) => set({ municipalityId: e.target.value, caseId: "" })}>
        <option value="">{t("form.choose")}</option>
        {municipalities.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-case`}>{t("hours.case")}</label>
      <select
        id={`${id}-case`}
        value={value.caseId}
        disabled={!value.municipalityId}
        aria-describedby={`${id}-case-help`}
        onChange={(e) => set({ caseId: e.target.value })}
      >
        <option value="">{t("hours.noCase")}</option>
        {open.map((c) => (
          <option key={c.id} value={c.id}>
            {c.code}
          </option>
        ))}
      </select>
      <p id={`${id}-case-help`} className="hint">
        {t("hours.caseHelp")}
      </p>
      <label htmlFor={`${id}-date`}>{t("hours.date")}</label>
      <input
        id={`${id}-date`}
        type="date"
        required
        max={today()}
        value={value.performedOn}
        onChange={(e) => set({ performedOn: e.target.value })}
      />
      <label htmlFor={`${id}-hours`}>{t("hours.hours")}</label>
      <input
        id={`${id}-hours`}
        type="number"
        inputMode="decimal"
        required
        min={0.25}
        max={24}
        step={0.25}
        value={value.hours}
        onChange={(e) => set({ hours: e.target.value })}
      />
      <label htmlFor={`${id}-role`}>{t("hours.staffRole")}</label>
      <select id={`${id}-role`} required value={value.staffRole} onChange={(e) => set({ staffRole: e.target.value })}>
        <option value="">{t("form.choose")}</option>
        {rates.map((r) => (
          <option key={r} value={r}>
            {roleLabel(r)}
          </option>
        ))}
      </select>
      {people && (
        <>
          <label htmlFor={`${id}-who`}>{t("hours.who")}</label>
          <select id={`${id}-who`} value={value.userId} onChange={(e) => set({ userId: e.target.value })}>
            <option value="">{t("hours.self")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  );
}
