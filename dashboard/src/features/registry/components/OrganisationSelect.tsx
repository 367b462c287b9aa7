import type { MessageKey } from "../../../../../i18n/messages.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import type { Organisation } from "../api/registry.ts";

const TYPES: [string, MessageKey][] = [
  ["veiligheid", "org.veiligheid"],
  ["justitie", "org.justitie"],
  ["zorg", "org.zorg"],
  ["wonen", "org.wonen"],
  ["gemeente", "org.gemeente"],
  ["overig", "org.overig"],
  ["", "org.overig"],
];

/** A select of organisations grouped by kind; `empty` adds a first option meaning "none". */
export function OrganisationSelect({
  id,
  value,
  onChange,
  organisations,
  required,
  empty,
  name,
  describedBy,
}: {
  id: string;
  value?: string;
  onChange?: (id: string) => void;
  organisations: Organisation[];
  required?: boolean;
  empty?: string;
  name?: string;
  describedBy?: string;
}) {
  const { t } = useI18n();
  const groups = TYPES.map(([type, key]) => ({ key, type, orgs: organisations.filter((o) => o.type === type) })).filter(
    (g) => g.orgs.length,
  );
  return (
    <select
      id={id}
      name={name}
      required={required}
      aria-describedby={describedBy}
      {...(onChange ? { value: value ?? "", onChange: (e) => onChange(e.target.value) } : { defaultValue: value ?? "" })}
    >
      <option value="">{empty ?? t("form.choose")}</option>
      {groups.map((g) =>
        g.type ? (
          <optgroup key={g.type} label={t(g.key)}>
            {g.orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </optgroup>
        ) : (
          g.orgs.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))
        ),
      )}
    </select>
  );
}
