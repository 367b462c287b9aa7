import { introText, startLoading } from "./early.ts";

/**
 * The page's only script tag. index.html already holds the loading state (header, title, "wordt
 * geladen", styles inline), so the phone can paint it from the HTML alone. The questions and the
 * profile are requested at once, while the app's scripts (React, survey-core: ~340 KB compressed,
 * seconds of parsing on a slow phone) are only asked for after that first frame: fetched from the
 * HTML, they were downloaded and evaluated before the first paint, which then waited for them
 * (Lighthouse counted them in first and largest contentful paint). The cost is one frame.
 *
 * The questions (2.5 KB) arrive long before the scripts on a slow line, so their introduction is
 * painted first, under the loading state, and the scripts are requested only after that frame. It is
 * then the largest paint: survey-core's own header paints the same text later, in a smaller type
 * (style.css `.intro`), and with the scripts requested before it, Lighthouse counted the whole
 * survey chunk in largest contentful paint (3.5 s simulated once the title had to shrink to fit a
 * phone). What is painted here must be exactly what App renders while loading (main.tsx hydrates it).
 */
const { questionnaire } = startLoading();
const loadApp = () =>
  requestAnimationFrame(() =>
    setTimeout(() => {
      // Both chunks at once: main.tsx needs SurveyPage as soon as the questions are in.
      void import("./SurveyPage.tsx");
      void import("./main.tsx");
    }),
  );
questionnaire.then((q) => {
  const text = introText(q, "nl");
  const status = document.querySelector("#main > [role=status]");
  if (text && status) {
    const intro = document.createElement("p");
    intro.className = "intro";
    intro.textContent = text;
    status.after(intro);
  }
  loadApp();
}, loadApp);
