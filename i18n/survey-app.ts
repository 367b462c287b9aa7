/**
 * The part of the catalog the survey page needs: a partner's phone downloads these strings,
 * not the dashboard's (the whole catalog is about 220 kB of source).
 */
import { fill } from "./fill.ts";
import { surveyEn, surveyNl } from "./survey.ts";
import { surveyPageEn, surveyPageNl } from "./survey-page.ts";

const surveyMessages = {
  nl: { ...surveyNl, ...surveyPageNl },
  en: { ...surveyEn, ...surveyPageEn },
};

export type Locale = keyof typeof surveyMessages;
export type MessageKey = keyof typeof surveyMessages.nl;

export function t(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return fill(surveyMessages[locale][key], vars);
}
