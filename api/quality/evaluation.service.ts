import { and, asc, eq, gte, lte } from "drizzle-orm";
import { addDays, differenceInCalendarDays, format, parseISO } from "date-fns";
import type { Db } from "../../db/types.ts";
import { conferences, questionnaires, waves, type Wave } from "../../db/schema.ts";
import { getWaveResults, loadAggregates } from "../waves/results.service.ts";
import { scoredQuestions } from "../domain/survey/definition.ts";
import { overallResults } from "../domain/survey/results.ts";
import { evalText, judge, type Criterion, type Judged, type Measure } from "../domain/quality/criterion.ts";
import { conferenceMetrics } from "../domain/registry/metrics.ts";
import type { RegistryData } from "../domain/registry/registry.types.ts";
import { findAction, findingsOfActions } from "./quality.lookup.ts";
import type { SurveyBaseline } from "./quality.responses.ts";

export type { SurveyBaseline } from "./quality.responses.ts";

/**
 * What several evaluations in one request share: a wave's results and the registry are read
 * once, not once per action (the start page evaluates every action from the survey).
 */
export interface EvaluationMemo {
  results: Map<string, Promise<{ overall: unknown }>>;
  /** The registry's conferences of a span of days, by "from|to": a criterion's period and the one before it. */
  registry: Map<string, Promise<RegistryData>>;
}
export const evaluationMemo = (): EvaluationMemo => ({ results: new Map(), registry: new Map() });

/** Only the overall results, as getWaveResults computes them, without the groups and shares a criterion never reads. */
async function overallOnly(db: Db, waveId: string) {
  const [wave] = await db.select().from(waves).where(eq(waves.id, waveId));
  const [q] = await db.select().from(questionnaires).where(eq(questionnaires.id, wave.questionnaireId));
  return { overall: overallResults(scoredQuestions(q.definition), await loadAggregates(db, waveId, "organisationType")) as unknown };
}

function waveResults(db: Db, waveId: string, now: Date, memo?: EvaluationMemo): Promise<{ overall: unknown }> {
  if (!memo) return getWaveResults(db, waveId, now);
  let r = memo.results.get(waveId);
  if (!r) memo.results.set(waveId, (r = overallOnly(db, waveId)));
  return r;
}

/** The overall score of one dimension or question in a wave, or null when hidden or absent. */
export async function surveyMeasure(
  db: Db,
  wave: Wave,
  kind: "dimension" | "question",
  key: string,
  now: Date,
  memo?: EvaluationMemo,
): Promise<(Measure & { label: string; title: string }) | null> {
  const results = await waveResults(db, wave.id, now, memo);
  const overall = results.overall as {
    suppressed?: boolean;
    dimensions: { dimension: string; label: string; n: number; mean: number; sd: number; ci: Measure["ci"] }[];
    questions: { question: string; title: string; n: number; mean: number; sd: number; ci: Measure["ci"] }[];
  };
  if (overall.suppressed) return null;
  const hit =
    kind === "dimension"
      ? overall.dimensions.map((d) => ({ key: d.dimension, title: d.label, ...d })).find((d) => d.key === key)
      : overall.questions.map((q) => ({ key: q.question, ...q })).find((q) => q.key === key);
  if (!hit?.n) return null;
  return { label: wave.name, title: hit.title, value: hit.mean, n: hit.n, sd: hit.sd, ci: hit.ci };
}

/** The wave that measures the effect: a named wave, or the first one closed after the baseline. */
async function resultWave(db: Db, c: { wave?: string }, after: Date, now: Date) {
  const all = await db.select().from(waves).orderBy(asc(waves.opensAt));
  if (c.wave) return all.find((w) => w.name === c.wave && w.closesAt <= now) ?? null;
  return all.find((w) => w.opensAt >= after && w.closesAt <= now) ?? null;
}

async function evaluateSurvey(
  db: Db,
  c: Extract<Criterion, { kind: "survey_dimension" | "survey_question" }>,
  baseline: SurveyBaseline | null,
  createdAt: Date,
  now: Date,
  memo?: EvaluationMemo,
) {
  const kind = c.kind === "survey_dimension" ? "dimension" : "question";
  const key = c.kind === "survey_dimension" ? c.dimension : c.question;
  const base: Measure | null =
    baseline && baseline.kind === kind && baseline.key === key
      ? { label: baseline.wave, value: baseline.mean, n: baseline.n, sd: baseline.sd, ci: baseline.ci }
      : null;
  const [baseWave] = baseline ? await db.select().from(waves).where(eq(waves.id, baseline.waveId)) : [];
  const wave = await resultWave(db, c, baseWave ? baseWave.closesAt : createdAt, now);
  if (!wave) return judge(c, base, null, c.wave ? evalText("eval_pending_wave_open", { wave: c.wave }) : evalText("eval_pending_no_wave"));
  const result = await surveyMeasure(db, wave, kind, key, now, memo);
  return judge(c, base, result, evalText("eval_pending_no_result", { wave: wave.name }));
}

/**
 * The conferences held in a span of days, with only their own columns. The shares a criterion
 * can name (CONFERENCE_METRICS: director assigned, all elements recorded, roles explained)
 * read nothing else, so the cases, their themes, attendance, follow-ups and hours the full
 * registry carries are not loaded: at ten times the demo registry that load took over a second.
 */
async function conferencesOf(db: Db, span: { from: string; to: string }): Promise<RegistryData> {
  const rows = await db
    .select({
      id: conferences.id,
      heldOn: conferences.heldOn,
      branchId: conferences.branchId,
      directorOrganisationId: conferences.directorOrganisationId,
      hasAanleiding: conferences.hasAanleiding,
      hasDoel: conferences.hasDoel,
      hasAanpak: conferences.hasAanpak,
      rolesExplained: conferences.rolesExplained,
    })
    .from(conferences)
    .where(and(gte(conferences.heldOn, span.from), lte(conferences.heldOn, span.to)));
  return {
    cases: [],
    conferences: rows.map((r) => ({ ...r, caseIds: [], attendance: [], followUps: [] })),
    activities: [],
    rates: {},
    branchOf: {},
  };
}

async function evaluateConference(db: Db, c: Extract<Criterion, { kind: "conference_metric" }>, now: Date, memo?: EvaluationMemo) {
  const today = format(now, "yyyy-MM-dd");
  const days = differenceInCalendarDays(parseISO(c.to), parseISO(c.from)) + 1;
  const beforeFrom = format(addDays(parseISO(c.from), -days), "yyyy-MM-dd");
  // The conference shares need only the conferences of the two periods, not every year of the registry.
  const span = { from: beforeFrom, to: c.to };
  const key = `${span.from}|${span.to}`;
  let load = memo?.registry.get(key);
  if (!load) {
    load = conferencesOf(db, span);
    memo?.registry.set(key, load);
  }
  const data = await load;
  const measure = (from: string, to: string): Measure | null => {
    const share = conferenceMetrics(data, { from, to }, today)[c.metric];
    return share.n
      ? {
          // The period by code and calendar days, so it reads "1 January 2026 to 31 March 2026" in English.
          label: evalText("eval_period", { from, to }),
          value: 100 * share.share!,
          n: share.n,
          count: share.count,
          ci: share.ci && { low: 100 * share.ci.low, high: 100 * share.ci.high },
        }
      : null;
  };
  const before = measure(beforeFrom, format(addDays(parseISO(c.from), -1), "yyyy-MM-dd"));
  if (c.to >= today) return judge(c, before, null, evalText("eval_pending_period_running", { to: c.to }));
  return judge(c, before, measure(c.from, c.to), evalText("eval_pending_no_conferences"));
}

/**
 * Evaluates an action's effectiveness criterion against the data itself: the next survey
 * wave (against the finding's baseline) or the conference metrics of the named period
 * (against the period of equal length before it).
 */
export async function evaluateCriterion(
  db: Db,
  criterion: Criterion,
  baseline: SurveyBaseline | null,
  createdAt: Date,
  now: Date,
  memo?: EvaluationMemo,
): Promise<Judged> {
  if (criterion.kind === "survey_dimension" || criterion.kind === "survey_question")
    return evaluateSurvey(db, criterion, baseline, createdAt, now, memo);
  if (criterion.kind === "conference_metric") return evaluateConference(db, criterion, now, memo);
  return judge(criterion, null, null);
}

export async function evaluateAction(db: Db, actionId: string, now: Date, memo?: EvaluationMemo) {
  const action = await findAction(db, actionId);
  const linked = await findingsOfActions(db, [action.id]);
  const baseline = (linked.map((l) => l.finding.baseline).find(Boolean) ?? null) as SurveyBaseline | null;
  return {
    actionId: action.id,
    ref: action.ref,
    ...(await evaluateCriterion(db, action.criterion as Criterion, baseline, action.createdAt, now, memo)),
  };
}
