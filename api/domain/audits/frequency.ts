import { t } from "../../../i18n/messages.ts";

/**
 * How often a process is audited (ISO 9001 9.2.2 a): "taking into consideration the
 * importance of the processes concerned … and the results of previous audits".
 */

/** The most recent carried-out audit of a process in the two years before the programme year. */
export interface LastAudit {
  year: number;
  reported: boolean;
  majorNc: number;
  minorNc: number;
}

export interface FrequencyInput {
  year: number;
  /** 1 laag, 2 middel, 3 hoog */
  riskWeight: number;
  lastAudit: LastAudit | null;
}

/** Why a number of audits is recommended; its text is the catalog's `programme.why.<reason>`, with {year}. */
export const RECOMMENDATION_REASONS = [
  "high_risk",
  "last_major",
  "medium_risk",
  "last_minor",
  "never_audited",
  "not_reported",
  "clean_last_year",
  "clean_due",
] as const;
export type RecommendationReason = (typeof RECOMMENDATION_REASONS)[number];

/** The Dutch text of a recommendation, from the catalog (the evidence pack's, and the API's fallback). */
export const reasonTextNl = (r: Recommendation) => t("nl", `programme.why.${r.reason}`, { year: r.year ?? "" });

export interface Recommendation {
  count: 0 | 1 | 2;
  reason: RecommendationReason;
  /** The year of the last audit, where the reason names it. */
  year: number | null;
}

/**
 * The recommended number of audits of one process in `year`. First match wins:
 * 1. risk weight 3, or a major NC in the last audit → 2 a year;
 * 2. risk weight 2, or minor NCs in the last audit → 1 a year;
 * 3. risk weight 1 → once every two years: 0 only when last year's audit was reported
 *    without NCs; otherwise (clean audit two years ago, never audited, or the last audit's
 *    result not yet reported, so unknown) 1.
 * Only the last audit counts, so a process that fixed its major NC drops back to its
 * risk-based frequency after one clean audit.
 */
export function recommendedAudits({ year, riskWeight, lastAudit }: FrequencyInput): Recommendation {
  const last = lastAudit?.year ?? null;
  const says = (count: 0 | 1 | 2, reason: RecommendationReason, named = false): Recommendation => ({
    count,
    reason,
    year: named ? last : null,
  });
  if (riskWeight >= 3) return says(2, "high_risk");
  if (lastAudit && lastAudit.majorNc > 0) return says(2, "last_major", true);
  if (riskWeight === 2) return says(1, "medium_risk");
  if (lastAudit && lastAudit.minorNc > 0) return says(1, "last_minor", true);
  if (!lastAudit) return says(1, "never_audited");
  if (!lastAudit.reported) return says(1, "not_reported", true);
  if (lastAudit.year === year - 1) return says(0, "clean_last_year");
  return says(1, "clean_due", true);
}

/** Management should hear the outcome soon after the audit (9.2.2 c). */
export const REPORT_WITHIN_DAYS = 30;
