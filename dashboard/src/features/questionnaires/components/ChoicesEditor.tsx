import { useId } from "react";
import { useI18n } from "../../../shared/i18n.tsx";
import { type Json, makeText, textIn } from "../api/model.ts";

type Choice = { value: string | number; text?: unknown };

const asChoice = (c: unknown): Choice =>
  typeof c === "object" && c !== null ? { ...(c as Json), value: (c as Json).value as string | number } : { value: c as string | number };

/** The choices of a radiogroup, checkbox or dropdown: a stored value and its text in Dutch and English. */
export function ChoicesEditor({ choices, onChange, disabled }: { choices: unknown; onChange: (c: Choice[]) => void; disabled?: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const list = Array.isArray(choices) ? choices.map(asChoice) : [];
  const set = (i: number, patch: Partial<Choice>) => onChange(list.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <fieldset className="qn-choices">
      <legend>{t("qn.choices")}</legend>
      <ol className="stack">
        {list.map((c, i) => (
          <li key={i} className="field-row">
            <div>
              <label htmlFor={`${id}-${i}-v`}>
                {t("qn.choiceN", { n: i + 1 })}: {t("qn.choiceValue")}
              </label>
              <input
                id={`${id}-${i}-v`}
                value={String(c.value ?? "")}
                disabled={disabled}
                onChange={(e) => set(i, { value: e.target.value })}
              />
            </div>
            <div className="grow">
              <label htmlFor={`${id}-${i}-nl`}>
                {t("qn.choiceText")} ({t("qn.dutch")})
              </label>
              <input
                id={`${id}-${i}-nl`}
                lang="nl"
                value={textIn(c.text, "nl")}
                disabled={disabled}
                onChange={(e) => set(i, { text: makeText(e.target.value, textIn(c.text, "en")) })}
              />
            </div>
            <div className="grow">
              <label htmlFor={`${id}-${i}-en`}>
                {t("qn.choiceText")} ({t("qn.english")})
              </label>
              <input
                id={`${id}-${i}-en`}
                lang="en"
                value={textIn(c.text, "en")}
                disabled={disabled}
                onChange={(e) => set(i, { text: makeText(textIn(c.text, "nl"), e.target.value) })}
              />
            </div>
            {!disabled && (
              <div>
                <button type="button" className="small-button qn-row-button" onClick={() => onChange(list.filter((_, j) => j !== i))}>
                  {t("qn.removeChoice", { n: i + 1 })}
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {!disabled && (
        <button
          type="button"
          className="small-button"
          onClick={() => onChange([...list, { value: `keuze_${list.length + 1}`, text: `${t("qn.choiceN", { n: list.length + 1 })}` }])}
        >
          {t("qn.addChoice")}
        </button>
      )}
    </fieldset>
  );
}
