import { a11ySuite } from "../helpers/a11y-suite.ts";

// The pages before login, phones, the survey, the keyboard and chart exports; the views per role run in two sibling files.
a11ySuite("accessibility: signed out, phone, survey, keyboard, chart export (axe-core, WCAG 2.1 AA)", [
  "signed-out",
  "phone",
  "survey",
  "keyboard",
  "chart-export",
]);
