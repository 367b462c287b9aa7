import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { rows } from "../../db/migrate.ts";
import { scoredQuestions } from "../domain/survey/definition.ts";
import { groupResults, overallResults, type Aggregates } from "../domain/survey/results.ts";
import { getWave, waveStatus } from "./waves.service.ts";
import { questionnaires } from "../../db/schema.ts";
import { eq } from "drizzle-orm";
import { notApplicableQuestions } from "../domain/survey/not-applicable.ts";
import { mixPool, pendingCount } from "../respond/pool.service.ts";
import { foldDue, foldInvitationCounts } from "./invitation-counts.ts";

export const GROUPINGS = { organisationType: "organisation_type", branch: "branch_id", municipality: "municipality_id" } as const;
export type Grouping = keyof typeof GROUPINGS;

/** n, mean and sample sd from value counts: exact, because the counts are sufficient statistics. */
const MOMENTS = sql`sum(n)::int as n, (sum(n * value) / sum(n))::float8 as mean,
  coalesce(sqrt(greatest(0, (sum(n * value * value) - sum(n * value) ^ 2 / sum(n)) / nullif(sum(n) - 1, 0))), 0)::float8 as sd`;

/**
 * All aggregates for one wave and the given groupings, each kind in a single GROUPING SETS
 * pass: the everyone row and the rows of every grouping from one scan. Five queries for any
 * number of groupings: four over the wave's answer counts (a few thousand rows however many
 * responses) and one over its invitation counts (invited and responded per group, kept by
 * triggers: api/waves/invitation-counts.ts).
 */
export async function loadAggregatesBy<G extends Grouping>(
  db: Db,
  waveId: string,
  groupings: readonly G[],
): Promise<Record<G, Aggregates>> {
  const cols = groupings.map((g) => ({ grouping: g, col: sql.raw(GROUPINGS[g]) }));
  // Which grouping a row belongs to (null: everyone), and its group key ('onbekend' where the respondent has no value).
  const which = sql`case ${sql.join(
    cols.map(({ grouping, col }) => sql`when grouping(${col}) = 0 then ${sql.raw(`'${grouping}'`)}`),
    sql` `,
  )} end`;
  const g = sql`case ${sql.join(
    cols.map(({ col }) => sql`when grouping(${col}) = 0 then coalesce(nullif(${col}::text, ''), 'onbekend')`),
    sql` `,
  )} end`;
  const sets = (...keys: SQL[]) =>
    sql`grouping sets (${sql.join(
      [sql`(${sql.join(keys, sql`, `)})`, ...cols.map(({ col }) => sql`(${sql.join([...keys, col], sql`, `)})`)],
      sql`, `,
    )})`;
  const everyone = (keys: SQL[]) =>
    keys.length
      ? sets(...keys)
      : sql`grouping sets ((), ${sql.join(
          cols.map(({ col }) => sql`(${col})`),
          sql`, `,
        )})`;
  const item = sql.raw("item"),
    value = sql.raw("value");
  const counts = (kind: string) => sql`answer_counts where wave_id = ${waveId} and kind = ${kind}`;
  const [questions, dimensions, distribution, npsRows, invited] = await Promise.all([
    db.execute(sql`select ${which} as gset, ${g} as grp, item, ${MOMENTS} from ${counts("question")} group by ${everyone([item])}`),
    db.execute(sql`select ${which} as gset, ${g} as grp, item, ${MOMENTS} from ${counts("dimension")} group by ${everyone([item])}`),
    db.execute(sql`select ${which} as gset, ${g} as grp, item, value::float8 as value, sum(n)::int as n
      from ${counts("question")} group by ${everyone([item, value])}`),
    db.execute(sql`select ${which} as gset, ${g} as grp, coalesce(sum(n) filter (where value >= 9), 0) as promoters,
      coalesce(sum(n) filter (where value between 7 and 8), 0) as passives, coalesce(sum(n) filter (where value <= 6), 0) as detractors
      from ${counts("question")} and dimension = 'nps' group by ${everyone([])}`),
    // From the kept counts, not the invitations: a few rows per group at any response count.
    // The everyone row also says how many delta rows and groups there are, to decide on a fold.
    db.execute(sql`select ${which} as gset, ${g} as grp, coalesce(sum(invited), 0)::int as invited,
      coalesce(sum(responded), 0)::int as responded, count(*)::int as delta_rows,
      count(distinct (organisation_type, branch_id, municipality_id))::int as group_rows
      from invitation_counts where wave_id = ${waveId} group by ${everyone([])}
      having sum(invited) <> 0 or ${which} is null`),
  ]);
  const whole = rows<Record<string, unknown>>(invited).find((r) => r.gset === null);
  if (whole && foldDue(Number(whole.delta_rows), Number(whole.group_rows))) await foldInvitationCounts(db, waveId);
  // Each grouping gets the everyone rows and its own group rows, as one query per grouping would return them.
  const split = <T>(result: unknown, map: (r: Record<string, unknown>) => T) => {
    const all = rows<Record<string, unknown>>(result);
    return (grouping: G) => all.filter((r) => r.gset === null || r.gset === grouping).map(map);
  };
  const num = (r: Record<string, unknown>) => ({
    group: r.grp as string | null,
    item: r.item as string,
    n: Number(r.n),
    mean: Number(r.mean),
    sd: Number(r.sd ?? 0),
  });
  const q = split(questions, num);
  const d = split(dimensions, num);
  const dist = split(distribution, (r) => ({
    group: r.grp as string | null,
    item: r.item as string,
    value: Number(r.value),
    n: Number(r.n),
  }));
  const nps = split(npsRows, (r) => ({
    group: r.grp as string | null,
    promoters: Number(r.promoters),
    passives: Number(r.passives),
    detractors: Number(r.detractors),
  }));
  const inv = split(invited, (r) => ({ group: r.grp as string | null, invited: Number(r.invited), responded: Number(r.responded) }));
  return Object.fromEntries(
    groupings.map((grouping) => [
      grouping,
      { questions: q(grouping), dimensions: d(grouping), distribution: dist(grouping), nps: nps(grouping), counts: inv(grouping) },
    ]),
  ) as Record<G, Aggregates>;
}

/** The aggregates for one grouping (the everyone row and its groups). */
export async function loadAggregates(db: Db, waveId: string, grouping: Grouping): Promise<Aggregates> {
  return (await loadAggregatesBy(db, waveId, [grouping]))[grouping];
}

/**
 * "Weet niet / n.v.t." per question that offers it: counted as answered, left out of the
 * means (it never reaches the scored answers), shown as its own share of those who answered.
 */
async function notApplicableShares(db: Db, waveId: string, definition: unknown) {
  const names = notApplicableQuestions(definition);
  if (!names.length) return [];
  // From the kept counts ("answered": value 1 for n.v.t., 0 for any other answer), not the responses.
  const counts = rows<{ question: string; answered: number; nvt: number }>(
    await db.execute(sql`
    select item as question, sum(n)::int as answered, coalesce(sum(n) filter (where value = 1), 0)::int as nvt
    from answer_counts where wave_id = ${waveId} and kind = 'answered'
      and item in (${sql.join(
        names.map((n) => sql`${n}`),
        sql`, `,
      )}) group by item`),
  );
  return names.map((question) => {
    const c = counts.find((x) => x.question === question);
    const answered = Number(c?.answered ?? 0),
      nvt = Number(c?.nvt ?? 0);
    return { question, answered, notApplicable: nvt, share: answered ? nvt / answered : null };
  });
}

export async function getWaveResults(db: Db, waveId: string, now: Date) {
  const wave = await getWave(db, waveId);
  // A closed wave's last, incomplete batch is mixed before its results are read; an open
  // wave's pool waits for a full batch (the background mixer), and the answer says how many wait.
  if (waveStatus(wave, now) === "gesloten") await mixPool(db, now, { waveId, minBatch: Number.POSITIVE_INFINITY });
  const pending = await pendingCount(db, waveId);
  const [q] = await db.select().from(questionnaires).where(eq(questionnaires.id, wave.questionnaireId));
  const specs = scoredQuestions(q.definition);
  const {
    organisationType: byType,
    branch: byBranch,
    municipality: byMunicipality,
  } = await loadAggregatesBy(db, waveId, ["organisationType", "branch", "municipality"] as const);
  const status = waveStatus(wave, now);
  return {
    // A running wave says so: its figures still move until the closing date.
    fieldwork: {
      running: status !== "gesloten",
      closesAt: wave.closesAt.toISOString(),
      note: status === "gesloten" ? null : `Loopt nog, sluit op ${wave.closesAt.toISOString().slice(0, 10)}.`,
    },
    notApplicable: await notApplicableShares(db, wave.id, q.definition),
    wave: {
      id: wave.id,
      name: wave.name,
      status,
      anonymous: wave.anonymous,
      opensAt: wave.opensAt.toISOString(),
      closesAt: wave.closesAt.toISOString(),
      questionnaire: { key: q.key, version: q.version },
    },
    minGroupSize: 5,
    /** Anonymous responses received but not yet mixed into these results. */
    pending,
    overall: overallResults(specs, byType),
    groups: {
      organisationType: groupResults(specs, byType),
      branch: groupResults(specs, byBranch),
      municipality: groupResults(specs, byMunicipality),
    },
  };
}
