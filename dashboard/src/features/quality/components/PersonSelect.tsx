import { useI18n } from "../../../shared/i18n.tsx";
import type { PersonOption } from "../api/usePeople.ts";

/** Owner choice: the user first ("Mijzelf"), then everyone the quality cycle already names. */
export function PersonSelect({
  id,
  value,
  onChange,
  options,
  required,
  empty,
  describedBy,
}: {
  id: string;
  value: string;
  onChange: (id: string) => void;
  options: PersonOption[];
  required?: boolean;
  empty?: string;
  describedBy?: string;
}) {
  const { t } = useI18n();
  return (
    <select id={id} value={value} required={required} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}>
      <option value="">{empty ?? t("form.choose")}</option>
      {options.map((p) => (
        <option key={p.id} value={p.id}>
          {p.me ? t("people.me", { name: p.name }) : p.name}
        </option>
      ))}
    </select>
  );
}
