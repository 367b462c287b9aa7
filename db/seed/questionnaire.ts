import { and, eq } from "drizzle-orm";
import type { Db } from "../types.ts";
import { questionnaires } from "../schema.ts";
import { DEFAULT_QUESTIONNAIRE_KEY, defaultQuestionnaire } from "../../api/domain/survey/questionnaire.ts";
import { canonicalJson, dutchOnly, localText } from "../../api/domain/survey/local-text.ts";
import { audited } from "../../api/audit/audit.service.ts";

/**
 * Version 1 of the default questionnaire; returns its id. Runs at every start, so it never
 * adds a version. A database made before the demo had English keeps its version 1, and gets
 * the translations written into it: the Dutch, the structure and so the meaning are the
 * same (checked), so the answers already given stay comparable and the version stays one.
 * A version 1 whose Dutch differs from this file is left exactly as it is. The one change
 * is in the audit trail, since a version in use is otherwise never changed.
 */
export async function ensureDefaultQuestionnaire(db: Db): Promise<string> {
  const where = and(eq(questionnaires.key, DEFAULT_QUESTIONNAIRE_KEY), eq(questionnaires.version, 1));
  const [existing] = await db.select({ id: questionnaires.id, definition: questionnaires.definition }).from(questionnaires).where(where);
  if (existing) {
    const stored = canonicalJson(existing.definition);
    const current = canonicalJson(defaultQuestionnaire);
    if (stored !== current && canonicalJson(dutchOnly(existing.definition)) === canonicalJson(dutchOnly(defaultQuestionnaire))) {
      await audited(db, new Date(), async (tx) => {
        await tx.update(questionnaires).set({ definition: defaultQuestionnaire }).where(eq(questionnaires.id, existing.id));
        return {
          result: undefined,
          audit: {
            actorId: null,
            actor: "systeem (demo-vragenlijst)",
            ip: null,
            action: "update",
            entity: "questionnaire",
            entityId: existing.id,
            after: { version: 1, translations: ["en"], meaning: "ongewijzigd (zelfde Nederlandse tekst)" },
          },
        };
      });
    }
    return existing.id;
  }
  const [row] = await db
    .insert(questionnaires)
    .values({
      key: DEFAULT_QUESTIONNAIRE_KEY,
      version: 1,
      title: localText(defaultQuestionnaire.title),
      definition: defaultQuestionnaire,
    })
    .returning({ id: questionnaires.id });
  return row.id;
}
