import { addYears, format, parseISO } from "date-fns";
import { REVIEW_INPUTS, type Decision, type ReviewInputKey, type StoredInput } from "./review.inputs.ts";

/** What still stands between a concept and a final review, one entry per gap. */
export interface Missing {
  key: ReviewInputKey | "heldOn" | "decisions";
  message: string;
}

export interface Completeness {
  /** True when the review may be finalized. */
  complete: boolean;
  missing: Missing[];
  missingAssessments: ReviewInputKey[];
  /** Inputs whose pre-fill found no (or too little) data: management should know, but may still assess. */
  dataGaps: { key: ReviewInputKey; gaps: string[] }[];
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
  const missing: Missing[] = missingAssessments.map((key) => ({
    key,
    message: `Beoordeling ontbreekt: ${REVIEW_INPUTS.find((s) => s.key === key)!.title.toLowerCase()}.`,
  }));
  if (!review.heldOn) missing.push({ key: "heldOn", message: "De datum waarop de directiebeoordeling is gehouden ontbreekt." });
  else if (review.heldOn > today) missing.push({ key: "heldOn", message: "De directiebeoordeling ligt nog in de toekomst." });
  if (!review.decisions.length) missing.push({ key: "decisions", message: "Leg minstens één besluit vast (9.3.3)." });
  const dataGaps = REVIEW_INPUTS.flatMap((spec) => {
    const gaps = byKey.get(spec.key)?.data?.gaps ?? [];
    return spec.prefilled && gaps.length ? [{ key: spec.key, gaps }] : [];
  });
  return { complete: missing.length === 0, missing, missingAssessments, dataGaps };
}

/** A review period runs forward and spans at most two years; null when it is fine. */
export function periodProblem(from: string, to: string): string | null {
  if (from > to) return "Het begin van de periode ligt na het einde.";
  if (to >= format(addYears(parseISO(from), 2), "yyyy-MM-dd")) return "Een directiebeoordeling beslaat hoogstens twee jaar.";
  return null;
}

/** The review cannot have been held before the period it looks back on began. */
export function heldOnProblem(heldOn: string | null | undefined, periodFrom: string): string | null {
  return heldOn && heldOn < periodFrom ? "De datum van de beoordeling ligt vóór het begin van de periode." : null;
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
export function editRefusal(review: Version): string | null {
  return review.status === "concept"
    ? null
    : "Deze directiebeoordeling is definitief en kan niet meer worden gewijzigd; leg een correctie vast.";
}

/**
 * A correction continues the series from its latest final version: correcting an older
 * version, or a concept, would fork the history an auditor reads.
 */
export function correctionRule(target: Version, series: Version[]): { version: number } | { refusal: string } {
  if (target.status !== "definitief")
    return { refusal: "Alleen een definitieve directiebeoordeling kan worden gecorrigeerd; pas het concept zelf aan." };
  const latest = latestVersion(series);
  if (latest.id !== target.id)
    return { refusal: `Er bestaat al een nieuwere versie (versie ${latest.version}) van deze directiebeoordeling.` };
  return { version: target.version + 1 };
}

/** Decisions with an owner and a due date become improvement actions on finalizing, unless they already have one. */
export function decisionsNeedingAction(decisions: Decision[]) {
  return decisions.filter((d) => d.ownerId && d.dueOn && !d.actionId);
}
