import { startLoading } from "./early.ts";

/**
 * The page's only script tag. index.html already holds the loading state (header, title, "wordt
 * geladen", styles inline), so the phone can paint it from the HTML alone. The questions and the
 * profile are requested at once, while the app's scripts (React, survey-core: ~340 KB compressed,
 * seconds of parsing on a slow phone) are only asked for after that first frame: fetched from the
 * HTML, they were downloaded and evaluated before the first paint, which then waited for them
 * (Lighthouse counted them in first and largest contentful paint). The cost is one frame.
 */
startLoading();
requestAnimationFrame(() =>
  setTimeout(() => {
    // Both chunks at once: main.tsx needs SurveyPage as soon as the questions are in.
    void import("./SurveyPage.tsx");
    void import("./main.tsx");
  }),
);
