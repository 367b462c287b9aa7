/**
 * The one message catalog for every front end, Dutch first. Each app keeps its strings in
 * its own file here; TypeScript makes every English table carry the same keys as the Dutch.
 */
import { dashboardEn, dashboardNl } from "./dashboard.ts";
import { platformEn, platformNl } from "./platform.ts";
import { errorsEn, errorsNl } from "./errors.ts";
import { reportEn, reportNl } from "./report.ts";
import { surveyEn, surveyNl } from "./survey.ts";

export const messages = {
  nl: { ...dashboardNl, ...surveyNl, ...reportNl, ...platformNl, ...errorsNl },
  en: { ...dashboardEn, ...surveyEn, ...reportEn, ...platformEn, ...errorsEn },
};

export type Locale = keyof typeof messages;
export type MessageKey = keyof typeof messages.nl;

export function t(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return messages[locale][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ""));
}
