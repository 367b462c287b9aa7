import { addDays, format, parseISO } from "date-fns";
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, notInArray, sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { actions, findings, internalAudits, managementReviews, risks } from "../../db/schema.ts";
import { CLASSIFICATIONS } from "../quality/quality.schemas.ts";
import { getWaveResults } from "../waves/results.service.ts";
import { listWaves } from "../waves/waves.service.ts";
import { getConferenceMetrics } from "../registry/metrics.service.ts";
import type { z } from "@hono/zod-openapi";
import { gap, type Decision, type Gap, type Prefill, type ReviewInputKey } from "../domain/reviews/review.inputs.ts";
import type * as p from "./reviews.prefill.schemas.ts";

/**
 * The pre-fill of each required input: the figures the platform already holds for the
 * period, frozen into the review when it is made (and refreshed on request while it is a
 * concept), so management assesses facts and the final record shows what they saw.
 * Aggregates only: no open survey answers, no case codes, no working notes.
 */
export interface Period {
  from: string;
  to: string;
}

type Metrics = Awaited<ReturnType<typeof getConferenceMetrics>>;
interface Ctx {
  db: Db;
  period: Period;
  now: Date;
  today: string;
  seriesId: string | null;
  metrics: Metrics;
}

const OPEN_ACTION = ["gereed", "geannuleerd"] as ("gereed" | "geannuleerd")[];
const inPeriod = (column: typeof findings.foundOn | typeof internalAudits.plannedOn, p: Period) =>
  and(gte(column, p.from), lte(column, p.to));
const dateOf = (column: typeof actions.createdAt) => sql<string>`to_char(${column}, 'YYYY-MM-DD')`;

function byClassification(rows: { classification: (typeof CLASSIFICATIONS)[number] }[]) {
  return Object.fromEntries(CLASSIFICATIONS.map((c) => [c, rows.filter((r) => r.classification === c).length])) as Record<
    (typeof CLASSIFICATIONS)[number],
    number
  >;
}

/** The latest final version of the series before this one, and where its decided actions stand now. */
async function previousActions({ db, period, seriesId }: Ctx): Promise<z.infer<typeof p.PreviousActionsPrefill>> {
  const [prev] = await db
    .select({ seriesId: managementReviews.seriesId })
    .from(managementReviews)
    .where(
      and(
        eq(managementReviews.status, "definitief"),
        lte(managementReviews.periodTo, period.to),
        seriesId ? ne(managementReviews.seriesId, seriesId) : undefined,
      ),
    )
    .orderBy(desc(managementReviews.periodTo), desc(managementReviews.finalizedAt))
    .limit(1);
  if (!prev) return { review: null, decisions: [], gaps: [gap("prefill_no_previous_review")] };
  const [review] = await db
    .select()
    .from(managementReviews)
    .where(and(eq(managementReviews.seriesId, prev.seriesId), eq(managementReviews.status, "definitief")))
    .orderBy(desc(managementReviews.version))
    .limit(1);
  const decisions = review.decisions as Decision[];
  const ids = decisions.flatMap((d) => (d.actionId ? [d.actionId] : []));
  const linked = ids.length
    ? await db
        .select({
          id: actions.id,
          ref: actions.ref,
          title: actions.title,
          status: actions.status,
          dueOn: actions.dueOn,
          completedOn: actions.completedOn,
        })
        .from(actions)
        .where(inArray(actions.id, ids))
    : [];
  return {
    review: { id: review.id, version: review.version, periodFrom: review.periodFrom, periodTo: review.periodTo, heldOn: review.heldOn },
    decisions: decisions.map((d) => ({
      kind: d.kind,
      text: d.text,
      dueOn: d.dueOn,
      action: linked.find((a) => a.id === d.actionId) ?? null,
    })),
    gaps: decisions.length ? [] : [gap("prefill_previous_no_decisions")],
  };
}

/** The latest wave closed by the end of the period against the one before it, per dimension. */
async function satisfaction({ db, period, now }: Ctx): Promise<z.infer<typeof p.SatisfactionPrefill>> {
  const closed = (await listWaves(db, now))
    .filter((w) => w.status === "gesloten" && w.closesAt.slice(0, 10) <= period.to)
    .sort((a, b) => b.closesAt.localeCompare(a.closesAt))
    .slice(0, 2);
  const waves = [];
  for (const w of closed) {
    const { wave, overall } = await getWaveResults(db, w.id, now);
    waves.push({
      id: wave.id,
      name: wave.name,
      closesAt: wave.closesAt,
      invited: overall.invited,
      respondents: overall.respondents,
      responseRate: overall.responseRate,
      suppressed: overall.suppressed,
      // The recommendation question's mean (0–10) is no NPS: the real NPS is given below, so the mean is left out.
      dimensions: overall.dimensions
        .filter((d) => d.dimension !== "nps")
        .map((d) => ({ dimension: d.dimension, label: d.label, mean: d.mean, n: d.n, ci: d.ci })),
      nps: overall.nps ? { nps: overall.nps.nps, n: overall.nps.n, interval: overall.nps.interval } : null,
    });
  }
  const [latest, previous] = waves;
  const comparison =
    latest && previous
      ? latest.dimensions.map((d) => {
          const before = previous.dimensions.find((p) => p.dimension === d.dimension);
          return {
            dimension: d.dimension,
            label: d.label,
            latest: d.mean,
            previous: before?.mean ?? null,
            difference: before ? d.mean - before.mean : null,
          };
        })
      : [];
  const gaps: Gap[] = [];
  if (!latest) gaps.push(gap("prefill_no_closed_wave"));
  else if (!previous) gaps.push(gap("prefill_one_closed_wave"));
  for (const w of waves) if (w.suppressed || !w.respondents) gaps.push(gap("prefill_wave_too_few", { wave: w.name }));
  return { waves, comparison, gaps };
}

/** The criteria written when actions were planned are the measurable quality objectives. */
async function objectives({ db, period }: Ctx): Promise<z.infer<typeof p.ObjectivesPrefill>> {
  const rows = await db
    .select({
      ref: actions.ref,
      title: actions.title,
      criterion: actions.criterion,
      status: actions.status,
      dueOn: actions.dueOn,
      completedOn: actions.completedOn,
    })
    .from(actions)
    .where(
      and(
        ne(actions.status, "geannuleerd"),
        lte(dateOf(actions.createdAt), period.to),
        sql`(${actions.completedOn} is null or ${actions.completedOn} >= ${period.from})`,
      ),
    )
    .orderBy(asc(actions.ref));
  const list = rows.map((a) => {
    const c = a.criterion as { kind?: string; text?: string };
    return {
      ref: a.ref,
      title: a.title,
      criterion: c.text ?? "",
      criterionKind: c.kind ?? null,
      status: a.status,
      dueOn: a.dueOn,
      completedOn: a.completedOn,
    };
  });
  return {
    actions: list,
    counts: { total: list.length, done: list.filter((a) => a.status === "gereed").length },
    gaps: list.length ? [] : [gap("prefill_no_criterion_actions")],
  };
}

function processPerformance({ metrics }: Ctx): z.infer<typeof p.ProcessPerformancePrefill> {
  const share = (s: Metrics["directorAssigned"]) => ({ count: s.count, n: s.n, share: s.share });
  return {
    conferences: metrics.conferences,
    directorAssigned: share(metrics.directorAssigned),
    allElementsRecorded: share(metrics.allElementsRecorded),
    rolesExplained: share(metrics.rolesExplained),
    followUps: metrics.followUps,
    leadTimeDays: metrics.leadTimeDays,
    hours: metrics.hours.total,
    gaps: metrics.conferences ? [] : [gap("prefill_no_conferences")],
  };
}

async function nonconformities({ db, period, today }: Ctx): Promise<z.infer<typeof p.NonconformitiesPrefill>> {
  const found = await db
    .select({ classification: findings.classification, closedAt: findings.closedAt })
    .from(findings)
    .where(inPeriod(findings.foundOn, period));
  const openNc = await db
    .select({ ref: findings.ref, title: findings.title, classification: findings.classification, foundOn: findings.foundOn })
    .from(findings)
    .where(and(inArray(findings.classification, ["major_nc", "minor_nc"]), isNull(findings.closedAt), lte(findings.foundOn, period.to)))
    .orderBy(asc(findings.foundOn));
  const overdue = await db
    .select({ ref: actions.ref, title: actions.title, dueOn: actions.dueOn, status: actions.status })
    .from(actions)
    .where(and(lt(actions.dueOn, today), notInArray(actions.status, OPEN_ACTION)))
    .orderBy(asc(actions.dueOn));
  return {
    findings: {
      total: found.length,
      byClassification: byClassification(found),
      open: found.filter((f) => !f.closedAt).length,
      closed: found.filter((f) => f.closedAt).length,
    },
    openNonconformities: openNc,
    overdueActions: overdue,
    gaps: [],
  };
}

async function monitoring({ db, period, now, metrics }: Ctx): Promise<z.infer<typeof p.MonitoringPrefill>> {
  const waves = (await listWaves(db, now))
    .filter((w) => w.opensAt.slice(0, 10) <= period.to && w.closesAt.slice(0, 10) >= period.from)
    .map((w) => ({
      name: w.name,
      status: w.status,
      opensAt: w.opensAt,
      closesAt: w.closesAt,
      invited: w.invited,
      responded: w.responded,
      responseRate: w.invited ? w.responded / w.invited : null,
    }));
  return {
    waves,
    followUps: { total: metrics.followUps.total, overdue: metrics.followUps.overdue, late: metrics.followUps.late },
    gaps: waves.length ? [] : [gap("prefill_no_wave_in_period")],
  };
}

async function auditResults({ db, period, today }: Ctx): Promise<z.infer<typeof p.AuditResultsPrefill>> {
  const audits = await db
    .select({
      ref: internalAudits.ref,
      processId: internalAudits.processId,
      status: internalAudits.status,
      plannedOn: internalAudits.plannedOn,
      actualOn: internalAudits.actualOn,
      reportedOn: internalAudits.reportedOn,
    })
    .from(internalAudits)
    .where(inPeriod(internalAudits.plannedOn, period))
    .orderBy(asc(internalAudits.plannedOn));
  const fromAudits = await db
    .select({ ref: findings.ref, title: findings.title, classification: findings.classification, closedAt: findings.closedAt })
    .from(findings)
    .where(and(isNotNull(findings.sourceAuditId), inPeriod(findings.foundOn, period)))
    .orderBy(asc(findings.ref));
  const live = audits.filter((a) => a.status !== "geannuleerd");
  return {
    counts: {
      planned: live.length,
      done: live.filter((a) => a.status === "uitgevoerd" || a.status === "gerapporteerd").length,
      reported: live.filter((a) => a.status === "gerapporteerd").length,
      late: live.filter((a) => a.status === "gepland" && a.plannedOn < today).length,
      cancelled: audits.length - live.length,
    },
    audits,
    findings: {
      total: fromAudits.length,
      byClassification: byClassification(fromAudits),
      items: fromAudits.map((f) => ({ ref: f.ref, title: f.title, classification: f.classification, closed: !!f.closedAt })),
    },
    gaps: audits.length ? [] : [gap("prefill_no_audits")],
  };
}

function externalProviders({ metrics }: Ctx): z.infer<typeof p.ExternalProvidersPrefill> {
  const partners = metrics.attendance
    .map((a) => ({
      organisationId: a.organisationId,
      name: metrics.names[a.organisationId] ?? a.organisationId,
      invited: a.invited,
      aanwezig: a.aanwezig,
      informatie_aangeleverd: a.informatie_aangeleverd,
      telefonisch_video: a.telefonisch_video,
      afwezig: a.afwezig,
      contributed: { count: a.contributed.count, n: a.contributed.n, share: a.contributed.share },
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "nl"));
  return { partners, gaps: partners.length ? [] : [gap("prefill_no_partner_attendance")] };
}

function resources({ metrics }: Ctx): z.infer<typeof p.ResourcesPrefill> {
  const { total, unpricedHours, byKind } = metrics.hours;
  const gaps: Gap[] = [];
  if (!total.hours) gaps.push(gap("prefill_no_hours"));
  if (unpricedHours) gaps.push(gap("prefill_unpriced_hours", { hours: unpricedHours }));
  return { total, unpricedHours, byKind, gaps };
}

const score = (likelihood: number, impact: number) => ({ likelihood, impact, score: likelihood * impact });

async function riskActions({ db, today }: Ctx): Promise<z.infer<typeof p.RiskActionsPrefill>> {
  const open = await db
    .select()
    .from(risks)
    .where(and(eq(risks.kind, "risk"), isNull(risks.closedOn)))
    .orderBy(asc(risks.ref));
  const treatments = open.length
    ? await db
        .select({ riskId: actions.riskId, ref: actions.ref, title: actions.title, status: actions.status, dueOn: actions.dueOn })
        .from(actions)
        .where(
          inArray(
            actions.riskId,
            open.map((r) => r.id),
          ),
        )
        .orderBy(asc(actions.ref))
    : [];
  const list = open.map((r) => {
    const reviewDueOn = format(addDays(parseISO(r.lastReviewedOn), r.reviewIntervalDays), "yyyy-MM-dd");
    return {
      ref: r.ref,
      title: r.title,
      processId: r.processId,
      inherent: score(r.inherentLikelihood, r.inherentImpact),
      residual: score(r.residualLikelihood, r.residualImpact),
      lastReviewedOn: r.lastReviewedOn,
      reviewDueOn,
      reviewOverdue: reviewDueOn < today,
      actions: treatments.filter((a) => a.riskId === r.id).map(({ riskId: _, ...a }) => a),
    };
  });
  return {
    risks: list,
    counts: {
      open: list.length,
      reviewOverdue: list.filter((r) => r.reviewOverdue).length,
      withoutAction: list.filter((r) => !r.actions.length).length,
    },
    gaps: list.length ? [] : [gap("prefill_no_open_risks")],
  };
}

async function improvementOpportunities({ db, period }: Ctx): Promise<z.infer<typeof p.ImprovementOpportunitiesPrefill>> {
  const found = await db
    .select({ ref: findings.ref, title: findings.title, source: findings.source, foundOn: findings.foundOn, closedAt: findings.closedAt })
    .from(findings)
    .where(and(eq(findings.classification, "opportunity"), inPeriod(findings.foundOn, period)))
    .orderBy(asc(findings.foundOn));
  const register = await db
    .select()
    .from(risks)
    .where(and(eq(risks.kind, "opportunity"), isNull(risks.closedOn)))
    .orderBy(asc(risks.ref));
  return {
    findings: found.map((f) => ({ ref: f.ref, title: f.title, source: f.source, foundOn: f.foundOn, closed: !!f.closedAt })),
    registerOpportunities: register.map((r) => ({
      ref: r.ref,
      title: r.title,
      residual: score(r.residualLikelihood, r.residualImpact),
      lastReviewedOn: r.lastReviewedOn,
    })),
    gaps: [],
  };
}

const PREFILL: Record<ReviewInputKey, ((ctx: Ctx) => Promise<Prefill> | Prefill) | null> = {
  previous_actions: previousActions,
  context_changes: null, // no source in the platform: management writes this one from scratch
  satisfaction,
  objectives,
  process_performance: processPerformance,
  nonconformities,
  monitoring,
  audit_results: auditResults,
  external_providers: externalProviders,
  resources,
  risk_actions: riskActions,
  improvement_opportunities: improvementOpportunities,
};

/** All pre-fills for one period; seriesId leaves the review's own series out of "previous". */
export async function prefillInputs(db: Db, period: Period, now: Date, seriesId: string | null) {
  const metrics = await getConferenceMetrics(db, { from: period.from, to: period.to }, now);
  const ctx: Ctx = { db, period, now, today: now.toISOString().slice(0, 10), seriesId, metrics };
  const out = {} as Record<ReviewInputKey, Prefill | null>;
  for (const [key, fill] of Object.entries(PREFILL) as [ReviewInputKey, (typeof PREFILL)[ReviewInputKey]][]) {
    out[key] = fill ? await fill(ctx) : null;
  }
  return out;
}
