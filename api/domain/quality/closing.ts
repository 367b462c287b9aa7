import { detail, type ErrorCode } from "../../lib/error-text.ts";
import type { CodedText } from "./criterion.ts";

/**
 * When a finding may be closed (ISO 9001 10.2). A nonconformity needs its correction, root
 * cause, the check for similar cases, finished actions and an effectiveness review with
 * evidence by someone other than the people who carried out the actions.
 */
export interface ClosingState {
  classification: "major_nc" | "minor_nc" | "observation" | "opportunity";
  correction: string | null;
  rootCause: string | null;
  rootCauseAnalysis: unknown;
  similarElsewhere: string | null;
  closedAt: Date | null;
  actions: { ownerId: string; status: "gepland" | "in_uitvoering" | "gereed" | "geannuleerd" }[];
  reviews: { reviewerId: string; effective: boolean; evidenceCount: number }[];
}

/** `code` (and `params`) name its text in the catalog (i18n/errors.ts); `message` is the Dutch. */
export interface Problem {
  code: ErrorCode;
  params?: Record<string, string | number>;
  message: string;
}

export const isNonconformity = (c: ClosingState["classification"]) => c === "major_nc" || c === "minor_nc";

export function closingProblems(f: ClosingState): Problem[] {
  const problems: Problem[] = [];
  const add = (code: ErrorCode, params?: Record<string, string | number>) => problems.push(detail(code, params));
  if (f.closedAt) add("already_closed");
  const open = f.actions.filter((a) => a.status === "gepland" || a.status === "in_uitvoering");
  if (open.length) add("actions_open", { count: open.length });
  if (!isNonconformity(f.classification)) return problems;
  if (!f.correction) add("correction_missing");
  if (!f.rootCause || !f.rootCauseAnalysis) add("root_cause_missing");
  if (!f.similarElsewhere) add("similar_unchecked");
  if (!f.actions.some((a) => a.status === "gereed")) add("no_finished_action");
  const owners = new Set(f.actions.map((a) => a.ownerId));
  const independent = f.reviews.filter((r) => !owners.has(r.reviewerId));
  if (!f.reviews.length) add("review_missing");
  else if (!independent.length) add("review_by_owner");
  else if (!independent.some((r) => r.effective && r.evidenceCount > 0)) add("review_not_effective");
  return problems;
}

/** The reviewer of effectiveness must not be an owner of the finding's actions. */
export function reviewerProblem(reviewerId: string, actionOwnerIds: string[]): Problem | null {
  return actionOwnerIds.includes(reviewerId) ? detail("reviewer_is_owner") : null;
}

export interface ActionState {
  id: string;
  ref: string;
  title: string;
  status: ClosingState["actions"][number]["status"];
}
export interface EffectState {
  actionId: string;
  ref: string;
  status: "gehaald" | "niet_gehaald" | "nog_niet_meetbaar" | "handmatig";
  /** Why, by catalog code: the dashboard says it in the reader's language. */
  explanation: CodedText;
}

/** What the closing screen shows before it asks for confirmation. */
export interface ClosingCheck {
  /** True when nothing blocks closing; a reason may still be required. */
  canClose: boolean;
  /** A finding that is not a nonconformity may close without an effective review, but then the record says why. */
  reasonRequired: boolean;
  blocking: Problem[];
  stillOpen: {
    actionsNotDone: ActionState[];
    effectNotMeasurable: EffectState[];
    effectivenessReviewMissing: boolean;
  };
}

/**
 * The closing rules in one place: a nonconformity keeps all of them (closingProblems); an
 * observation or opportunity needs its actions finished and, without an effective review,
 * a written reason. What is merely unmeasured is shown, not enforced, because a manual
 * criterion or a later wave may never give a number.
 */
export function closingCheck(f: ClosingState, actions: ActionState[], effects: EffectState[]): ClosingCheck {
  const blocking = closingProblems(f);
  const effectiveReview = f.reviews.some((r) => r.effective && r.evidenceCount > 0);
  const reasonRequired = !isNonconformity(f.classification) && !effectiveReview;
  return {
    canClose: blocking.length === 0,
    reasonRequired,
    blocking,
    stillOpen: {
      actionsNotDone: actions.filter((a) => a.status === "gepland" || a.status === "in_uitvoering"),
      effectNotMeasurable: effects.filter((e) => e.status === "nog_niet_meetbaar"),
      effectivenessReviewMissing: !effectiveReview,
    },
  };
}
