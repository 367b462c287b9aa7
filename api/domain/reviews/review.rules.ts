import { addYears, format, parseISO } from "date-fns";
import { detail, type ErrorCode, type LabelRef } from "../../lib/error-text.ts";
import { REVIEW_INPUTS, reviewInputLabel, type Decision, type Gap, type ReviewInputKey, type StoredInput } from "./review.inputs.ts";

/**
 * What still stands between a concept and a final review, one entry per gap: `code` and `params`
 * name its text in the catalog (an input by a label ref to its title), `message` is the Dutch.
 */
export type Missing = {
  key: ReviewInputKey | "heldOn" | "decisions";
  code: ErrorCode;
  params?: GapParams;
  message: string;
};
/** Plain values and labels only (no nested error text), so the API's response type stays exact. */
type GapParams = Record<string, string | number | LabelRef>;
const gap = (key: Missing["key"], code: ErrorCode, params?: GapParams): Missing => ({ key, ...detail(code, params) });

export interface Completeness {
  /** True when the review may be finalized. */
  complete: boolean;
  missing: Missing[];
  missingAssessments: ReviewInputKey[];
  /** Inputs whose pre-fill found no (or too little) data: management should know, but may still assess. */
  dataGaps: { key: ReviewInputKey; gaps: Gap[] }[];
}

interface ReviewState {
  heldOn: string | null;
  inputs: StoredInput[];
  decisions: Decision[];
}

const blank = (s: string | null | undefined) => !s?.trim();

/**
 * A review is complete when every required input has management's assessment, the date
 * it was held is known (and not in the future), and it led to at least one decision.
 * 9.3.3 wants outputs; a review that decides nothing is not a review.
 */
export function completeness(review: ReviewState, today: string): Completeness {
  const byKey = new Map(review.inputs.map((i) => [i.key, i]));
  const missingAssessments = REVIEW_INPUTS.filter((spec) => blank(byKey.get(spec.key)?.assessment)).map((spec) => spec.key);
  const missing: Missing[] = missingAssessments.map((key) =>
    gap(key, "review_assessment_missing", { input: { label: reviewInputLabel(key) } }),
  );
  if (!review.heldOn) missing.push(gap("heldOn", "review_held_on_missing"));
  else if (review.heldOn > today) missing.push(gap("heldOn", "review_held_on_future"));
  if (!review.decisions.length) missing.push(gap("decisions", "review_no_decision"));
  const dataGaps = REVIEW_INPUTS.flatMap((spec) => {
    const gaps = byKey.get(spec.key)?.data?.gaps ?? [];
    return spec.prefilled && gaps.length ? [{ key: spec.key, gaps }] : [];
  });
  return { complete: missing.length === 0, missing, missingAssessments, dataGaps };
}

/** A review period runs forward and spans at most two years; null when it is fine, else the error code. */
export function periodProblem(from: string, to: string): "invalid_period" | "review_period_too_long" | null {
  if (from > to) return "invalid_period";
  if (to >= format(addYears(parseISO(from), 2), "yyyy-MM-dd")) return "review_period_too_long";
  return null;
}

/** The review cannot have been held before the period it looks back on began. */
export function heldOnProblem(heldOn: string | null | undefined, periodFrom: string): "invalid_held_on" | null {
  return heldOn && heldOn < periodFrom ? "invalid_held_on" : null;
}

export interface Version {
  id: string;
  version: number;
  status: "concept" | "definitief";
}

export function latestVersion<T extends Version>(series: T[]): T {
  return series.reduce((a, b) => (b.version > a.version ? b : a));
}

/** Only a concept changes; a final version is the record and stays as it was made. */
export function editRefusal(review: Version): "review_final" | null {
  return review.status === "concept" ? null : "review_final";
}

/**
 * A correction continues the series from its latest final version: correcting an older
 * version, or a concept, would fork the history an auditor reads.
 */
export function correctionRule(
  target: Version,
  series: Version[],
): { version: number } | { refusal: "correction_of_concept" | "correction_not_latest"; latest: number } {
  const latest = latestVersion(series);
  if (target.status !== "definitief") return { refusal: "correction_of_concept", latest: latest.version };
  if (latest.id !== target.id) return { refusal: "correction_not_latest", latest: latest.version };
  return { version: target.version + 1 };
}

/** Decisions with an owner and a due date become improvement actions on finalizing, unless they already have one. */
export function decisionsNeedingAction(decisions: Decision[]) {
  return decisions.filter((d) => d.ownerId && d.dueOn && !d.actionId);
}
