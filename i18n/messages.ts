/**
 * The one message catalog for every front end, Dutch first. Each app keeps its strings in
 * its own file here; TypeScript makes every English table carry the same keys as the Dutch.
 */
import { auditsRisksEn, auditsRisksNl } from "./auditsRisks.ts";
import { dashboardEn, dashboardNl } from "./dashboard.ts";
import { errorsEn, errorsNl } from "./errors.ts";
import { evidenceEn, evidenceNl } from "./evidence.ts";
import { hoursEn, hoursNl } from "./hours.ts";
import { overviewEn, overviewNl } from "./overview.ts";
import { platformEn, platformNl } from "./platform.ts";
import { questionnairesEn, questionnairesNl } from "./questionnaires.ts";
import { recipientsEn, recipientsNl } from "./recipients.ts";
import { reportEn, reportNl } from "./report.ts";
import { reviewsEn, reviewsNl } from "./reviews.ts";
import { surveyEn, surveyNl } from "./survey.ts";
import { surveyPageEn, surveyPageNl } from "./survey-page.ts";
import { surveyOpsEn, surveyOpsNl } from "./surveyOps.ts";
import { fill } from "./fill.ts";

export const messages = {
  nl: {
    ...dashboardNl,
    ...surveyNl,
    ...reportNl,
    ...auditsRisksNl,
    ...errorsNl,
    ...evidenceNl,
    ...hoursNl,
    ...overviewNl,
    ...platformNl,
    ...questionnairesNl,
    ...surveyOpsNl,
    ...surveyPageNl,
    ...recipientsNl,
    ...reviewsNl,
  },
  en: {
    ...dashboardEn,
    ...surveyEn,
    ...reportEn,
    ...auditsRisksEn,
    ...errorsEn,
    ...evidenceEn,
    ...hoursEn,
    ...overviewEn,
    ...platformEn,
    ...questionnairesEn,
    ...surveyOpsEn,
    ...surveyPageEn,
    ...recipientsEn,
    ...reviewsEn,
  },
};

export type Locale = keyof typeof messages;
export type MessageKey = keyof typeof messages.nl;

export function t(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return fill(messages[locale][key], vars);
}
