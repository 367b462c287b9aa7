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

/** Why a calendar date (yyyy-mm-dd, already well-formed) is implausible for its kind, or null. */
export function dateProblem(iso: string, kind: DateKind, today: string): string | null {
  const t = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(t) || isoDay(new Date(t)) !== iso) return "Geen bestaande datum (jjjj-mm-dd).";
  if (iso < EARLIEST_DATE) return `De datum ligt vóór ${EARLIEST_DATE}; dat is niet aannemelijk.`;
  const latest = latestDate(kind, today);
  if (iso > latest) {
    return kind === "event"
      ? "De datum ligt in de toekomst; vul de datum in waarop het gebeurde."
      : `De datum ligt meer dan ${PLAN_YEARS_AHEAD} jaar vooruit; dat is niet aannemelijk.`;
  }
  return null;
}

/** Hours spent on one activity: a quarter of an hour at least, a day at most, in quarters. */
export const HOURS = { min: 0.25, max: 24, step: 0.25 } as const;

export function hoursProblem(hours: number): string | null {
  if (!Number.isFinite(hours)) return "Geen getal.";
  if (hours < HOURS.min || hours > HOURS.max) return `Vul ${HOURS.min} tot en met ${HOURS.max} uur in.`;
  if (!Number.isInteger(hours / HOURS.step)) return "Vul uren in kwartieren in (0,25; 0,5; 0,75 …).";
  return null;
}
