import type { MessageKey } from "../../../../../i18n/messages.ts";
import { useI18n } from "../../../shared/i18n.tsx";
import { today } from "../../../shared/format.ts";
import { CONFERENCE_METRICS, METRIC_KEY, type ConferenceMetric, type Criterion } from "../api/quality.ts";
import { DIMENSION_KEY, SURVEY_DIMENSIONS } from "../../../shared/dimensions.ts";

export type CriterionKind = Criterion["kind"];
export interface CriterionDraft {
  kind: CriterionKind;
  text: string;
  dimension: string;
  question: string;
  metric: ConferenceMetric;
  comparator: ">=" | "<=";
  target: string;
  scale: "5" | "10";
  wave: string;
  from: string;
  to: string;
}

const KINDS: [CriterionKind, MessageKey][] = [
  ["survey_dimension", "criterion.survey_dimension"],
  ["survey_question", "criterion.survey_question"],
  ["conference_metric", "criterion.conference_metric"],
  ["manual", "criterion.manual"],
];

/** The draft as the API wants it; numbers from the fields, optional names left out when empty. */
export function toCriterion(d: CriterionDraft): Criterion {
  const target = Number(d.target.replace(",", "."));
  const wave = d.wave.trim() ? { wave: d.wave.trim() } : {};
  if (d.kind === "survey_dimension")
    return { kind: d.kind, text: d.text, dimension: d.dimension, comparator: d.comparator, target, scale: d.scale, ...wave };
  if (d.kind === "survey_question")
    return { kind: d.kind, text: d.text, question: d.question.trim(), comparator: d.comparator, target, scale: d.scale, ...wave };
  if (d.kind === "conference_metric")
    return { kind: d.kind, text: d.text, metric: d.metric, comparator: d.comparator, target, from: d.from, to: d.to };
  return { kind: "manual", text: d.text };
}

/**
 * The effectiveness criterion, written before the work starts: something the platform
 * can measure (a survey dimension or question in a later wave, a conference metric over
 * a period) or, explicitly, a manual judgement by the reviewer.
 */
export function CriterionFields({ value: d, onChange }: { value: CriterionDraft; onChange: (d: CriterionDraft) => void }) {
  const { t } = useI18n();
  const set = (patch: Partial<CriterionDraft>) => onChange({ ...d, ...patch });
  const measured = d.kind !== "manual";
  const percent = d.kind === "conference_metric";
  return (
    <fieldset>
      <legend>{t("criterion.legend")}</legend>
      <p className="hint">{t("criterion.help")}</p>
      <fieldset>
        <legend>{t("criterion.kind")}</legend>
        <div className="checks">
          {KINDS.map(([k, label]) => (
            <label key={k} className="check">
              <input type="radio" name="criterion-kind" checked={d.kind === k} onChange={() => set({ kind: k })} /> {t(label)}
            </label>
          ))}
        </div>
      </fieldset>
      <label htmlFor="cr-text">{t("criterion.text")}</label>
      <input
        id="cr-text"
        required
        maxLength={300}
        value={d.text}
        onChange={(e) => set({ text: e.target.value })}
        aria-describedby="cr-text-help"
      />
      <p id="cr-text-help" className="hint">
        {t("criterion.textHelp")}
      </p>
      {measured && (
        <div className="field-row">
          {d.kind === "survey_dimension" && (
            <div>
              <label htmlFor="cr-dimension">{t("results.dimension")}</label>
              <select id="cr-dimension" required value={d.dimension} onChange={(e) => set({ dimension: e.target.value })}>
                <option value="">{t("form.choose")}</option>
                {SURVEY_DIMENSIONS.map((k) => (
                  <option key={k} value={k}>
                    {t(DIMENSION_KEY[k])}
                  </option>
                ))}
              </select>
            </div>
          )}
          {d.kind === "survey_question" && (
            <div>
              <label htmlFor="cr-question">{t("criterion.question")}</label>
              <input
                id="cr-question"
                required
                maxLength={60}
                value={d.question}
                onChange={(e) => set({ question: e.target.value })}
                aria-describedby="cr-question-help"
              />
              <p id="cr-question-help" className="hint">
                {t("criterion.questionHelp")}
              </p>
            </div>
          )}
          {d.kind === "conference_metric" && (
            <div>
              <label htmlFor="cr-metric">{t("criterion.metric")}</label>
              <select id="cr-metric" value={d.metric} onChange={(e) => set({ metric: e.target.value as ConferenceMetric })}>
                {CONFERENCE_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {t(METRIC_KEY[m])}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div>
            <label htmlFor="cr-comparator">{t("criterion.comparator")}</label>
            <select id="cr-comparator" value={d.comparator} onChange={(e) => set({ comparator: e.target.value as ">=" | "<=" })}>
              <option value=">=">{t("criterion.atLeast")}</option>
              <option value="<=">{t("criterion.atMost")}</option>
            </select>
          </div>
          <div>
            <label htmlFor="cr-target">{percent ? t("criterion.targetPercent") : t("criterion.target", { scale: d.scale })}</label>
            <input
              id="cr-target"
              required
              inputMode="decimal"
              pattern="\d+([.,]\d+)?"
              size={6}
              value={d.target}
              onChange={(e) => set({ target: e.target.value })}
            />
          </div>
          {!percent && (
            <div>
              <label htmlFor="cr-scale">{t("criterion.scale")}</label>
              <select id="cr-scale" value={d.scale} onChange={(e) => set({ scale: e.target.value as "5" | "10" })}>
                <option value="5">1–5</option>
                <option value="10">1–10</option>
              </select>
            </div>
          )}
          {!percent && (
            <div className="grow">
              <label htmlFor="cr-wave">{t("criterion.wave")}</label>
              <input
                id="cr-wave"
                maxLength={120}
                value={d.wave}
                onChange={(e) => set({ wave: e.target.value })}
                aria-describedby="cr-wave-help"
              />
              <p id="cr-wave-help" className="hint">
                {t("criterion.waveHelp")}
              </p>
            </div>
          )}
          {percent && (
            <>
              <div>
                <label htmlFor="cr-from">{t("period.from")}</label>
                <input id="cr-from" type="date" required value={d.from} onChange={(e) => set({ from: e.target.value })} />
              </div>
              <div>
                <label htmlFor="cr-to">{t("period.to")}</label>
                <input id="cr-to" type="date" required min={d.from || today()} value={d.to} onChange={(e) => set({ to: e.target.value })} />
              </div>
            </>
          )}
        </div>
      )}
    </fieldset>
  );
}
