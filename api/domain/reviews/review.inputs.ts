import { detail, type ErrorCode, type LabelKey } from "../../lib/error-text.ts";

/**
 * The inputs ISO 9001:2015 9.3.2 requires of a management review, in the order of the
 * standard. The keys are stored in the review's inputs, so they never change; the titles
 * management reads are the catalog's (i18n/reviews.ts, `reviewInput.<key>`), in either language.
 */
export const REVIEW_INPUTS = [
  { key: "previous_actions", clause: "9.3.2 a", prefilled: true },
  { key: "context_changes", clause: "9.3.2 b", prefilled: false },
  { key: "satisfaction", clause: "9.3.2 c1", prefilled: true },
  { key: "objectives", clause: "9.3.2 c2", prefilled: true },
  { key: "process_performance", clause: "9.3.2 c3", prefilled: true },
  { key: "nonconformities", clause: "9.3.2 c4", prefilled: true },
  { key: "monitoring", clause: "9.3.2 c5", prefilled: true },
  { key: "audit_results", clause: "9.3.2 c6", prefilled: true },
  { key: "external_providers", clause: "9.3.2 c7", prefilled: true },
  { key: "resources", clause: "9.3.2 d", prefilled: true },
  { key: "risk_actions", clause: "9.3.2 e", prefilled: true },
  { key: "improvement_opportunities", clause: "9.3.2 f", prefilled: true },
] as const;

export type ReviewInputKey = (typeof REVIEW_INPUTS)[number]["key"];
export const REVIEW_INPUT_KEYS = REVIEW_INPUTS.map((i) => i.key) as [ReviewInputKey, ...ReviewInputKey[]];

/** The catalog key of an input's title; a key without a title in i18n/reviews.ts is a compile error. */
export const reviewInputLabel = (key: ReviewInputKey) => `reviewInput.${key}` as const satisfies LabelKey;

/** The outputs 9.3.3 asks for; each decision is one of these (their labels: `decision.<kind>` in the catalog). */
export const DECISION_KINDS = ["verbetering", "wijziging_systeem", "middelen"] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const DECISION_KIND_KEYS: readonly [DecisionKind, ...DecisionKind[]] = DECISION_KINDS;

/**
 * What a pre-fill could not find, by catalog code with params (its text in the reader's language) and
 * the Dutch text. Reviews made before the gaps had codes stored the Dutch sentence alone.
 */
export type Gap = string | { code: string; params?: Record<string, string | number>; message: string };

/** A gap by its catalog code. */
export const gap = (code: ErrorCode, params?: Record<string, string | number>): Gap => detail(code, params);

/**
 * A pre-fill always says what it could not find ("gaps"), so that an empty list of
 * figures is never mistaken for a good result.
 */
export interface Prefill {
  gaps: Gap[];
  [figure: string]: unknown;
}

/**
 * An input as stored in the review. Reviews made before the titles moved to the catalog also
 * stored the Dutch title; it is never read (the catalog's title by key is).
 */
export interface StoredInput {
  key: ReviewInputKey;
  data: Prefill | null;
  assessment: string;
}

export interface Decision {
  kind: DecisionKind;
  text: string;
  ownerId: string | null;
  dueOn: string | null;
  actionId: string | null;
}
