import { sql, type SQL } from "drizzle-orm";
import { rebuildAnswerCounts } from "../../api/waves/answer-counts.ts";
import type { Db } from "../../db/types.ts";
import { waves } from "../../db/schema.ts";
import { rows } from "../../db/migrate.ts";
import { BRANCHES, MUNICIPALITIES, PARTNERS, seedReference, slug } from "../../db/seed/reference.ts";
import { ensureDefaultQuestionnaire } from "../../db/seed/questionnaire.ts";
import { defaultQuestionnaire } from "../../api/domain/survey/questionnaire.ts";
import { scoredQuestions } from "../../api/domain/survey/definition.ts";

/**
 * A synthetic, closed, anonymous wave of N responses, generated inside the database with
 * set-based SQL (generate_series into temp tables, then one INSERT ... SELECT per table),
 * so that 100 000 responses load in seconds, not in 100 000 round trips.
 *
 * Distributions follow db/seed/demo.ts: a respondent "mood" ~ N(0, 0.5) shifts every
 * 1–5 statement around a per-dimension mean (sd 0.8); the rapportcijfer and the NPS item
 * follow the respondent's average; ~50 % / 60 % leave an open answer.
 */

export const WAVE_OPENS = new Date("2026-09-14T07:00:00Z");
export const WAVE_CLOSES = new Date("2026-10-30T23:00:00Z");
/** "Now" for the benchmark: the wave has closed, as when its results are discussed. */
export const BENCH_NOW = new Date("2026-11-16T09:00:00Z");

/** Mean per dimension on the 1–5 scale (the KTO 2026 profile of the demo seed). */
const PROFILE: Record<string, number> = {
  bekendheid: 3.8,
  rolduidelijkheid: 3.4,
  casusoverleg: 3.6,
  informatiedeling: 3.5,
  meerwaarde: 4.0,
  samenwerking: 3.9,
};
/** Small differences between organisation types, so that the group rows differ. */
const TYPE_SHIFT: Record<string, number> = { gemeente: 0.1, justitie: -0.2, zorg: 0.05, veiligheid: -0.1, wonen: 0.15, overig: 0 };
/** People invited per partner, as in the demo seed; plus a catch-all "overig" partner. */
const weight = (type: string) => (type === "gemeente" || type === "wonen" ? 3 : type === "veiligheid" ? 18 : 8);
const BENCH_PARTNERS = [...PARTNERS, { name: "Overige ketenpartner", type: "overig" as const, municipality: undefined }];

const GOOD = [
  "Korte lijnen met de procesregisseur; je weet wie je moet bellen.",
  "De triage op dinsdag werkt snel en is voorspelbaar.",
  "Goede voorzitter die iedereen aan het woord laat.",
];
const BETTER = [
  "Het is niet altijd duidelijk wie na afloop de casusregie heeft.",
  "Vervolgafspraken worden niet altijd bewaakt.",
  "Terugkoppeling aan de aanmelder kan sneller.",
];

export interface SyntheticWave {
  waveId: string;
  invited: number;
  responses: number;
  answers: number;
  openAnswers: number;
}

const textArray = (values: string[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}::text`),
    sql`, `,
  )}]`;
const intArray = (values: number[]) =>
  sql`array[${sql.join(
    values.map((v) => sql`${v}::int`),
    sql`, `,
  )}]`;

/** Respondent of invitation i: partner, organisation type, municipality, branch; the first N respond. */
function peopleSql(invited: number, responses: number, opensAt: Date, closesAt: Date): SQL {
  const partners = sql.join(
    BENCH_PARTNERS.map(
      (p, k) => sql`(${k + 1}::int, ${p.name}::text, ${p.type}::text, ${p.municipality ? slug(p.municipality) : null}::text)`,
    ),
    sql`, `,
  );
  const slots = BENCH_PARTNERS.flatMap((p, k) => Array<number>(weight(p.type)).fill(k + 1));
  const spanSeconds = ((closesAt.getTime() - opensAt.getTime()) / 1000) * 0.9;
  return sql`create temp table bench_people on commit drop as
    with draw as (
      select i, random() as r_partner, random() as r_local, random() as r_mun, random() as r_nobranch, random() as r_branch,
             random() as r_when, sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) as z
      from generate_series(1, ${invited}::int) as i
    ), chosen as (
      select d.*, p.name, p.type,
             coalesce(p.municipality_id, case when d.r_local < 0.75
               then (${textArray(MUNICIPALITIES.map((m) => m.id))})[1 + floor(d.r_mun * ${MUNICIPALITIES.length}::int)::int] end) as municipality_id
      from draw d
      join (values ${partners}) as p(k, name, type, municipality_id)
        on p.k = (${intArray(slots)})[1 + floor(d.r_partner * ${slots.length}::int)::int]
    )
    select c.i, gen_random_uuid() as invitation_id, gen_random_uuid() as response_id, c.name as organisation,
           c.type::organisation_type as organisation_type, c.municipality_id,
           coalesce(m.branch_id, case when c.r_nobranch >= 0.03
             then (${textArray(BRANCHES.map((b) => b.id))})[1 + floor(c.r_branch * ${BRANCHES.length}::int)::int] end) as branch_id,
           c.i <= ${responses}::int as responded,
           case when c.i <= ${responses}::int then ${opensAt.toISOString()}::timestamptz + make_interval(secs => c.r_when * ${spanSeconds}::float8) end as submitted_at,
           0.5 * c.z + (${sql.raw(
             `case c.type ${Object.entries(TYPE_SHIFT)
               .map(([t, s]) => `when '${t}' then ${s}`)
               .join(" ")} else 0 end`,
           )}) as mood
    from chosen c left join municipalities m on m.id = c.municipality_id`;
}

/** 1–5 statements around the dimension mean; then the 0–10 items around the respondent's average. */
function answersSql(): SQL[] {
  const specs = scoredQuestions(defaultQuestionnaire);
  const statements = specs.filter((q) => Math.max(...(q.allowed ?? [5]).map(Number)) <= 5);
  const grades = specs.filter((q) => !statements.includes(q));
  const z = sql.raw("sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())");
  const items = sql.join(
    statements.map((q) => sql`(${q.name}::text, ${q.dimension!}::text, ${PROFILE[q.dimension!] ?? 3.5}::float8)`),
    sql`, `,
  );
  const gradeRows = sql.join(
    grades.map((q) =>
      q.dimension === "nps"
        ? sql`(${q.name}::text, ${q.dimension}::text, least(10, greatest(0, round(1.3 + 1.55 * a.avg + 1.2 * ${z}))))`
        : sql`(${q.name}::text, ${q.dimension!}::text, least(10, greatest(1, round(2.9 + a.avg + 0.8 * ${z}))))`,
    ),
    sql`, `,
  );
  return [
    sql`create temp table bench_answers on commit drop as
      select p.response_id, q.question, q.dimension, least(5, greatest(1, round(q.mu + p.mood + 0.8 * ${z})))::smallint as value
      from bench_people p cross join (values ${items}) as q(question, dimension, mu) where p.responded`,
    sql`insert into bench_answers (response_id, question, dimension, value)
      select a.response_id, g.question, g.dimension, g.value::smallint
      from (select response_id, avg(value)::float8 as avg from bench_answers group by response_id) a
      cross join lateral (values ${gradeRows}) as g(question, dimension, value)`,
    sql`create temp table bench_open on commit drop as
      select response_id, 'goed'::text as question, (${textArray(GOOD)})[1 + floor(random() * ${GOOD.length}::int)::int] as text
        from bench_people where responded and random() < 0.5
      union all
      select response_id, 'beter', (${textArray(BETTER)})[1 + floor(random() * ${BETTER.length}::int)::int]
        from bench_people where responded and random() < 0.6`,
  ];
}

function insertsSql(waveId: string): SQL[] {
  return [
    sql`insert into invitations (id, wave_id, token_hash, organisation, organisation_type, municipality_id, branch_id, submitted_at, created_at)
      select invitation_id, ${waveId}::uuid, encode(sha256(convert_to(invitation_id::text, 'UTF8')), 'hex'), organisation,
             organisation_type, municipality_id, branch_id, submitted_at, ${WAVE_OPENS.toISOString()}::timestamptz
      from bench_people order by i`,
    sql`insert into responses (id, wave_id, organisation_type, municipality_id, branch_id, data, submitted_on)
      select p.response_id, ${waveId}::uuid, p.organisation_type, p.municipality_id, p.branch_id,
             d.data || coalesce(o.data, '{}'::jsonb), to_char(p.submitted_at at time zone 'UTC', 'YYYY-MM-DD')
      from bench_people p
      join (select response_id, jsonb_object_agg(question, value) as data from bench_answers group by response_id) d using (response_id)
      left join (select response_id, jsonb_object_agg(question, text) as data from bench_open group by response_id) o using (response_id)
      order by p.submitted_at`,
    sql`insert into answers (response_id, wave_id, question, dimension, value, organisation_type, branch_id, municipality_id)
      select a.response_id, ${waveId}::uuid, a.question, a.dimension, a.value, p.organisation_type, p.branch_id, p.municipality_id
      from bench_answers a join bench_people p using (response_id) order by p.submitted_at, a.question`,
    sql`insert into open_answers (response_id, wave_id, question, dimension, text, organisation_type, branch_id)
      select o.response_id, ${waveId}::uuid, o.question, null, o.text, p.organisation_type, p.branch_id
      from bench_open o join bench_people p using (response_id)`,
  ];
}

/** Loads the wave; `responseRate` sets how many invitations there are in all (default 45 %, as in the demo). */
export async function loadSyntheticWave(
  db: Db,
  responses: number,
  options: { responseRate?: number; seed?: number } = {},
): Promise<SyntheticWave> {
  await seedReference(db);
  const questionnaireId = await ensureDefaultQuestionnaire(db);
  const [wave] = await db
    .insert(waves)
    .values({
      name: `Benchmark ${responses} antwoorden ${Date.now()}`,
      questionnaireId,
      opensAt: WAVE_OPENS,
      closesAt: WAVE_CLOSES,
      anonymous: true,
    })
    .returning();
  const invited = Math.ceil(responses / (options.responseRate ?? 0.45));
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await t.execute(sql`select setseed(${options.seed ?? 0.20261116}::float8)`);
    await t.execute(peopleSql(invited, responses, WAVE_OPENS, WAVE_CLOSES));
    for (const statement of [...answersSql(), ...insertsSql(wave.id)]) await t.execute(statement);
    // Submissions keep answer_counts up to date one by one; a bulk load rebuilds them at once.
    await rebuildAnswerCounts(t, wave.id);
  });
  const [counts] = rows<Record<string, unknown>>(
    await db.execute(sql`select
    (select count(*) from invitations where wave_id = ${wave.id}) as invited,
    (select count(*) from responses where wave_id = ${wave.id}) as responses,
    (select count(*) from answers where wave_id = ${wave.id}) as answers,
    (select count(*) from open_answers where wave_id = ${wave.id}) as open_answers`),
  );
  return {
    waveId: wave.id,
    invited: Number(counts.invited),
    responses: Number(counts.responses),
    answers: Number(counts.answers),
    openAnswers: Number(counts.open_answers),
  };
}

/** Fresh statistics and visibility map, as autovacuum would leave a closed wave. */
export async function analyse(db: Db) {
  for (const table of ["invitations", "responses", "answers", "answer_counts", "open_answers"]) {
    await db.execute(sql.raw(`vacuum (analyze) ${table}`));
  }
}
