import { useId } from "react";
import type { MessageKey } from "../../../../../i18n/messages.ts";
import { DIMENSION_KEY, useDimensionName } from "../../../shared/dimensions.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { CHOICE_TYPES, type Element, type Json, isScored, type QuestionType, scaleOf, TYPES } from "../api/model.ts";
import { ChoicesEditor } from "./ChoicesEditor.tsx";
import { TextPair } from "./TextPair.tsx";

const TYPE_LABEL: Record<QuestionType, MessageKey> = {
  rating: "qn.type.rating",
  radiogroup: "qn.type.radiogroup",
  checkbox: "qn.type.checkbox",
  dropdown: "qn.type.dropdown",
  boolean: "qn.type.boolean",
  comment: "qn.type.comment",
  text: "qn.type.text",
};
export const typeLabel = (type: QuestionType) => TYPE_LABEL[type];
const isKnown = (type: unknown): type is QuestionType => TYPES.includes(type as QuestionType);
const DIMENSIONS = Object.keys(DIMENSION_KEY);

/** An integer from a number field, or nothing (the server names what is wrong with it). */
const int = (v: string) => (v.trim() === "" ? undefined : Number(v));

export interface QuestionProps {
  el: Element;
  number: number;
  first: boolean;
  last: boolean;
  disabled: boolean;
  problems: Json[];
  /** Set when this scored question is reworded since the copied version: the comparability answer. */
  reworded: { comparable: boolean | undefined } | null;
  onChange: (patch: Json) => void;
  onComparable: (comparable: boolean) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One question of a page: its type, name, texts, scale or choices, dimension and routing. */
export function QuestionEditor({
  el,
  number,
  first,
  last,
  disabled,
  problems,
  reworded,
  onChange,
  onComparable,
  onMove,
  onRemove,
}: QuestionProps) {
  const { t } = useI18n();
  const dimensionName = useDimensionName();
  const id = useId();
  const name = typeof el.name === "string" ? el.name : "";
  const label = name || String(number);
  const problemId = `${id}-problems`;

  function changeType(type: QuestionType) {
    const patch: Json = { type };
    if (type === "rating" && el.rateMin === undefined && el.rateValues === undefined) Object.assign(patch, { rateMin: 1, rateMax: 5 });
    if (CHOICE_TYPES.includes(type) && !Array.isArray(el.choices))
      patch.choices = [
        { value: "keuze_1", text: "Keuze 1" },
        { value: "keuze_2", text: "Keuze 2" },
      ];
    onChange(patch);
  }

  const scale = el.type === "rating" ? scaleOf(el) : null;
  const setScale = (key: "rateMin" | "rateMax", value: number | undefined) =>
    onChange({ rateValues: undefined, rateMin: scale?.min, rateMax: scale?.max, [key]: value });

  return (
    <fieldset
      className={`qn-question${problems.length ? " qn-invalid" : ""}${reworded ? " qn-reworded" : ""}`}
      aria-describedby={problems.length ? problemId : undefined}
      data-question={name}
    >
      <legend>{t("qn.question", { n: number, name: label })}</legend>
      {problems.length > 0 && (
        <ul id={problemId} className="error qn-problems">
          {problems.map((p, i) => (
            <li key={i}>{p.reason === "reworded" ? t("qn.comparable") : String(p.message ?? p.reason ?? "")}</li>
          ))}
        </ul>
      )}
      {isKnown(el.type) ? (
        <>
          <div className="field-row">
            <div>
              <label htmlFor={`${id}-type`}>{t("qn.type")}</label>
              <select id={`${id}-type`} value={el.type} disabled={disabled} onChange={(e) => changeType(e.target.value as QuestionType)}>
                {TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(TYPE_LABEL[type])}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor={`${id}-name`}>{t("qn.name")}</label>
              <input
                id={`${id}-name`}
                value={name}
                required
                disabled={disabled}
                aria-describedby={`${id}-name-help`}
                onChange={(e) => onChange({ name: e.target.value })}
              />
              <span id={`${id}-name-help`} className="sr-only">
                {t("qn.nameHelp")}
              </span>
            </div>
            <div className="qn-check">
              <input
                id={`${id}-req`}
                type="checkbox"
                checked={el.isRequired === true}
                disabled={disabled}
                onChange={(e) => onChange({ isRequired: e.target.checked || undefined })}
              />
              <label htmlFor={`${id}-req`}>{t("qn.required")}</label>
            </div>
          </div>
          <TextPair
            label={t("qn.text")}
            value={el.title}
            disabled={disabled}
            required
            multiline
            onChange={(title) => onChange({ title })}
          />
          {scale && (
            <>
              <div className="field-row">
                <div>
                  <label htmlFor={`${id}-min`}>{t("qn.scaleMin")}</label>
                  <input
                    id={`${id}-min`}
                    type="number"
                    step={1}
                    min={0}
                    max={10}
                    value={Number.isFinite(scale.min) ? scale.min : ""}
                    disabled={disabled}
                    onChange={(e) => setScale("rateMin", int(e.target.value))}
                  />
                </div>
                <div>
                  <label htmlFor={`${id}-max`}>{t("qn.scaleMax")}</label>
                  <input
                    id={`${id}-max`}
                    type="number"
                    step={1}
                    min={1}
                    max={10}
                    value={Number.isFinite(scale.max) ? scale.max : ""}
                    disabled={disabled}
                    onChange={(e) => setScale("rateMax", int(e.target.value))}
                  />
                </div>
                <div className="qn-check">
                  <input
                    id={`${id}-nvt`}
                    type="checkbox"
                    checked={el.showNotApplicable === true}
                    disabled={disabled}
                    onChange={(e) => onChange({ showNotApplicable: e.target.checked || undefined })}
                  />
                  <label htmlFor={`${id}-nvt`}>{t("qn.notApplicable")}</label>
                </div>
              </div>
              {scale.labelled && <p className="hint">{t("qn.scaleLabelled")}</p>}
              <TextPair
                label={t("qn.minLabel")}
                value={el.minRateDescription}
                disabled={disabled}
                onChange={(v) => onChange({ minRateDescription: v })}
              />
              <TextPair
                label={t("qn.maxLabel")}
                value={el.maxRateDescription}
                disabled={disabled}
                onChange={(v) => onChange({ maxRateDescription: v })}
              />
              <div className="field-row">
                <div className="qn-check">
                  <input
                    id={`${id}-scored`}
                    type="checkbox"
                    checked={isScored(el)}
                    disabled={disabled}
                    onChange={(e) => onChange({ scored: e.target.checked ? undefined : false })}
                  />
                  <label htmlFor={`${id}-scored`}>{t("qn.scored")}</label>
                </div>
                {isScored(el) && (
                  <div>
                    <label htmlFor={`${id}-dim`}>{t("qn.dimension")}</label>
                    <select
                      id={`${id}-dim`}
                      value={typeof el.dimension === "string" ? el.dimension : ""}
                      disabled={disabled}
                      onChange={(e) => onChange({ dimension: e.target.value || undefined })}
                    >
                      <option value="">{t("qn.chooseDimension")}</option>
                      {typeof el.dimension === "string" && el.dimension && !DIMENSIONS.includes(el.dimension) && (
                        <option value={el.dimension}>{el.dimension}</option>
                      )}
                      {DIMENSIONS.map((d) => (
                        <option key={d} value={d}>
                          {dimensionName(d)}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
              </div>
            </>
          )}
          {CHOICE_TYPES.includes(el.type) && (
            <ChoicesEditor choices={el.choices} disabled={disabled} onChange={(choices) => onChange({ choices })} />
          )}
          <div>
            <label htmlFor={`${id}-if`}>{t("qn.visibleIf")}</label>
            <input
              id={`${id}-if`}
              className="qn-code"
              value={typeof el.visibleIf === "string" ? el.visibleIf : ""}
              disabled={disabled}
              spellCheck={false}
              aria-describedby={`${id}-if-help`}
              onChange={(e) => onChange({ visibleIf: e.target.value.trim() ? e.target.value : undefined })}
            />
            <p id={`${id}-if-help`} className="hint">
              {t("qn.visibleIfHelp")} <code>{"{bijgewoond} = true"}</code>, <code>{"{cijfer} < 6"}</code>
            </p>
          </div>
        </>
      ) : (
        <p className="hint">{t("qn.type.other", { type: String(el.type) })}</p>
      )}
      {reworded && (
        <fieldset className="qn-comparable">
          <legend>{t("qn.comparable")}</legend>
          <p className="hint">{t("qn.reworded")}</p>
          <div className="qn-check">
            <input
              id={`${id}-cmp-yes`}
              type="radio"
              name={`${id}-cmp`}
              checked={reworded.comparable === true}
              disabled={disabled}
              onChange={() => onComparable(true)}
            />
            <label htmlFor={`${id}-cmp-yes`}>{t("qn.comparableYes")}</label>
          </div>
          <div className="qn-check">
            <input
              id={`${id}-cmp-no`}
              type="radio"
              name={`${id}-cmp`}
              checked={reworded.comparable === false}
              disabled={disabled}
              onChange={() => onComparable(false)}
            />
            <label htmlFor={`${id}-cmp-no`}>{t("qn.comparableNo")}</label>
          </div>
        </fieldset>
      )}
      {!disabled && (
        <div className="qn-actions">
          <button
            type="button"
            className="small-button"
            data-move="up"
            disabled={first}
            onClick={() => onMove(-1)}
            aria-label={t("qn.moveUp", { name: label })}
          >
            <span aria-hidden="true">↑ </span>
            {t("qn.up")}
          </button>
          <button
            type="button"
            className="small-button"
            data-move="down"
            disabled={last}
            onClick={() => onMove(1)}
            aria-label={t("qn.moveDown", { name: label })}
          >
            <span aria-hidden="true">↓ </span>
            {t("qn.down")}
          </button>
          <button type="button" className="small-button" onClick={onRemove} aria-label={t("qn.removeQuestion", { name: label })}>
            {t("qn.remove")}
          </button>
        </div>
      )}
    </fieldset>
  );
}
