import { useEffect, useMemo, useRef, useState } from "react";
import { Model, Serializer } from "survey-core";
import { Survey } from "survey-react-ui";
import "survey-core/i18n/dutch";
import "survey-core/survey-core.fontless.css";
import "./survey.css";
import { saveProgress, submit, type SurveyError, type SurveyPayload } from "./client.ts";
import type { MessageKey } from "../../i18n/messages.ts";

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

export default function SurveyPage({
  token,
  payload,
  locale,
  t,
  onDone,
}: {
  token: string;
  payload: SurveyPayload;
  locale: string;
  t: (k: MessageKey) => string;
  onDone: (receipt: string) => void;
}) {
  const [save, setSave] = useState<Save>("idle");
  const [sendError, setSendError] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const model = useMemo(() => {
    const m = new Model(payload.definition);
    m.applyTheme(THEME);
    m.data = payload.data;
    if (Object.keys(payload.data).length) m.currentPageNo = resumePage(m);
    return m;
  }, [payload]);

  useEffect(() => {
    model.locale = locale === "en" ? "en" : "nl";
  }, [model, locale]);

  useEffect(() => {
    const persist = async () => {
      clearTimeout(timer.current);
      setSave("saving");
      try {
        await saveProgress(token, model.data);
        setSave("saved");
      } catch {
        setSave("failed");
        timer.current = setTimeout(persist, 5000);
      }
    };
    const later = () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(persist, 800);
    };
    const send = async (_: Model, options: { allow: boolean }) => {
      options.allow = false; // the thank-you page only follows a 2xx from the server
      clearTimeout(timer.current);
      setSendError("");
      try {
        onDone((await submit(token, visibleAnswers(model))).receipt);
      } catch (e) {
        const err = e as SurveyError;
        setSendError(err.status === 422 ? err.message : t("survey.sendFailed"));
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
  }, [model, token, t, onDone]);

  const status =
    save === "saving" ? t("survey.saving") : save === "saved" ? t("survey.saved") : save === "failed" ? t("survey.saveFailed") : "";
  return (
    <>
      <p className="meta">
        {t("survey.for")} {payload.organisation} · {payload.wave.name}
      </p>
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
