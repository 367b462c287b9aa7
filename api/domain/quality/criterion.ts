import type { z } from "@hono/zod-openapi";
import { compareShares, welch, type TestResult } from "../stats/tests.ts";
import type { CriterionSchema } from "../../quality/quality.schemas.ts";
import type { CriterionEvaluation as Evaluation, Measure } from "../../quality/quality.responses.ts";
import { detail, type ErrorCode, type ErrorParams, type ParamValue } from "../../lib/error-text.ts";

export type Criterion = z.infer<typeof CriterionSchema>;

/** One measurement (a wave's mean score or a period's share) and the judgement, as the API sends them. */
export type { Measure, CriterionEvaluation as Evaluation } from "../../quality/quality.responses.ts";

const SMALL_N = 30;

/** A text by catalog code as the API sends it (code, params, the Dutch beside it). */
export type CodedText = Extract<Evaluation["explanation"], { code: string }>;

/**
 * A catalog text for an evaluation. The params may nest one catalog text (a verdict, a period), which
 * the contract's TextRef allows; detail's params type is recursive, hence the one cast here.
 */
export function evalText(code: ErrorCode, params?: ErrorParams): CodedText {
  return detail(code, params) as CodedText;
}

/** A measurement's label as a param: a wave's name as-is, a period as the catalog text it is. */
function labelParam(label: Measure["label"]): ParamValue {
  return typeof label === "string" ? label : { code: label.code as ErrorCode, params: label.params as ErrorParams | undefined };
}

/** What judge gives: always a coded explanation (only a stored older evaluation holds a sentence). */
export type Judged = Omit<Evaluation, "explanation"> & { explanation: CodedText };

/** Survey scores live on 1–5; a criterion may be written on the familiar 1–10 scale. */
export function toScale(m: Measure, scale: "5" | "10"): Measure {
  if (scale === "5") return m;
  const f = (v: number) => 1 + ((v - 1) * 9) / 4;
  return {
    ...m,
    value: f(m.value),
    sd: m.sd === undefined ? undefined : (m.sd * 9) / 4,
    ci: m.ci && { low: f(m.ci.low), high: f(m.ci.high) },
  };
}

function change(c: Criterion, baseline: Measure | null, result: Measure): TestResult | null {
  if (!baseline) return null;
  if (c.kind === "conference_metric") {
    return baseline.count === undefined || result.count === undefined
      ? null
      : compareShares(result.count, result.n, baseline.count, baseline.n);
  }
  return baseline.sd === undefined || result.sd === undefined
    ? null
    : welch(result.value, result.sd, result.n, baseline.value, baseline.sd, baseline.n);
}

/**
 * Judges an effectiveness criterion against its measurements. Met or not is decided on
 * the point estimate, as the criterion is written; the caveats say when chance alone
 * could have decided it, so that nobody celebrates or panics over noise.
 */
export function judge(
  c: Criterion,
  baseline: Measure | null,
  result: Measure | null,
  pendingReason: CodedText = evalText("eval_pending_no_measurement"),
): Judged {
  if (c.kind === "manual") {
    return {
      status: "handmatig",
      criterion: c.text,
      target: null,
      baseline,
      result,
      change: null,
      caveats: [],
      explanation: evalText("eval_manual"),
    };
  }
  const scale = c.kind === "conference_metric" ? "5" : c.scale;
  const base = baseline && toScale(baseline, scale),
    res = result && toScale(result, scale);
  if (!res)
    return {
      status: "nog_niet_meetbaar",
      criterion: c.text,
      target: c.target,
      baseline: base,
      result: null,
      change: null,
      caveats: [],
      explanation: pendingReason,
    };
  const met = c.comparator === ">=" ? res.value >= c.target : res.value <= c.target;
  const test = change(c, base, res);
  // Each caveat by catalog code, so the dashboard says it in the reader's language; values rounded as shown.
  const caveats: Evaluation["caveats"] = [];
  const round = (x: number, digits: number) => Number(x.toFixed(digits));
  // A share is read to one decimal, a score to two; the numbers go raw and the client formats them.
  const share = c.kind === "conference_metric";
  const digits = share ? 1 : 2;
  if (res.n < SMALL_N) caveats.push(detail("eval_small_n", { n: res.n }));
  if (res.ci && res.ci.low <= c.target && c.target <= res.ci.high) {
    const [target, low, high] = [c.target, res.ci.low, res.ci.high].map((x) => round(x, digits));
    caveats.push(detail(share ? "eval_target_in_ci_share" : "eval_target_in_ci", { target, low, high }));
  }
  // Only a p of at least 0.05 comes here, so two decimals say it.
  if (test && !test.significant) caveats.push(detail("eval_not_significant", { p: round(test.p, 2) }));
  const outcome: ErrorParams = {
    result: round(res.value, digits),
    resultLabel: labelParam(res.label),
    comparator: c.comparator === ">=" ? "≥" : "≤",
    target: round(c.target, digits),
    verdict: { code: met ? "eval_met" : "eval_not_met" },
  };
  if (base) Object.assign(outcome, { baseline: round(base.value, digits), baselineLabel: labelParam(base.label) });
  const code = share ? (base ? "eval_outcome_share_change" : "eval_outcome_share") : base ? "eval_outcome_change" : "eval_outcome";
  return {
    status: met ? "gehaald" : "niet_gehaald",
    criterion: c.text,
    target: c.target,
    baseline: base,
    result: res,
    change: test,
    caveats,
    explanation: evalText(code, outcome),
  };
}
