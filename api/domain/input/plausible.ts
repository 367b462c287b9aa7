/**
 * Plausible values per kind of field. A date or number that passes the type check can still be absurd
 * (year 0000, 9999-12-31, 1e-320 hours); these rules say what a ZVH can really mean. Plain functions,
 * so the rules can be tested without HTTP and shown in one place.
 */

/** Nothing in this product happened before the ZVH's existed (the NHN house started in 2014). */
export const EARLIEST_DATE = "2000-01-01";
/** Days of slack after today for a date that happened: time zones and a late-evening entry. */
export const PAST_SLACK_DAYS = 1;
/** Plans (due dates, planned audits, review dates) reach at most this many years ahead. */
export const PLAN_YEARS_AHEAD = 10;

/**
 * - event: something that happened (registration, performance, finding, evidence, meeting held): not after today.
 * - plan: a date to come (due, planned, next review): up to PLAN_YEARS_AHEAD years ahead.
 * - period: a bound of a reporting period or filter: like a plan.
 */
export type DateKind = "event" | "plan" | "period";

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function addYears(iso: string, years: number) {
  return `${String(Number(iso.slice(0, 4)) + years).padStart(4, "0")}${iso.slice(4)}`;
}

/** The latest acceptable date of a kind, seen from `today` (yyyy-mm-dd). */
export function latestDate(kind: DateKind, today: string): string {
  if (kind === "event") return isoDay(new Date(Date.parse(`${today}T00:00:00Z`) + PAST_SLACK_DAYS * DAY));
  return addYears(today, PLAN_YEARS_AHEAD);
}

/** Why a date is implausible, as an error code of the API's catalog (i18n/errors.ts) and its values. */
export type DateIssue =
  | { code: "date_not_real"; params: Record<string, never> }
  | { code: "date_too_early"; params: { earliest: string } }
  | { code: "date_not_happened"; params: Record<string, never> }
  | { code: "date_too_far_ahead"; params: { years: number } };

/** Why a calendar date (yyyy-mm-dd, already well-formed) is implausible for its kind, or null. */
export function dateIssue(iso: string, kind: DateKind, today: string): DateIssue | null {
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(t) || isoDay(new Date(t)) !== iso) return { code: "date_not_real", params: {} };
  if (iso < EARLIEST_DATE) return { code: "date_too_early", params: { earliest: EARLIEST_DATE } };
  if (iso > latestDate(kind, today)) {
    return kind === "event"
      ? { code: "date_not_happened", params: {} }
      : { code: "date_too_far_ahead", params: { years: PLAN_YEARS_AHEAD } };
  }
  return null;
}

/** The same as one Dutch sentence (the API sends the catalog's text for the issue's code). */
export function dateProblem(iso: string, kind: DateKind, today: string): string | null {
  const issue = dateIssue(iso, kind, today);
  if (!issue) return null;
  switch (issue.code) {
    case "date_not_real":
      return "Geen bestaande datum (jjjj-mm-dd).";
    case "date_too_early":
      return `De datum ligt vóór ${EARLIEST_DATE}; dat is niet aannemelijk.`;
    case "date_not_happened":
      return "De datum ligt in de toekomst; vul de datum in waarop het gebeurde.";
    case "date_too_far_ahead":
      return `De datum ligt meer dan ${PLAN_YEARS_AHEAD} jaar vooruit; dat is niet aannemelijk.`;
  }
}

/** Hours spent on one activity: a quarter of an hour at least, a day at most, in quarters. */
export const HOURS = { min: 0.25, max: 24, step: 0.25 } as const;

/** Why a number of hours is implausible, as an error code of the API's catalog and its values. */
export type HoursIssue =
  | { code: "hours_not_a_number"; params: Record<string, never> }
  | { code: "hours_out_of_range"; params: { min: number; max: number } }
  | { code: "hours_not_quarters"; params: Record<string, never> };

export function hoursIssue(hours: number): HoursIssue | null {
  if (!Number.isFinite(hours)) return { code: "hours_not_a_number", params: {} };
  if (hours < HOURS.min || hours > HOURS.max) return { code: "hours_out_of_range", params: { min: HOURS.min, max: HOURS.max } };
  if (!Number.isInteger(hours / HOURS.step)) return { code: "hours_not_quarters", params: {} };
  return null;
}

export function hoursProblem(hours: number): string | null {
  const issue = hoursIssue(hours);
  if (!issue) return null;
  if (issue.code === "hours_not_a_number") return "Geen getal.";
  if (issue.code === "hours_out_of_range") return `Vul ${HOURS.min} tot en met ${HOURS.max} uur in.`;
  return "Vul uren in kwartieren in (0,25; 0,5; 0,75 …).";
}
