/**
 * The one message catalog for every front end, Dutch first. Each app keeps its strings in
 * its own file here; TypeScript makes every English table carry the same keys as the Dutch.
 */
import { dashboardEn, dashboardNl } from "./dashboard.ts";
import { reportEn, reportNl } from "./report.ts";
import { surveyEn, surveyNl } from "./survey.ts";
import { surveyPageEn, surveyPageNl } from "./survey-page.ts";

export const messages = {
  nl: { ...dashboardNl, ...surveyNl, ...reportNl, ...surveyPageNl },
  en: { ...dashboardEn, ...surveyEn, ...reportEn, ...surveyPageEn },
};

export type Locale = keyof typeof messages;
export type MessageKey = keyof typeof messages.nl;

export function t(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return messages[locale][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ""));
}
