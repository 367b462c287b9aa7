import { and, eq } from "drizzle-orm";
import type { Db } from "../types.ts";
import { questionnaires } from "../schema.ts";
import { DEFAULT_QUESTIONNAIRE_KEY, defaultQuestionnaire } from "../../api/domain/survey/questionnaire.ts";

/** Version 1 of the default questionnaire; returns its id. */
export async function ensureDefaultQuestionnaire(db: Db): Promise<string> {
  const where = and(eq(questionnaires.key, DEFAULT_QUESTIONNAIRE_KEY), eq(questionnaires.version, 1));
  const [existing] = await db.select({ id: questionnaires.id }).from(questionnaires).where(where);
  if (existing) return existing.id;
  const [row] = await db
    .insert(questionnaires)
    .values({
      key: DEFAULT_QUESTIONNAIRE_KEY,
      version: 1,
      title: defaultQuestionnaire.title,
      definition: defaultQuestionnaire,
    })
    .returning({ id: questionnaires.id });
  return row.id;
}
