import { useMemo, useState } from "react";
import { Model, Serializer } from "survey-core";
import { Survey } from "survey-react-ui";
import "survey-core/i18n/dutch";
import "survey-core/survey-core.fontless.css";
import { useReply, useSend } from "../../../shared/api/query.ts";
import { Status } from "../../../shared/components/Status.tsx";
import { useI18n } from "../../../shared/i18n.tsx";
import type { Reply } from "../../../shared/api/contract.ts";

// The definition carries a dimension per scored question; the renderer only has to accept it (as on the survey page).
Serializer.addProperty("question", { name: "dimension", visible: false });
Serializer.addProperty("question", { name: "scored:boolean", visible: false });

/** The survey page's look (survey-app/src/SurveyPage.tsx), so the preview is what a partner sees. */
const THEME = {
  cssVariables: {
    "--sjs-primary-backcolor": "#1f5f8b",
    "--sjs-primary-backcolor-dark": "#174a6d",
    "--sjs-primary-backcolor-light": "rgba(31, 95, 139, 0.1)",
    "--sjs-primary-forecolor": "#ffffff",
    "--sjs-general-backcolor-dim": "#f6f7f9",
    "--sjs-general-forecolor-light": "#595959",
    "--sjs-font-family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  },
};

type TestResult = Reply<"testQuestionnaireAnswers">;

/**
 * The saved version as a partner gets it (from previewQuestionnaire: n.v.t. as a scale point,
 * Dutch as every string's fallback), rendered by survey-core as the survey app does.
 * Completing it sends the answers to testQuestionnaireAnswers, which checks and stores nothing.
 * Loaded on demand: survey-core stays out of the dashboard's main bundle.
 */
export default function PreviewPanel({ id, dirty }: { id: string; dirty: boolean }) {
  const { t, locale: uiLocale, coded } = useI18n();
  const [locale, setLocale] = useState<"nl" | "en">(uiLocale === "en" ? "en" : "nl");
  const [round, setRound] = useState(0);
  const [result, setResult] = useState<TestResult>();
  const [failure, setFailure] = useState<Error>();
  const preview = useReply("previewQuestionnaire", `/questionnaires/${id}/preview`, { locale });
  const test = useSend("testQuestionnaireAnswers", "POST", []);
  const link = `${location.origin}/vragenlijsten?versie=${id}&tab=voorbeeld`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new round starts a fresh, empty survey
  const model = useMemo(() => {
    if (!preview.data) return undefined;
    const m = new Model(preview.data.definition);
    m.applyTheme(THEME);
    m.locale = locale;
    m.onComplete.add(async (sender) => {
      setFailure(undefined);
      try {
        setResult(await test.send(`/questionnaires/${id}/test-response`, { data: visibleAnswers(sender) }));
      } catch (e) {
        setFailure(e as Error);
      }
    });
    return m;
  }, [preview.data, locale, round]);

  return (
    <div className="stack">
      <p className="hint">{t("qn.previewHelp")}</p>
      {dirty && (
        <p className="warn" role="note">
          {t("qn.previewUnsaved")}
        </p>
      )}
      <div className="field-row">
        <div>
          <label htmlFor="qn-preview-locale">{t("qn.previewLanguage")}</label>
          <select
            id="qn-preview-locale"
            value={locale}
            onChange={(e) => {
              setResult(undefined);
              setLocale(e.target.value === "en" ? "en" : "nl");
            }}
          >
            <option value="nl">{t("qn.dutch")}</option>
            <option value="en">{t("qn.english")}</option>
          </select>
        </div>
        <div className="grow">
          <label htmlFor="qn-test-link">{t("qn.testLink")}</label>
          <input id="qn-test-link" readOnly value={link} aria-describedby="qn-test-link-help" onFocus={(e) => e.target.select()} />
          <span id="qn-test-link-help" className="hint">
            {t("qn.testLinkHelp")}
          </span>
        </div>
      </div>
      {result && (
        <div role={result.valid ? "status" : "alert"} className={result.valid ? "ok" : "error"}>
          <p>{result.valid ? t("qn.testValid") : t("qn.testInvalid")}</p>
          {/* Each refusal by code and params, in the reader's language (message is the server's Dutch). */}
          {result.errors.length > 0 && (
            <ul>
              {result.errors.map((e) => (
                <li key={`${e.question}-${e.reason}`}>
                  <code>{e.question}</code> {coded(e)}
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            onClick={() => {
              setResult(undefined);
              setRound((r) => r + 1);
            }}
          >
            {t("qn.testAgain")}
          </button>
        </div>
      )}
      <Status error={failure} />
      {model ? (
        <div className="qn-preview" lang={locale}>
          <Survey model={model} />
        </div>
      ) : (
        <Status loading={preview.loading} error={preview.error} />
      )}
    </div>
  );
}

/** Only the answers to questions shown: the server refuses answers to questions hidden by routing. */
function visibleAnswers(model: Model) {
  const data: Record<string, unknown> = { ...model.data };
  for (const q of model.getAllQuestions(false)) if (!q.isVisibleInSurvey) delete data[q.getValueName()];
  return data;
}
