/**
 * Version 2 of the demo questionnaire (issue 14). Version 1 made partners answer every
 * statement, so someone who never attends a casusoverleg had to guess. Version 2 keeps every
 * statement with its name, text and dimension (so the waves stay comparable), and adds:
 * - "weet niet / n.v.t." on every 1–5 statement (`showNotApplicable`; the marks 0–10 stay as they were);
 * - a routing question on attending a casusoverleg; the case-conference statements are shown only after "ja".
 * Version 1 stays as it is: the closed demo waves use it, and a version in use is immutable.
 */
import { defaultQuestionnaire, type Localised } from "./questionnaire.ts";

/** The routing question's name; the value "ja" shows the case-conference statements. */
export const ATTENDED_QUESTION = "co_deelname";
export const ATTENDED_CONDITION = `{${ATTENDED_QUESTION}} = 'ja'`;

const attended = {
  type: "radiogroup",
  name: ATTENDED_QUESTION,
  isRequired: true,
  title: {
    default: "Heeft u het afgelopen jaar deelgenomen aan een casusoverleg?",
    en: "Have you taken part in a case conference in the past year?",
  } satisfies Localised,
  choices: [
    { value: "ja", text: { default: "Ja", en: "Yes" } satisfies Localised },
    { value: "nee", text: { default: "Nee", en: "No" } satisfies Localised },
  ],
  colCount: 2,
};

type Element = (typeof defaultQuestionnaire.pages)[number]["elements"][number];

/** A 1–5 statement (it has `rateValues`) gets n.v.t.; a case-conference statement is routed. */
function revise(page: string, el: Element): Record<string, unknown> {
  if (el.type !== "rating" || !("rateValues" in el)) return el;
  return { ...el, showNotApplicable: true, ...(page === "casusoverleg" ? { visibleIf: ATTENDED_CONDITION } : {}) };
}

export const defaultQuestionnaireV2 = {
  ...defaultQuestionnaire,
  pages: defaultQuestionnaire.pages.map((page) => ({
    ...page,
    elements: [...(page.name === "casusoverleg" ? [attended] : []), ...page.elements.map((el) => revise(page.name, el))],
  })),
};

/** Names of the case-conference statements, hidden unless the partner attended one. */
export const ROUTED_QUESTIONS = defaultQuestionnaire.pages.find((p) => p.name === "casusoverleg")!.elements.map((el) => el.name);
