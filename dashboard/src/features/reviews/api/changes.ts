import type { OperationId } from "../../../shared/api/contract.ts";

/** What a change to a management review alters (a decision can also plan an action). */
export const REVIEW_CHANGES = [
  "getManagementReview",
  "listManagementReviews",
  "listActions",
  "getQualityDigest",
] as const satisfies readonly OperationId[];
