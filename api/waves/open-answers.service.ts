import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { openAnswers, responses } from "../../db/schema.ts";
import { MIN_GROUP_OPEN_ANSWERS } from "../domain/stats/suppression.ts";
import { getWave } from "./waves.service.ts";

const LIMIT = 200;
const COLUMN = { organisationType: responses.organisationType, branch: responses.branchId } as const;

/**
 * Groups whose answers may be shown. Hidden groups together must hold at least 10 people,
 * or their answers could be read off as "everyone minus the groups shown"; so the
 * smallest shown groups join the hidden ones until that holds.
 */
export function visibleGroups(groups: { key: string; n: number }[]) {
  const hidden = groups.filter((g) => g.n < MIN_GROUP_OPEN_ANSWERS);
  const shown = groups.filter((g) => g.n >= MIN_GROUP_OPEN_ANSWERS).sort((a, b) => a.n - b.n);
  const total = () => hidden.reduce((s, g) => s + g.n, 0);
  while (hidden.length && total() < MIN_GROUP_OPEN_ANSWERS && shown.length) hidden.push(shown.shift()!);
  return new Set(shown.map((g) => g.key));
}

/**
 * Open answers, only where at least 10 people answered: with fewer, a quote can point at
 * its writer. Sorted by text, never by time, for the same reason.
 */
export async function listOpenAnswers(db: Db, waveId: string, q: { dimension?: string; groupBy?: keyof typeof COLUMN }) {
  const wave = await getWave(db, waveId);
  const col = q.groupBy ? COLUMN[q.groupBy] : sql<string>`'alle'`;
  const sizes = await db
    .select({ group: sql<string>`coalesce(${col}::text, 'onbekend')`, n: sql<number>`count(*)::int` })
    .from(responses)
    .where(eq(responses.waveId, wave.id))
    .groupBy(sql`1`);
  const shown = visibleGroups(sizes.map((s) => ({ key: s.group, n: Number(s.n) })));
  const groupCol =
    q.groupBy === "branch" ? openAnswers.branchId : q.groupBy === "organisationType" ? openAnswers.organisationType : sql<string>`'alle'`;
  // At most LIMIT answers per group and question in the list; the total says how many there are.
  const filtered = and(eq(openAnswers.waveId, wave.id), q.dimension ? eq(openAnswers.dimension, q.dimension) : undefined);
  const ranked = db
    .select({
      group: sql<string>`coalesce(${groupCol}::text, 'onbekend')`.as("grp"),
      question: openAnswers.question,
      dimension: openAnswers.dimension,
      text: openAnswers.text,
      rank: sql<number>`row_number() over (partition by coalesce(${groupCol}::text, 'onbekend'), ${openAnswers.question} order by ${openAnswers.text})`.as(
        "rank",
      ),
      total: sql<number>`count(*) over (partition by coalesce(${groupCol}::text, 'onbekend'), ${openAnswers.question})`.as("total"),
    })
    .from(openAnswers)
    .where(filtered)
    .as("ranked");
  const rows = await db.select().from(ranked).where(lte(ranked.rank, LIMIT)).orderBy(asc(ranked.question), asc(ranked.text));
  const totals = (group: string) => Object.fromEntries(rows.filter((r) => r.group === group).map((r) => [r.question, Number(r.total)]));
  return {
    wave: { id: wave.id, name: wave.name },
    minGroupSize: MIN_GROUP_OPEN_ANSWERS,
    groupBy: q.groupBy ?? null,
    limitPerQuestion: LIMIT,
    groups: sizes
      .map((s) => {
        const visible = shown.has(s.group);
        return {
          key: s.group,
          respondents: visible ? Number(s.n) : null,
          suppressed: !visible,
          answers: visible
            ? rows.filter((r) => r.group === s.group).map(({ question, dimension, text }) => ({ question, dimension, text }))
            : [],
          totals: visible ? totals(s.group) : {},
        };
      })
      .sort((a, b) => a.key.localeCompare(b.key)),
  };
}
