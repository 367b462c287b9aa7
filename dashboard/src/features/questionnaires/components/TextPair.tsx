import { useId } from "react";
import { useI18n } from "../../../shared/i18n.tsx";
import { makeText, textIn } from "../api/model.ts";

/**
 * A SurveyJS localisable string as two inputs, Dutch and English. An empty English text
 * falls back to Dutch on the survey page, so only Dutch may be required.
 */
export function TextPair({
  label,
  value,
  onChange,
  disabled,
  required,
  multiline,
}: {
  label: string;
  value: unknown;
  onChange: (value: ReturnType<typeof makeText>) => void;
  disabled?: boolean;
  required?: boolean;
  multiline?: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const nl = textIn(value, "nl");
  const en = textIn(value, "en");
  const Input = multiline ? "textarea" : "input";
  return (
    <div className="field-row qn-text-pair">
      <div className="grow">
        <label htmlFor={`${id}-nl`}>
          {label} ({t("qn.dutch")})
        </label>
        <Input
          id={`${id}-nl`}
          lang="nl"
          value={nl}
          required={required}
          disabled={disabled}
          rows={multiline ? 2 : undefined}
          onChange={(e) => onChange(makeText(e.target.value, en))}
        />
      </div>
      <div className="grow">
        <label htmlFor={`${id}-en`}>
          {label} ({t("qn.english")})
        </label>
        <Input
          id={`${id}-en`}
          lang="en"
          value={en}
          disabled={disabled}
          placeholder={nl}
          aria-describedby={`${id}-en-help`}
          rows={multiline ? 2 : undefined}
          onChange={(e) => onChange(makeText(nl, e.target.value))}
        />
        <span id={`${id}-en-help`} className="sr-only">
          {t("qn.englishHelp")}
        </span>
      </div>
    </div>
  );
}
