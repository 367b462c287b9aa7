import { useI18n } from "../../../shared/i18n.tsx";

export interface Notes {
  aanleiding: string;
  doel: string;
  aanpak: string;
}

const FIELDS = [
  ["aanleiding", "conf.aanleiding"],
  ["doel", "conf.doel"],
  ["aanpak", "conf.aanpak"],
] as const;

/** Aanleiding, doel, aanpak: working notes, erased after the retention term. */
export function ElementsNotes({ notes, onChange, retentionDays }: { notes: Notes; onChange: (n: Notes) => void; retentionDays?: number }) {
  const { t } = useI18n();
  return (
    <fieldset aria-describedby="notes-help">
      <legend>{t("conf.notes")}</legend>
      <p id="notes-help" className="hint">
        {retentionDays ? t("conf.notesHelpDays", { days: retentionDays }) : t("conf.notesHelp")}
      </p>
      {FIELDS.map(([field, key]) => (
        <div key={field}>
          <label htmlFor={`conf-${field}`}>{t(key)}</label>
          <textarea
            id={`conf-${field}`}
            rows={3}
            maxLength={4000}
            value={notes[field]}
            onChange={(e) => onChange({ ...notes, [field]: e.target.value })}
          />
        </div>
      ))}
    </fieldset>
  );
}
