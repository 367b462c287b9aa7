import { useEffect, useMemo, useRef, useState } from "react";
import { Model, Serializer } from "survey-core";
import { Survey } from "survey-react-ui";
import "survey-core/i18n/dutch";
import "survey-core/survey-core.fontless.css";
import "./survey.css";
import type { SurveyError } from "./client.ts";
import type { MessageKey } from "../../i18n/survey-app.ts";

// The definition carries a dimension key per scored question; the browser only has to accept it.
Serializer.addProperty("question", { name: "dimension", visible: false });

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

/**
 * The answers to the questions shown: survey-core only clears answers to questions hidden by
 * routing after completing, and the server refuses answers to hidden questions.
 */
function visibleAnswers(model: Model) {
  const data: Record<string, unknown> = { ...model.data };
  for (const q of model.getAllQuestions(false)) if (!q.isVisibleInSurvey) delete data[q.getValueName()];
  return data;
}

type Save = "idle" | "saving" | "saved" | "failed";

/** The first page that still has an unanswered required question: where the partner left off. */
function resumePage(model: Model) {
  const idx = model.visiblePages.findIndex((p) => p.questions.some((q) => q.isRequired && q.isEmpty()));
  return idx < 0 ? model.visiblePages.length - 1 : idx;
}

export type Translate = (k: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * One questionnaire on screen. A personal link saves progress (`save`) and sends once; an open
 * link has no `save` and starts empty each time. `send` returns the receipt, if the link gives one.
 */
export default function SurveyPage({
  definition,
  data,
  meta,
  locale,
  t,
  save: saveProgress,
  send: submit,
  onDone,
}: {
  definition: Record<string, unknown>;
  data: Record<string, unknown>;
  meta: string;
  locale: string;
  t: Translate;
  save?: (data: Record<string, unknown>) => Promise<unknown>;
  send: (data: Record<string, unknown>) => Promise<string | null>;
  onDone: (receipt: string | null) => void;
}) {
  const [save, setSave] = useState<Save>("idle");
  const [sendError, setSendError] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const resumed = Object.keys(data).length > 0;
  const model = useMemo(() => {
    const m = new Model(definition);
    m.applyTheme(THEME);
    m.data = data;
    if (Object.keys(data).length) m.currentPageNo = resumePage(m);
    return m;
  }, [definition, data]);
  const [step, setStep] = useState({ n: 1, total: 1 });

  useEffect(() => {
    model.locale = locale === "en" ? "en" : "nl";
  }, [model, locale]);

  useEffect(() => {
    const where = () => setStep({ n: model.currentPageNo + 1, total: model.visiblePageCount });
    where();
    const persist = async () => {
      where();
      if (!saveProgress) return;
      clearTimeout(timer.current);
      setSave("saving");
      try {
        await saveProgress(model.data);
        setSave("saved");
      } catch {
        setSave("failed");
        timer.current = setTimeout(persist, 5000);
      }
    };
    const later = () => {
      where(); // routing may show or hide a page
      if (!saveProgress) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(persist, 800);
    };
    const send = async (_: Model, options: { allow: boolean }) => {
      options.allow = false; // the thank-you page only follows a 2xx from the server
      clearTimeout(timer.current);
      setSendError("");
      try {
        onDone(await submit(visibleAnswers(model)));
      } catch (e) {
        const err = e as SurveyError;
        setSendError(
          err.status === 422
            ? err.message
            : err.status === 429
              ? t("surveyPage.rateLimited", { minutes: Math.max(1, Math.ceil((err.retryAfter ?? 3600) / 60)) })
              : t("survey.sendFailed"),
        );
      }
    };
    model.onValueChanged.add(later);
    model.onCurrentPageChanged.add(persist);
    model.onCompleting.add(send);
    return () => {
      model.onValueChanged.remove(later);
      model.onCurrentPageChanged.remove(persist);
      model.onCompleting.remove(send);
      clearTimeout(timer.current);
    };
  }, [model, saveProgress, submit, t, onDone]);

  const status =
    save === "saving" ? t("survey.saving") : save === "saved" ? t("survey.saved") : save === "failed" ? t("survey.saveFailed") : "";
  return (
    <>
      <p className="meta">{meta}</p>
      {resumed && (
        <p className="welcome" role="status">
          {t("surveyPage.welcomeBack")}
        </p>
      )}
      {/* Phones get words instead of the page buttons of the progress bar, which do not fit there. */}
      <p className="step">{t("surveyPage.step", step)}</p>
      <Survey model={model} />
      <p className="save-status" role="status" aria-live="polite">
        {status}
      </p>
      {sendError && (
        <p className="error" role="alert">
          {sendError}
        </p>
      )}
    </>
  );
}
