import { lazy, StrictMode, Suspense, useCallback, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import "./style.css";
import { loadOpenSurvey, loadProfile, loadSurvey, saveProgress, submit, submitOpen, type Profile, type SurveyError } from "./client.ts";

// survey-core and its CSS are 90 % of the bytes: a chunk of their own, requested right away (the HTML
// preloads it too), so that the shell paints while the survey and the questions arrive in parallel.
const surveyChunk = import("./SurveyPage.tsx");
const SurveyPage = lazy(() => surveyChunk);
import { t as translate, type Locale, type MessageKey } from "../../i18n/survey-app.ts";

/** What the page shows a questionnaire from: a personal invitation (/s/) or an open link (/o/). */
interface Questionnaire {
  definition: Record<string, unknown>;
  data: Record<string, unknown>;
  waveName: string;
  organisation: string | null;
}

type State =
  | { kind: "loading" }
  | { kind: "ready"; questionnaire: Questionnaire; round: number }
  | { kind: "done"; receipt: string | null; questionnaire: Questionnaire; round: number }
  | { kind: "notice"; title: MessageKey; text: MessageKey };

const NOTICES: Record<string, [MessageKey, MessageKey]> = {
  unknown_token: ["survey.unknownTitle", "survey.unknownText"],
  invalid_input: ["survey.unknownTitle", "survey.unknownText"],
  already_submitted: ["survey.submittedTitle", "survey.submittedText"],
  wave_closed: ["survey.closedTitle", "survey.closedText"],
  wave_not_open: ["survey.notOpenTitle", "survey.notOpenText"],
  wave_paused: ["surveyPage.pausedTitle", "surveyPage.pausedText"],
};

const [, area = "s", token = ""] = /^\/(s|o)\/([^/?#]+)/.exec(location.pathname) ?? [];
const open = area === "o";

const load = (): Promise<Questionnaire> =>
  open
    ? loadOpenSurvey(token).then((p) => ({ definition: p.definition, data: {}, waveName: p.wave.name, organisation: null }))
    : loadSurvey(token).then((p) => ({ definition: p.definition, data: p.data, waveName: p.wave.name, organisation: p.organisation }));
const save = open ? undefined : (data: Record<string, unknown>) => saveProgress(token, data);
const send = async (data: Record<string, unknown>) => {
  if (open) {
    await submitOpen(token, data);
    return null;
  }
  return (await submit(token, data)).receipt;
};

function App() {
  const [locale, setLocale] = useState<Locale>(() => (localStorage.getItem("ks-locale") === "en" ? "en" : "nl"));
  const t = useCallback((k: MessageKey, vars?: Record<string, string | number>) => translate(locale, k, vars), [locale]);
  const [state, setState] = useState<State>({ kind: "loading" });
  const [profile, setProfile] = useState<Profile | null>(null);
  useEffect(() => {
    void loadProfile().then(setProfile);
    load().then(
      (questionnaire) => setState({ kind: "ready", questionnaire, round: 0 }),
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
  const onDone = useCallback((receipt: string | null) => setState((s) => (s.kind === "ready" ? { ...s, kind: "done", receipt } : s)), []);
  // An open link serves a table of partners from one device: each new round starts empty.
  const again = () => setState((s) => (s.kind === "done" ? { kind: "ready", questionnaire: s.questionnaire, round: s.round + 1 } : s));
  const toggle = () => {
    const next = locale === "nl" ? "en" : "nl";
    localStorage.setItem("ks-locale", next);
    setLocale(next);
  };
  const name = profile?.name ?? "Zorg- en Veiligheidshuis";
  // An English text left empty falls back to the Dutch one, marked as Dutch for screen readers.
  const privacyLang = profile?.privacy[locale] ? locale : "nl";
  const privacy = profile ? profile.privacy[locale] || profile.privacy.nl : "";
  return (
    <>
      <header>
        <span className="brand">
          {profile?.logo && <img src={profile.logo} alt={t("surveyPage.logo", { name })} className="logo" />}
          <span className="brand-name">{name}</span>
        </span>
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
              <SurveyPage
                key={state.round}
                definition={state.questionnaire.definition}
                data={state.round ? {} : state.questionnaire.data}
                meta={`${state.questionnaire.organisation ? `${t("survey.for")} ${state.questionnaire.organisation}` : t("surveyPage.openFor")} · ${state.questionnaire.waveName}`}
                locale={locale}
                t={t}
                save={save}
                send={send}
                onDone={onDone}
              />
            </Suspense>
          </>
        )}
        {state.kind === "done" && (
          <section className="notice" aria-labelledby="done-title">
            <h1 id="done-title">{t("survey.thanksTitle")}</h1>
            <p>{t(open ? "surveyPage.openThanksText" : "survey.thanksText")}</p>
            {state.receipt && (
              <p className="meta">
                {t("survey.receipt")}: <code>{state.receipt}</code>
              </p>
            )}
            {open && (
              <button type="button" className="again" onClick={again}>
                {t("surveyPage.another")}
              </button>
            )}
          </section>
        )}
        {state.kind === "notice" && (
          <section className="notice" aria-labelledby="notice-title">
            <h1 id="notice-title">{t(state.title)}</h1>
            <p>{t(state.text)}</p>
          </section>
        )}
      </main>
      {profile && (
        <footer>
          <h2 id="about-title">{t("surveyPage.aboutTitle")}</h2>
          {privacy && <p lang={privacyLang}>{privacy}</p>}
          <p>
            {t("surveyPage.contact", { name: profile.contact.name })}
            {": "}
            <a href={`mailto:${profile.contact.email}`}>{profile.contact.email}</a>
            {profile.contact.phone && (
              <>
                {" · "}
                <a href={`tel:${profile.contact.phone.replace(/[^+0-9]/g, "")}`}>{profile.contact.phone}</a>
              </>
            )}
          </p>
        </footer>
      )}
    </>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
