import { and, desc, lte, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { answers, questionnaires, waves, type Wave } from "../../db/schema.ts";
import { eq } from "drizzle-orm";
import { scoredQuestions } from "../domain/survey/definition.ts";
import { overallResults } from "../domain/survey/results.ts";
import { npsDifference, twoProportion, welch } from "../domain/stats/tests.ts";
import { getWave, waveStatus } from "./waves.service.ts";
import { notComparable } from "./comparability.ts";
import { loadAggregates } from "./results.service.ts";

async function overall(db: Db, wave: Wave) {
  const [q] = await db.select().from(questionnaires).where(eq(questionnaires.id, wave.questionnaireId));
  return overallResults(scoredQuestions(q.definition), await loadAggregates(db, wave.id, "organisationType"));
}

/** A wave's overall results when the caller has them already (the start page); undefined: read here. */
export type KnownOverall = (wave: Wave) => Promise<ReturnType<typeof overallResults>> | undefined;

/** The wave before: the latest one that closed before this one opened and has answers. */
async function previousWave(db: Db, wave: Wave) {
  const [prev] = await db
    .select()
    .from(waves)
    .where(
      and(ne(waves.id, wave.id), lte(waves.closesAt, wave.opensAt), sql`exists (select 1 from ${answers} a where a.wave_id = ${waves.id})`),
    )
    .orderBy(desc(waves.closesAt))
    .limit(1);
  return prev ?? null;
}

type Score = { n: number; mean: number; sd: number };
const pair = (cur: Score, prev: Score) => ({
  current: { mean: cur.mean, n: cur.n },
  previous: { mean: prev.mean, n: prev.n },
  difference: cur.mean - prev.mean,
  test: welch(cur.mean, cur.sd, cur.n, prev.mean, prev.sd, prev.n),
});

/**
 * This wave against the one before, with a significance test per figure (Welch for means,
 * a z-test for NPS and response rate), so that management does not chase noise.
 * Suppressed figures are not compared.
 */
export async function getWaveComparison(db: Db, waveId: string, now: Date = new Date(), known?: KnownOverall) {
  const wave = await getWave(db, waveId);
  const prev = await previousWave(db, wave);
  // A running wave is compared provisionally: its figures still move until it closes.
  const running = [wave, prev].filter((w): w is Wave => !!w && waveStatus(w, now) !== "gesloten");
  const excluded = prev ? await notComparable(db, wave, prev) : { questions: [], dimensions: [] };
  const head = {
    wave: { id: wave.id, name: wave.name },
    previous: prev && { id: prev.id, name: prev.name },
    alpha: 0.05,
    provisional: running.length > 0,
    provisionalNote: running.length
      ? `Voorlopig: ${running.map((w) => `'${w.name}' loopt nog tot ${w.closesAt.toISOString().slice(0, 10)}`).join(", ")}.`
      : null,
    notComparable: excluded,
  };
  if (!prev) return { ...head, dimensions: [], questions: [], nps: null, responseRate: null };
  const [cur, old] = await Promise.all([wave, prev].map((w) => known?.(w) ?? overall(db, w)));
  if (cur.suppressed || old.suppressed) return { ...head, dimensions: [], questions: [], nps: null, responseRate: null };
  const dimensions = cur.dimensions.flatMap((d) => {
    const p = old.dimensions.find((x) => x.dimension === d.dimension);
    return p && !excluded.dimensions.includes(d.dimension) ? [{ dimension: d.dimension, label: d.label, ...pair(d, p) }] : [];
  });
  const questions = cur.questions.flatMap((q) => {
    const p = old.questions.find((x) => x.question === q.question);
    return p && !excluded.questions.some((e) => e.question === q.question)
      ? [{ question: q.question, title: q.title, dimension: q.dimension, ...pair(q, p) }]
      : [];
  });
  const nps =
    cur.nps && old.nps
      ? { current: cur.nps.nps, previous: old.nps.nps, difference: cur.nps.nps - old.nps.nps, test: npsDifference(cur.nps, old.nps) }
      : null;
  const responseRate =
    cur.invited && old.invited
      ? {
          current: cur.respondents / cur.invited,
          previous: old.respondents / old.invited,
          test: twoProportion(cur.respondents, cur.invited, old.respondents, old.invited),
        }
      : null;
  return { ...head, dimensions, questions, nps, responseRate };
}
