import { useEffect, useRef, useState } from "react";
import { Model, QuestionRatingModel, Serializer } from "survey-core";
import { Survey } from "survey-react-ui";
import "survey-core/i18n/dutch";
import "survey-core/survey-core.fontless.css";
import "./survey.css";
import type { SurveyError } from "./client.ts";
import type { MessageKey } from "../../i18n/survey-app.ts";

// The definition carries a dimension key per scored question; the browser only has to accept it.
Serializer.addProperty("question", { name: "dimension", visible: false });

/**
 * survey-core 3.0 reads six colour variables with getComputedStyle for each rating question, when it
 * joins the survey and again after it mounts: the browser then computes the style of the whole page
 * inside the model build and inside React's commit (a third of that task on a phone). Only smileys
 * paint with these colours (survey-core's CSS uses them in `.sd-rating__item-smiley--*` alone); for
 * every other rating question survey-core skips the reading when the (undeclared) `colorMode` is
 * "monochrome". A question shown as smileys still reads them when it mounts.
 */
Object.defineProperty(QuestionRatingModel.prototype, "colorMode", {
  configurable: true,
  get(this: QuestionRatingModel) {
    return this.rateType === "smileys" ? undefined : "monochrome";
  },
});

/**
 * survey-core 3.0 renders a `<style>` that zeroes the offsets of its four box-shadow variables
 * (`resetVariablesStyle`), computed with getComputedStyle on the survey's root in the render that
 * follows mounting: the browser computed the style of the whole new page inside React's commit
 * (12 of its 55 ms here, four times that on a phone's CPU). Written with the theme's own colour
 * variables, the same values need no reading: the browser resolves them on the root, to the same
 * colours (tests/system/survey-page-browser.test.ts compares them with survey-core's own).
 */
const RESET_VARIABLES_STYLE = [
  ["--sjs2-border-effect-surface-default", "", "--sjs2-color-utility-shadow-surface-default"],
  ["--sjs2-border-effect-surface-focused", "", "--sjs2-color-utility-shadow-surface-focused"],
  ["--sjs2-border-effect-component-formbox-default", "inset ", "--sjs2-color-component-formbox-default-border"],
  ["--sjs2-border-effect-component-formbox-focused", "inset ", "--sjs2-color-component-formbox-focused-border"],
]
  .map(([name, inset, colour]) => `${name}-reset: ${inset}0px 0px 0px 0px var(${colour});`)
  .join(" ");
Object.defineProperty(Model.prototype, "resetVariablesStyle", {
  configurable: true,
  get: () => `:where(.sd-theme-root) { ${RESET_VARIABLES_STYLE} }`,
});

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
 * The survey-core model of one questionnaire, in the partner's language, at the page where they left
 * off. Built apart from the render (main.tsx gives it a task of its own), because on a slow phone
 * building it and rendering it in one go blocked the page for a few hundred milliseconds.
 */
export function createSurveyModel(definition: Record<string, unknown>, data: Record<string, unknown>, locale: string, width: number) {
  const m = new Model(definition);
  m.applyTheme(THEME);
  // survey-core measures its width after the first render and, below --sd-mobile-width (600px),
  // renders everything again in its mobile layout: a second render and a layout shift on every phone.
  // Told in advance, it renders the right layout once (it still corrects itself if this was wrong).
  m.setIsMobile(width < MOBILE_WIDTH);
  // Without `variables` survey-core skips its own check after mounting, which read --sd-mobile-width
  // with getComputedStyle and so computed the style of the whole new page inside React's commit;
  // SurveyPage follows the width with a ResizeObserver instead, which reads it after layout.
  delete (m.css as { variables?: unknown }).variables;
  // Before the first render: set afterwards, survey-core renders every text a second time.
  m.locale = surveyLocale(locale);
  m.data = data;
  if (Object.keys(data).length) m.currentPageNo = resumePage(m);
  return m;
}

/** survey-core's --sd-mobile-width: narrower than this, a questionnaire takes its phone layout. */
const MOBILE_WIDTH = 600;

/** The width the questionnaire gets: the content box of <main>. */
export function contentWidth(main: HTMLElement) {
  const style = getComputedStyle(main);
  return main.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
}

const surveyLocale = (locale: string) => (locale === "en" ? "en" : "nl");

/**
 * One questionnaire on screen. A personal link saves progress (`save`) and sends once; an open
 * link has no `save` and starts empty each time. `send` returns the receipt, if the link gives one.
 */
export default function SurveyPage({
  model,
  resumed,
  meta,
  locale,
  t,
  save: saveProgress,
  send: submit,
  onDone,
  onShown,
}: {
  /** From createSurveyModel. */
  model: Model;
  /** Answers were saved before: the page says "welkom terug". */
  resumed: boolean;
  meta: string;
  locale: string;
  t: Translate;
  save?: (data: Record<string, unknown>, keepalive?: boolean) => Promise<unknown>;
  send: (data: Record<string, unknown>) => Promise<string | null>;
  onDone: (receipt: string | null) => void;
  /** Called once the questionnaire is on screen. */
  onShown?: (shown: true) => void;
}) {
  const [save, setSave] = useState<Save>("idle");
  const [sendError, setSendError] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // From the model at once: a second render of the whole survey only to correct "Stap 1 van 1" cost as much as the first.
  const [step, setStep] = useState(() => ({ n: model.currentPageNo + 1, total: model.visiblePageCount }));

  useEffect(() => onShown?.(true), [onShown]);

  // A phone turned sideways, or a window made narrower: the layout follows, as survey-core's own check did.
  useEffect(() => {
    const main = document.getElementById("main");
    if (!main) return;
    const observer = new ResizeObserver(() => model.setIsMobile(contentWidth(main) < MOBILE_WIDTH));
    observer.observe(main);
    return () => observer.disconnect();
  }, [model]);

  useEffect(() => {
    if (model.locale !== surveyLocale(locale)) model.locale = surveyLocale(locale);
  }, [model, locale]);

  useEffect(() => {
    const where = () => {
      const n = model.currentPageNo + 1;
      const total = model.visiblePageCount;
      // The same object when nothing moved, so React skips the render.
      setStep((s) => (s.n === n && s.total === total ? s : { n, total }));
    };
    where();
    // "Saved" is only said of the latest answers: a change after a save started makes it untrue.
    let changes = 0;
    // A save is pending exactly while timer.current is set.
    const cancel = () => {
      clearTimeout(timer.current);
      timer.current = undefined;
    };
    // One save at a time, each sending the answers as they are when its turn comes: two in flight
    // could arrive the other way round on a slow line, and the server would keep the older answers.
    let saving: Promise<void> = Promise.resolve();
    let queued = false;
    let live = true;
    // While the answers are being sent, a save would only race the submission (and be refused).
    let sending = false;
    const persist = () => {
      where();
      if (!saveProgress) return;
      cancel();
      setSave("saving");
      if (queued) return; // the save waiting for its turn sends these answers too
      queued = true;
      saving = saving.then(async () => {
        queued = false;
        if (!live || sending) return setSave("idle");
        const upTo = changes;
        try {
          await saveProgress(model.data);
          setSave(upTo === changes ? "saved" : "idle");
        } catch {
          setSave("failed");
          // Not after the page has gone (sent, or another round): it would retry every 5 s for nothing.
          if (live) timer.current = setTimeout(persist, 5000);
        }
      });
    };
    const later = () => {
      where(); // routing may show or hide a page
      if (!saveProgress) return;
      changes++;
      setSave((s) => (s === "saved" ? "idle" : s));
      clearTimeout(timer.current);
      timer.current = setTimeout(persist, 800);
    };
    // Leaving the page (a reload, a closed tab) within the 800 ms, or while a save waits for its
    // turn, would lose the last answers: they go at once.
    const flush = () => {
      if ((timer.current === undefined && !queued) || !saveProgress) return;
      cancel();
      saveProgress(model.data, true).catch(() => {});
    };
    window.addEventListener("pagehide", flush);
    const send = async (_: Model, options: { allow: boolean }) => {
      options.allow = false; // the thank-you page only follows a 2xx from the server
      cancel();
      setSendError("");
      sending = true;
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
      } finally {
        sending = false;
      }
    };
    model.onValueChanged.add(later);
    model.onCurrentPageChanged.add(persist);
    model.onCompleting.add(send);
    return () => {
      model.onValueChanged.remove(later);
      model.onCurrentPageChanged.remove(persist);
      model.onCompleting.remove(send);
      window.removeEventListener("pagehide", flush);
      live = false;
      cancel();
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
