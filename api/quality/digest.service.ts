import { and, asc, eq, inArray, isNull, lt, notInArray, sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { actions, findingActions, findings, internalAudits, processes, risks, users } from "../../db/schema.ts";
import { isNonconformity } from "../domain/quality/closing.ts";
import { chainHead, type ChainHead } from "../audit/audit.service.ts";
import { formatDay } from "../domain/format/numbers.ts";

/**
 * What needs attention now: overdue actions, nonconformities whose actions are done but
 * whose effect nobody checked yet, nonconformities without actions, late internal audits
 * and risks past their review date. Shown on the dashboard and sent weekly.
 */
export async function qualityDigest(db: Db, now: Date) {
  const today = now.toISOString().slice(0, 10);
  const overdueActions = await db
    .select({ id: actions.id, ref: actions.ref, title: actions.title, dueOn: actions.dueOn, owner: users.name, status: actions.status })
    .from(actions)
    .innerJoin(users, eq(users.id, actions.ownerId))
    .where(and(lt(actions.dueOn, today), notInArray(actions.status, ["gereed", "geannuleerd"])))
    .orderBy(asc(actions.dueOn));
  const open = (await db.select().from(findings).where(isNull(findings.closedAt))).filter((f) => isNonconformity(f.classification));
  const links = open.length
    ? await db
        .select({ findingId: findingActions.findingId, status: actions.status })
        .from(findingActions)
        .innerJoin(actions, eq(actions.id, findingActions.actionId))
        .where(
          inArray(
            findingActions.findingId,
            open.map((f) => f.id),
          ),
        )
    : [];
  const summary = (f: (typeof open)[number]) => ({
    id: f.id,
    ref: f.ref,
    title: f.title,
    classification: f.classification,
    foundOn: f.foundOn,
  });
  const reviewsDue = open
    .filter((f) => {
      const mine = links.filter((l) => l.findingId === f.id);
      return mine.length > 0 && mine.every((l) => l.status === "gereed" || l.status === "geannuleerd");
    })
    .map(summary);
  const withoutActions = open.filter((f) => !links.some((l) => l.findingId === f.id)).map(summary);
  const lateAudits = await db
    .select({
      id: internalAudits.id,
      ref: internalAudits.ref,
      processId: internalAudits.processId,
      process: processes.name,
      plannedOn: internalAudits.plannedOn,
    })
    .from(internalAudits)
    .innerJoin(processes, eq(processes.id, internalAudits.processId))
    .where(and(eq(internalAudits.status, "gepland"), lt(internalAudits.plannedOn, today)))
    .orderBy(asc(internalAudits.plannedOn));
  const risksDue = await db
    .select({ id: risks.id, ref: risks.ref, title: risks.title, lastReviewedOn: risks.lastReviewedOn })
    .from(risks)
    .where(
      and(isNull(risks.closedOn), sql`(${risks.lastReviewedOn}::date + ${risks.reviewIntervalDays} * interval '1 day') < ${today}::date`),
    );
  // The trail's head leaves the database with every digest: an anchor kept in mailboxes.
  return {
    generatedOn: today,
    overdueActions,
    reviewsDue,
    withoutActions,
    lateAudits,
    risksDue,
    chainHead: await chainHead(db),
    total: overdueActions.length + reviewsDue.length + withoutActions.length + lateAudits.length + risksDue.length,
  };
}

export type Digest = Omit<Awaited<ReturnType<typeof qualityDigest>>, "chainHead"> & { chainHead?: ChainHead | null };

/** The weekly e-mail, in plain Dutch text. */
export function digestText(d: Digest, dashboardUrl: string) {
  const section = (title: string, lines: string[]) =>
    lines.length ? [`${title} (${lines.length})`, ...lines.map((l) => `  - ${l}`), ""] : [];
  return [
    `Kwaliteitsoverzicht van ${formatDay(d.generatedOn)}: ${d.total === 0 ? "niets vraagt aandacht." : `${d.total} punt(en) vragen aandacht.`}`,
    "",
    ...section(
      "Acties over de deadline",
      d.overdueActions.map((a) => `${a.ref} ${a.title} (${a.owner}, deadline ${formatDay(a.dueOn)})`),
    ),
    ...section(
      "Afwijkingen klaar voor doeltreffendheidsbeoordeling",
      d.reviewsDue.map((f) => `${f.ref} ${f.title}`),
    ),
    ...section(
      "Afwijkingen zonder actie",
      d.withoutActions.map((f) => `${f.ref} ${f.title} (sinds ${formatDay(f.foundOn)})`),
    ),
    ...section(
      "Interne audits te laat",
      d.lateAudits.map((a) => `${a.ref} ${a.process} (gepland ${formatDay(a.plannedOn)})`),
    ),
    ...section(
      "Risico's niet tijdig beoordeeld",
      d.risksDue.map((r) => `${r.ref} ${r.title} (laatst ${formatDay(r.lastReviewedOn)})`),
    ),
    ...(d.chainHead
      ? [
          `Kop van de audittrail: ${d.chainHead.seq}:${d.chainHead.hash}`,
          "(bewaar deze regel; 'npm run cli -- audit verify --anchor <kop>' toont later of de trail tot hier onveranderd is)",
          "",
        ]
      : []),
    `Dashboard: ${dashboardUrl}`,
  ].join("\n");
}
