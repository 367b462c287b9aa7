import { lazy, StrictMode, Suspense, useCallback, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import "./style.css";
import { loadSurvey, type SurveyError, type SurveyPayload } from "./client.ts";

// survey-core and its CSS are 90 % of the bytes: a chunk of their own, requested right away (the HTML
// preloads it too), so that the shell paints while the survey and the questions arrive in parallel.
const surveyChunk = import("./SurveyPage.tsx");
const SurveyPage = lazy(() => surveyChunk);
import { t as translate, type Locale, type MessageKey } from "../../i18n/messages.ts";

type State =
  | { kind: "loading" }
  | { kind: "ready"; payload: SurveyPayload }
  | { kind: "done"; receipt: string }
  | { kind: "notice"; title: MessageKey; text: MessageKey };

const NOTICES: Record<string, [MessageKey, MessageKey]> = {
  unknown_token: ["survey.unknownTitle", "survey.unknownText"],
  invalid_input: ["survey.unknownTitle", "survey.unknownText"],
  already_submitted: ["survey.submittedTitle", "survey.submittedText"],
  wave_closed: ["survey.closedTitle", "survey.closedText"],
  wave_not_open: ["survey.notOpenTitle", "survey.notOpenText"],
};

const token = /^\/s\/([^/?#]+)/.exec(location.pathname)?.[1] ?? "";

function App() {
  const [locale, setLocale] = useState<Locale>(() => (localStorage.getItem("ks-locale") === "en" ? "en" : "nl"));
  const t = useCallback((k: MessageKey) => translate(locale, k), [locale]);
  const [state, setState] = useState<State>({ kind: "loading" });
  useEffect(() => {
    loadSurvey(token).then(
      (payload) => setState({ kind: "ready", payload }),
      (e) => {
        const [title, text] = NOTICES[(e as SurveyError).code] ?? ["survey.errorTitle", "survey.errorText"];
        setState({ kind: "notice", title, text });
      },
    );
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t("survey.pageTitle");
  }, [locale, t]);
  const onDone = useCallback((receipt: string) => setState({ kind: "done", receipt }), []);
  const toggle = () => {
    const next = locale === "nl" ? "en" : "nl";
    localStorage.setItem("ks-locale", next);
    setLocale(next);
  };
  return (
    <>
      <header>
        <span className="brand">Zorg- en Veiligheidshuis</span>
        <button type="button" onClick={toggle} lang={locale === "nl" ? "en" : "nl"}>
          {t("survey.language")}
        </button>
      </header>
      <main id="main">
        {state.kind === "loading" && (
          <>
            <h1>{t("survey.pageTitle")}</h1>
            <p role="status">{t("survey.loading")}</p>
          </>
        )}
        {state.kind === "ready" && (
          <>
            <h1 className="sr-only">{t("survey.pageTitle")}</h1>
            <Suspense fallback={<p role="status">{t("survey.loading")}</p>}>
              <SurveyPage token={token} payload={state.payload} locale={locale} t={t} onDone={onDone} />
            </Suspense>
          </>
        )}
        {state.kind === "done" && (
          <section className="notice" aria-labelledby="done-title">
            <h1 id="done-title">{t("survey.thanksTitle")}</h1>
            <p>{t("survey.thanksText")}</p>
            <p className="meta">
              {t("survey.receipt")}: <code>{state.receipt}</code>
            </p>
          </section>
        )}
        {state.kind === "notice" && (
          <section className="notice" aria-labelledby="notice-title">
            <h1 id="notice-title">{t(state.title)}</h1>
            <p>{t(state.text)}</p>
          </section>
        )}
      </main>
    </>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
