import { and, asc, between, count, inArray } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { findings, internalAudits, processes } from "../../db/schema.ts";
import { reasonTextNl, recommendedAudits } from "../domain/audits/frequency.ts";
import { peopleById, publicAudit, publicProcess, type AuditRow } from "./audits.lookup.ts";

const PREVIOUS_YEARS = 2;

/** Major and minor NCs per audit, counted from the findings the audit reports created. */
async function ncCounts(db: Db, auditIds: string[]) {
  const byAudit = new Map<string, { majorNc: number; minorNc: number }>();
  if (!auditIds.length) return byAudit;
  const rows = await db
    .select({ auditId: findings.sourceAuditId, classification: findings.classification, n: count() })
    .from(findings)
    .where(and(inArray(findings.sourceAuditId, auditIds), inArray(findings.classification, ["major_nc", "minor_nc"])))
    .groupBy(findings.sourceAuditId, findings.classification);
  for (const r of rows) {
    const c = byAudit.get(r.auditId!) ?? { majorNc: 0, minorNc: 0 };
    if (r.classification === "major_nc") c.majorNc += Number(r.n);
    else c.minorNc += Number(r.n);
    byAudit.set(r.auditId!, c);
  }
  return byAudit;
}

/** The results of the audits of one process in the years before the programme year. */
function previousResults(audits: AuditRow[], counts: Map<string, { majorNc: number; minorNc: number }>, year: number) {
  const carriedOut = audits.filter((a) => a.actualOn).sort((a, b) => b.actualOn!.localeCompare(a.actualOn!));
  const nc = (a: AuditRow) => counts.get(a.id) ?? { majorNc: 0, minorNc: 0 };
  const last = carriedOut[0];
  const lastAudit = last
    ? { ref: last.ref, year: last.year, actualOn: last.actualOn!, reported: last.status === "gerapporteerd", ...nc(last) }
    : null;
  return {
    years: Array.from({ length: PREVIOUS_YEARS }, (_, i) => year - PREVIOUS_YEARS + i),
    audits: carriedOut.length,
    majorNc: carriedOut.reduce((s, a) => s + nc(a).majorNc, 0),
    minorNc: carriedOut.reduce((s, a) => s + nc(a).minorNc, 0),
    lastAudit,
  };
}

/**
 * The year's audit programme (9.2.2 a): per process what was found before, how often it
 * should be audited, what is planned and whether that falls short.
 */
export async function getAuditProgramme(db: Db, year: number, now: Date) {
  const today = now.toISOString().slice(0, 10);
  const procs = await db.select().from(processes).orderBy(asc(processes.name));
  const audits = await db
    .select()
    .from(internalAudits)
    .where(between(internalAudits.year, year - PREVIOUS_YEARS, year))
    .orderBy(asc(internalAudits.plannedOn), asc(internalAudits.ref));
  // Cancelled audits of the year itself stay visible (the programme changed); earlier ones found nothing.
  const thisYear = audits.filter((a) => a.year === year);
  const earlier = audits.filter((a) => a.year < year && a.status !== "geannuleerd");
  const counts = await ncCounts(
    db,
    earlier.map((a) => a.id),
  );
  const people = await peopleById(db, [
    ...procs.flatMap((p) => p.ownerIds),
    ...thisYear.flatMap((a) => [...a.auditorIds, ...a.auditeeIds]),
  ]);

  const rows = procs.map((p) => {
    const previous = previousResults(
      earlier.filter((a) => a.processId === p.id),
      counts,
      year,
    );
    const recommendation = recommendedAudits({ year, riskWeight: p.riskWeight, lastAudit: previous.lastAudit });
    const own = thisYear.filter((a) => a.processId === p.id).map((a) => publicAudit(a, p.name, people, today));
    const planned = own.filter((a) => a.status !== "geannuleerd").length;
    return {
      processId: p.id,
      name: p.name,
      riskWeight: p.riskWeight,
      owners: publicProcess(p, people).owners,
      previous,
      recommended: recommendation.count,
      reasonCode: recommendation.reason,
      reasonYear: recommendation.year,
      reason: reasonTextNl(recommendation),
      planned,
      shortfall: planned < recommendation.count,
      audits: own,
    };
  });

  const all = rows.flatMap((r) => r.audits);
  const active = all.filter((a) => a.status !== "geannuleerd");
  return {
    year,
    today,
    processes: rows,
    totals: {
      planned: active.length,
      done: active.filter((a) => a.actualOn).length,
      reported: active.filter((a) => a.status === "gerapporteerd").length,
      late: active.filter((a) => a.late).length,
      reportLate: active.filter((a) => a.reportLate).length,
      cancelled: all.length - active.length,
      shortfalls: rows.filter((r) => r.shortfall).length,
    },
  };
}
