import { StrictMode, startTransition, useCallback, useEffect, useState } from "react";
import { hydrateRoot } from "react-dom/client";
import { saveProgress, submit, submitOpen, type Profile, type SurveyError } from "./client.ts";
import { arrivedQuestionnaire, introText, link, startLoading, type Questionnaire } from "./early.ts";
import { t as translate, type Locale, type MessageKey } from "../../i18n/survey-app.ts";

// survey-core and its CSS are 90 % of the bytes: a chunk of their own, requested together with
// this one (boot.ts), so that it is there when the questions are.
const surveyChunk = import("./SurveyPage.tsx");
type SurveyChunk = Awaited<typeof surveyChunk>;
type SurveyModel = ReturnType<SurveyChunk["createSurveyModel"]>;

/** A questionnaire on screen: its survey-core model, built before the render that shows it. */
interface Shown {
  questionnaire: Questionnaire;
  round: number;
  Page: SurveyChunk["default"];
  model: SurveyModel;
}

type State =
  | { kind: "loading" }
  | ({ kind: "ready" } & Shown)
  | ({ kind: "done"; receipt: string | null } & Shown)
  | { kind: "notice"; title: MessageKey; text: MessageKey };

const NOTICES: Record<string, [MessageKey, MessageKey]> = {
  unknown_token: ["survey.unknownTitle", "survey.unknownText"],
  invalid_input: ["survey.unknownTitle", "survey.unknownText"],
  already_submitted: ["survey.submittedTitle", "survey.submittedText"],
  wave_closed: ["survey.closedTitle", "survey.closedText"],
  wave_not_open: ["survey.notOpenTitle", "survey.notOpenText"],
  wave_paused: ["surveyPage.pausedTitle", "surveyPage.pausedText"],
};

const { token, open } = link;
const save = open ? undefined : (data: Record<string, unknown>, keepalive?: boolean) => saveProgress(token, data, keepalive);
const storedLocale = (): Locale => (localStorage.getItem("ks-locale") === "en" ? "en" : "nl");

/** Lets the browser paint and handle input between two pieces of start-up work. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

/**
 * Loading survey-core, building the model and rendering it were one block of main-thread work of a
 * few hundred milliseconds on a slow phone (Lighthouse total blocking time). Each now runs in a task
 * of its own, and the render as a transition, which React interrupts every few milliseconds.
 */
async function show(questionnaire: Questionnaire, round: number, locale: Locale): Promise<Shown> {
  const chunk = await surveyChunk;
  await nextTask();
  const model = chunk.createSurveyModel(
    questionnaire.definition,
    round ? {} : questionnaire.data,
    locale,
    // <main> is laid out already (the loading state), so this reads no new layout.
    chunk.contentWidth(document.getElementById("main")!),
  );
  await nextTask();
  return { questionnaire, round, Page: chunk.default, model };
}

const send = async (data: Record<string, unknown>) => {
  if (open) {
    await submitOpen(token, data);
    return null;
  }
  return (await submit(token, data)).receipt;
};

function App() {
  // Dutch first, as the loading state in index.html that this render adopts (hydrateRoot): the same
  // nodes stay on screen, so the title painted from the HTML remains the largest paint. A partner who
  // chose English gets it in the effect below.
  const [locale, setLocale] = useState<Locale>("nl");
  const t = useCallback((k: MessageKey, vars?: Record<string, string | number>) => translate(locale, k, vars), [locale]);
  const [state, setState] = useState<State>({ kind: "loading" });
  // boot.ts painted the questionnaire's introduction under the loading state before this script was
  // requested; the first render (a hydration) must hold the same paragraph.
  const [arrived] = useState(arrivedQuestionnaire);
  const intro = arrived ? introText(arrived, locale) : "";
  const [profile, setProfile] = useState<Profile | null>(null);
  // The footer waits for what is above it: shown earlier, the questionnaire pushed it down (layout shift).
  const [shown, setShown] = useState(false);
  useEffect(() => {
    setLocale(storedLocale());
    const { questionnaire, profile } = startLoading();
    void profile.then(setProfile);
    questionnaire.then(
      (q) => show(q, 0, storedLocale()).then((shown) => startTransition(() => setState({ kind: "ready", ...shown }))),
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
  const again = () => {
    if (state.kind === "done")
      void show(state.questionnaire, state.round + 1, locale).then((shown) => setState({ kind: "ready", ...shown }));
  };
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
            {intro && <p className="intro">{intro}</p>}
          </>
        )}
        {state.kind === "ready" && (
          <>
            <h1 className="sr-only">{t("survey.pageTitle")}</h1>
            <state.Page
              key={state.round}
              model={state.model}
              resumed={!state.round && Object.keys(state.questionnaire.data).length > 0}
              meta={`${state.questionnaire.organisation ? `${t("survey.for")} ${state.questionnaire.organisation}` : t("surveyPage.openFor")} · ${state.questionnaire.waveName}`}
              locale={locale}
              t={t}
              save={save}
              send={send}
              onDone={onDone}
              onShown={setShown}
            />
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
      {profile && state.kind !== "loading" && (state.kind !== "ready" || shown) && (
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

hydrateRoot(
  document.getElementById("root")!,
  <StrictMode>
    <App />
  </StrictMode>,
);
