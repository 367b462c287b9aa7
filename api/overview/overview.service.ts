import { and, asc, eq, gte, inArray, isNull, lt, lte, notInArray, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "../../db/types.ts";
import {
  actions,
  activities,
  branches,
  cases,
  conferenceCases,
  conferences,
  followUps,
  municipalities,
  findingActions,
  findings,
  internalAudits,
  organisations,
  processes,
  questionnaires,
  risks,
  users,
  waves,
} from "../../db/schema.ts";
import { extremes, type Period, type QuarterData, quarterComparison, quarterPeriods, verdict } from "../domain/overview/overview.ts";
import { scoredQuestions } from "../domain/survey/definition.ts";
import { overallResults } from "../domain/survey/results.ts";
import { type EvaluationMemo, evaluateAction, evaluationMemo } from "../quality/evaluation.service.ts";
import { registryNames } from "../registry/registry.data.ts";
import { getRegistrySettings } from "../registry/settings.service.ts";
import { getWaveComparison } from "../waves/comparison.service.ts";
import { loadAggregates } from "../waves/results.service.ts";
import { listWaves } from "../waves/waves.service.ts";

type WaveRow = Awaited<ReturnType<typeof listWaves>>[number];
type Overall = ReturnType<typeof overallResults>;

/**
 * The overall results of every closed wave, each read once per request and shared by the
 * trend, the comparison with the previous wave and the effect checks of the actions: the
 * reads start together (parallel on PostgreSQL), one questionnaire lookup for all versions.
 */
function closedWaveOveralls(db: Db, closed: { id: string; questionnaireId: string }[], memo: EvaluationMemo) {
  const ids = [...new Set(closed.map((w) => w.questionnaireId))];
  const specs = (ids.length ? db.select().from(questionnaires).where(inArray(questionnaires.id, ids)) : Promise.resolve([])).then(
    (qs) => new Map(qs.map((q) => [q.id, scoredQuestions(q.definition)])),
  );
  const overalls = new Map<string, Promise<Overall>>();
  for (const w of closed) {
    const overall = Promise.all([specs, loadAggregates(db, w.id, "organisationType")]).then(([s, agg]) =>
      overallResults(s.get(w.questionnaireId) ?? [], agg),
    );
    overalls.set(w.id, overall);
    // The effect checks read the same overall results of these waves (evaluation.service.ts).
    const shared = overall.then((o) => ({ overall: o }));
    // A failed read reaches the request through `overalls`; unread here it must not also crash the process.
    shared.catch(() => {});
    memo.results.set(w.id, shared);
  }
  return overalls;
}

/** Overall results of the closed waves that have answers, oldest first: the trend. */
async function closedWaveResults(closed: WaveRow[], overalls: Map<string, Promise<Overall>>) {
  const all = await Promise.all(closed.map(async (wave) => ({ wave, overall: await overalls.get(wave.id)! })));
  return all
    .filter(({ overall }) => overall.respondents)
    .map(({ wave: w, overall }) => {
      const grade = overall.dimensions.find((d) => d.dimension === "rapportcijfer");
      return {
        wave: w,
        overall,
        point: {
          waveId: w.id,
          name: w.name,
          closesAt: w.closesAt,
          respondents: overall.respondents,
          responseRate: overall.invited ? overall.respondents / overall.invited : null,
          suppressed: !!overall.suppressed,
          grade: grade ? grade.mean : null,
          nps: overall.nps ? overall.nps.nps : null,
        },
      };
    });
}

async function satisfaction(db: Db, now: Date, closed: WaveRow[], overalls: Map<string, Promise<Overall>>) {
  const results = await closedWaveResults(closed, overalls);
  const trend = results.map((r) => r.point);
  const last = results.at(-1);
  if (!last) return { latest: null, trend };
  // The comparison takes the two waves' overall results from those already read.
  const comparison = await getWaveComparison(db, last.wave.id, now, (w) => overalls.get(w.id));
  const dims = last.overall.suppressed ? [] : last.overall.dimensions;
  const change = (dimension: string) => {
    const c = comparison.dimensions.find((d) => d.dimension === dimension);
    return c ? { previous: c.previous.mean, difference: c.difference, p: c.test?.p ?? null, verdict: verdict(c.difference, c.test) } : null;
  };
  const score = (d: (typeof dims)[number] | null | undefined) =>
    d ? { dimension: d.dimension, label: d.label, mean: d.mean, n: d.n, ci: d.ci, change: change(d.dimension) } : null;
  const { weakest, strongest } = extremes(dims);
  const nps = last.overall.suppressed ? null : last.overall.nps;
  return {
    latest: {
      waveId: last.wave.id,
      name: last.wave.name,
      closesAt: last.wave.closesAt,
      respondents: last.point.respondents,
      invited: last.overall.invited,
      suppressed: last.point.suppressed,
      previous: comparison.previous,
      grade: score(dims.find((d) => d.dimension === "rapportcijfer")),
      nps: nps
        ? {
            nps: nps.nps,
            n: nps.n,
            interval: nps.interval,
            change: comparison.nps
              ? {
                  previous: comparison.nps.previous,
                  difference: comparison.nps.difference,
                  p: comparison.nps.test?.p ?? null,
                  verdict: verdict(comparison.nps.difference, comparison.nps.test),
                }
              : null,
          }
        : null,
      weakest: score(weakest),
      strongest: score(strongest),
    },
    trend,
  };
}

/** Actions planned for findings from the survey, each with the automatic check of its criterion. */
async function surveyActions(db: Db, now: Date, memo: EvaluationMemo, ready: Promise<unknown>) {
  const rowsRead = db
    .select({
      id: actions.id,
      ref: actions.ref,
      title: actions.title,
      status: actions.status,
      dueOn: actions.dueOn,
      owner: users.name,
      findingRef: findings.ref,
      findingId: findings.id,
    })
    .from(actions)
    .innerJoin(findingActions, eq(findingActions.actionId, actions.id))
    .innerJoin(findings, eq(findings.id, findingActions.findingId))
    .innerJoin(users, eq(users.id, actions.ownerId))
    .where(and(eq(findings.source, "survey"), notInArray(actions.status, ["geannuleerd"])))
    .orderBy(asc(actions.ref));
  // Evaluate once the closed waves' results are in the memo, so no check reads them again.
  const [rows] = await Promise.all([rowsRead, ready]);
  const seen = new Set<string>();
  const unique = rows.filter((r) => !seen.has(r.id) && !!seen.add(r.id));
  return Promise.all(
    unique.map(async (r) => {
      const e = await evaluateAction(db, r.id, now, memo);
      return { ...r, effect: { status: e.status, explanation: e.explanation, significant: e.change ? e.change.significant : null } };
    }),
  );
}

/** What is past its date, with the people who own it and the processes by name. */
async function overdue(db: Db, today: string) {
  const overdueActions = await db
    .select({ id: actions.id, ref: actions.ref, title: actions.title, dueOn: actions.dueOn, owner: users.name })
    .from(actions)
    .innerJoin(users, eq(users.id, actions.ownerId))
    .where(and(lt(actions.dueOn, today), notInArray(actions.status, ["gereed", "geannuleerd"])))
    .orderBy(asc(actions.dueOn));
  const late = await db
    .select({
      id: internalAudits.id,
      ref: internalAudits.ref,
      process: processes.name,
      plannedOn: internalAudits.plannedOn,
      auditorIds: internalAudits.auditorIds,
    })
    .from(internalAudits)
    .innerJoin(processes, eq(processes.id, internalAudits.processId))
    .where(and(eq(internalAudits.status, "gepland"), lt(internalAudits.plannedOn, today)))
    .orderBy(asc(internalAudits.plannedOn));
  const auditorIds = [...new Set(late.flatMap((a) => a.auditorIds))];
  const names = new Map(
    auditorIds.length
      ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, auditorIds))).map((u) => [u.id, u.name])
      : [],
  );
  const risksDue = await db
    .select({
      id: risks.id,
      ref: risks.ref,
      title: risks.title,
      process: processes.name,
      owner: users.name,
      lastReviewedOn: risks.lastReviewedOn,
      reviewDueOn: sql<string>`to_char(${risks.lastReviewedOn}::date + ${risks.reviewIntervalDays}, 'YYYY-MM-DD')`,
    })
    .from(risks)
    .innerJoin(users, eq(users.id, risks.ownerId))
    .leftJoin(processes, eq(processes.id, risks.processId))
    .where(
      and(isNull(risks.closedOn), sql`(${risks.lastReviewedOn}::date + ${risks.reviewIntervalDays} * interval '1 day') < ${today}::date`),
    )
    .orderBy(asc(risks.lastReviewedOn));
  // Open past their date: what the registry calls "verlopen" (api/domain/registry/registry.elements.ts).
  const due = await db
    .select({
      id: followUps.id,
      dueOn: followUps.dueOn,
      ownerOrganisationId: followUps.ownerOrganisationId,
      branchId: conferences.branchId,
      heldOn: conferences.heldOn,
    })
    .from(followUps)
    .innerJoin(conferences, eq(conferences.id, followUps.conferenceId))
    .where(and(isNull(followUps.doneOn), lt(followUps.dueOn, today)));
  const orgIds = [...new Set(due.map((f) => f.ownerOrganisationId))];
  const orgNames = new Map(
    orgIds.length
      ? (
          await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, orgIds))
        ).map((o) => [o.id, o.name])
      : [],
  );
  return {
    actions: overdueActions,
    audits: late.map(({ auditorIds: ids, ...a }) => ({ ...a, auditors: ids.map((id) => names.get(id) ?? "–") })),
    risks: risksDue.map((r) => ({ ...r, process: r.process ?? null })),
    followUps: due
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
      .map((f) => ({
        id: f.id,
        dueOn: f.dueOn,
        heldOn: f.heldOn,
        branchId: f.branchId,
        owner: orgNames.get(f.ownerOrganisationId) ?? "–",
      })),
  };
}

/**
 * The registry records of two periods, and the municipality of every case their
 * conferences discussed: a few hundred rows a quarter, however many years the registry holds.
 */
async function loadQuarterData(db: Db, periods: Period[]): Promise<QuarterData> {
  const within = (column: AnyPgColumn) => or(...periods.map((p) => and(gte(column, p.from), lte(column, p.to))));
  const [caseRows, confRows, links, acts, munis, settings] = await Promise.all([
    db
      .select({ id: cases.id, municipalityId: cases.municipalityId, branchId: cases.branchId, registeredOn: cases.registeredOn })
      .from(cases)
      .where(within(cases.registeredOn)),
    db
      .select({ id: conferences.id, heldOn: conferences.heldOn, branchId: conferences.branchId })
      .from(conferences)
      .where(within(conferences.heldOn)),
    db
      .select({
        conferenceId: conferenceCases.conferenceId,
        id: cases.id,
        municipalityId: cases.municipalityId,
        branchId: cases.branchId,
        registeredOn: cases.registeredOn,
      })
      .from(conferenceCases)
      .innerJoin(conferences, eq(conferences.id, conferenceCases.conferenceId))
      .innerJoin(cases, eq(cases.id, conferenceCases.caseId))
      .where(within(conferences.heldOn)),
    db
      .select({
        municipalityId: activities.municipalityId,
        staffRole: activities.staffRole,
        performedOn: activities.performedOn,
        hours: activities.hours,
      })
      .from(activities)
      // A corrected record stays for its history; only its correction counts (as in loadRegistry).
      .where(
        and(
          within(activities.performedOn),
          sql`not exists (select 1 from ${activities} as correction where correction.corrects_id = ${activities.id})`,
        ),
      ),
    db.select().from(municipalities),
    getRegistrySettings(db),
  ]);
  const byId = new Map(caseRows.map((c) => [c.id, c]));
  const caseIds = new Map<string, string[]>();
  for (const { conferenceId, ...c } of links) {
    if (!byId.has(c.id)) byId.set(c.id, c);
    caseIds.set(conferenceId, [...(caseIds.get(conferenceId) ?? []), c.id]);
  }
  return {
    cases: [...byId.values()],
    conferences: confRows.map((c) => ({ ...c, caseIds: caseIds.get(c.id) ?? [] })),
    activities: acts,
    rates: settings.hourlyRates,
    branchOf: Object.fromEntries(munis.map((m) => [m.id, m.branchId])),
  };
}

/**
 * The start page in one answer: satisfaction of the latest closed wave and its trend, the
 * survey's improvement actions and whether they worked, what is overdue, the registry's
 * quarter against last year, and running waves with their fieldwork. Whole-ZVH figures:
 * only roles that read everything get it (see the permission table).
 */
export async function getOverview(db: Db, now: Date) {
  const today = now.toISOString().slice(0, 10);
  const { current, lastYear } = quarterPeriods(today);
  const memo = evaluationMemo();
  // Everything starts at once; on PostgreSQL the reads run side by side on the pool.
  const wavesRead = Promise.all([listWaves(db, now), db.select({ id: waves.id, q: waves.questionnaireId }).from(waves)]);
  const closedRead = wavesRead.then(([all, qs]) => {
    const qOf = new Map(qs.map((w) => [w.id, w.q]));
    const closed = all.filter((w) => w.status === "gesloten").sort((a, b) => a.closesAt.localeCompare(b.closesAt));
    return {
      closed,
      overalls: closedWaveOveralls(
        db,
        closed.map((w) => ({ id: w.id, questionnaireId: qOf.get(w.id) ?? "" })),
        memo,
      ),
    };
  });
  const [all, satisfied, improvement, late, data, names, branchRows] = await Promise.all([
    wavesRead.then(([w]) => w),
    closedRead.then(({ closed, overalls }) => satisfaction(db, now, closed, overalls)),
    surveyActions(db, now, memo, closedRead),
    overdue(db, today),
    loadQuarterData(db, [current, lastYear]),
    registryNames(db),
    db.select().from(branches).orderBy(asc(branches.name)),
  ]);
  const registry = quarterComparison(
    data,
    today,
    branchRows.map((b) => b.id),
  );
  return {
    generatedOn: today,
    satisfaction: satisfied,
    improvement,
    overdue: late,
    registry: {
      ...registry,
      branches: registry.branches.map((b) => ({ ...b, name: names[b.branchId] ?? b.branchId })),
      municipalities: registry.municipalities.map((m) => ({ ...m, name: names[m.municipalityId] ?? m.municipalityId })),
    },
    running: all
      .filter((w) => w.status === "open" || w.status === "gepauzeerd")
      .map((w) => ({
        waveId: w.id,
        name: w.name,
        status: w.status,
        opensAt: w.opensAt,
        closesAt: w.closesAt,
        invited: w.invited,
        responded: w.responded,
        responseRate: w.invited ? w.responded / w.invited : null,
      })),
  };
}
