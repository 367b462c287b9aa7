import type { Item, Reply } from "../../../shared/api/contract.ts";
import { labelled } from "../../../shared/api/labels.ts";
import type { MessageKey } from "../../../../../i18n/messages.ts";

/** The management review (ISO 9001 9.3), from the API (api/reviews/reviews.schemas.ts). */
export type ManagementReview = Reply<"getManagementReview">["review"];
export type ReviewListItem = Item<Reply<"listManagementReviews">["reviews"]>;
export type VersionSummary = Item<ManagementReview["versions"]>;
export type ReviewInput = Item<ManagementReview["inputs"]>;
export type Decision = Item<ManagementReview["decisions"]>;
export type ReviewStatus = ManagementReview["status"];
export type DecisionKind = Decision["kind"];

const kinds = labelled<DecisionKind>({
  verbetering: "decision.verbetering",
  wijziging_systeem: "decision.wijziging_systeem",
  middelen: "decision.middelen",
});
export const DECISION_KINDS = kinds.values,
  DECISION_KIND_KEY = kinds.keys;

/** An input's title: the API sends its key only, the title is the catalog's (i18n/reviews.ts). */
export const inputTitleKey = (key: ReviewInput["key"]) => `reviewInput.${key}` as const satisfies MessageKey;
