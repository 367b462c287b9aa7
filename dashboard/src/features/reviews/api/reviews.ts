import type { MessageKey } from "../../../../../i18n/messages.ts";

/** Shapes of the management review (ISO 9001 9.3) as the dashboard reads them (api/reviews/reviews.schemas.ts). */
export type ReviewStatus = "concept" | "definitief";
export const DECISION_KINDS = ["verbetering", "wijziging_systeem", "middelen"] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const DECISION_KIND_KEY: Record<DecisionKind, MessageKey> = {
  verbetering: "decision.verbetering", wijziging_systeem: "decision.wijziging_systeem", middelen: "decision.middelen",
};

/** Writing a concept (review:write) and finalizing or correcting it (review:finalize). */
export const REVIEW_WRITERS = ["kwaliteit", "management"];
export const REVIEW_FINALIZERS = ["management"];

export interface VersionSummary { id: string; version: number; status: ReviewStatus; finalizedAt: string | null }

export interface ReviewInput { key: string; title: string; data: ({ gaps?: string[] } & Record<string, unknown>) | null; assessment: string }
export interface Decision { kind: DecisionKind; text: string; ownerId: string | null; dueOn: string | null; actionId: string | null }

export interface ManagementReview {
  id: string; seriesId: string; version: number; periodFrom: string; periodTo: string; heldOn: string | null; status: ReviewStatus;
  inputs: ReviewInput[]; decisions: Decision[]; correctionOf: string | null; correctionReason: string | null;
  finalizedAt: string | null; finalizedBy: string | null; createdAt: string;
  completeness: { complete: boolean; missing: { key: string; message: string }[]; missingAssessments: string[]; dataGaps: { key: string; gaps: string[] }[] };
  versions: VersionSummary[];
}

export interface ReviewListItem {
  id: string; seriesId: string; version: number; periodFrom: string; periodTo: string; heldOn: string | null;
  status: ReviewStatus; finalizedAt: string | null; missing: number; versions: VersionSummary[];
}
