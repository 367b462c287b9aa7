import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { questionnaires, type Wave } from "../../db/schema.ts";
import { scoredTexts } from "../domain/survey/definition-check.ts";

/**
 * Which questions and dimensions of `wave` may not be compared with `previous`: a scored
 * question the editor marked as no longer comparable in any version between the two, or one
 * whose dimension changed. A dimension with such a question is not compared either, because
 * its mean no longer measures the same thing.
 */
export async function notComparable(db: Db, wave: Wave, previous: Wave) {
  const [cur] = await db.select().from(questionnaires).where(eq(questionnaires.id, wave.questionnaireId));
  const [old] = await db.select().from(questionnaires).where(eq(questionnaires.id, previous.questionnaireId));
  if (!cur || !old || cur.id === old.id) return { questions: [], dimensions: [] };
  // Walk the chain of versions from the current one back to the previous wave's version.
  const chain = [cur];
  for (let v = cur; v.basedOnId && v.id !== old.id && chain.length < 50; ) {
    const [base] = await db
      .select()
      .from(questionnaires)
      .where(inArray(questionnaires.id, [v.basedOnId]));
    if (!base) break;
    chain.push(base);
    v = base;
  }
  const now = scoredTexts(cur.definition),
    before = scoredTexts(old.definition);
  const questions: { question: string; dimension: string; reason: string }[] = [];
  for (const [name, q] of now) {
    const was = before.get(name);
    if (!was) continue;
    if (was.dimension !== q.dimension) questions.push({ question: name, dimension: q.dimension, reason: "dimension_changed" });
    else if (chain.filter((v) => v.id !== old.id).some((v) => v.comparability[name]?.comparable === false))
      questions.push({ question: name, dimension: q.dimension, reason: "reworded" });
  }
  return { questions, dimensions: [...new Set(questions.map((q) => q.dimension))].sort() };
}
