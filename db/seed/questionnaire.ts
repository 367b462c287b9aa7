import { and, eq } from "drizzle-orm";
import type { Db } from "../types.ts";
import { questionnaires } from "../schema.ts";
import { DEFAULT_QUESTIONNAIRE_KEY, defaultQuestionnaire } from "../../api/domain/survey/questionnaire.ts";
import { defaultQuestionnaireV2 } from "../../api/domain/survey/questionnaire-v2.ts";
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
  // Two starts at once on an empty database: the unique key+version lets one insert; the other reads it.
  const [row] = await db
    .insert(questionnaires)
    .values({
      key: DEFAULT_QUESTIONNAIRE_KEY,
      version: 1,
      title: localText(defaultQuestionnaire.title),
      definition: defaultQuestionnaire,
    })
    .onConflictDoNothing({ target: [questionnaires.key, questionnaires.version] })
    .returning({ id: questionnaires.id });
  if (row) return row.id;
  const [winner] = await db.select({ id: questionnaires.id }).from(questionnaires).where(where);
  return winner.id;
}

/**
 * Version 2 of the demo questionnaire (n.v.t. and routing, questionnaire-v2.ts), based on
 * version 1; returns both ids. Added once: on a fresh database, and on a database that has
 * only version 1 (the demo's closed waves keep that). Whatever version 2 exists is kept as
 * it is, also one made in the editor, so a restart never adds a version. Two starts at once:
 * the unique key+version lets one insert (and audit); the other reads the winner's row.
 */
export async function ensureDemoQuestionnaires(db: Db, now: Date): Promise<{ v1: string; v2: string }> {
  const v1 = await ensureDefaultQuestionnaire(db);
  const where = and(eq(questionnaires.key, DEFAULT_QUESTIONNAIRE_KEY), eq(questionnaires.version, 2));
  const [existing] = await db.select({ id: questionnaires.id }).from(questionnaires).where(where);
  if (existing) return { v1, v2: existing.id };
  const created = await audited(db, now, async (tx) => {
    const [row] = await tx
      .insert(questionnaires)
      .values({
        key: DEFAULT_QUESTIONNAIRE_KEY,
        version: 2,
        title: localText(defaultQuestionnaireV2.title),
        definition: defaultQuestionnaireV2,
        basedOnId: v1,
      })
      .onConflictDoNothing({ target: [questionnaires.key, questionnaires.version] })
      .returning({ id: questionnaires.id });
    return {
      result: row?.id,
      audit: row
        ? {
            actorId: null,
            actor: "systeem (demo-vragenlijst)",
            ip: null,
            action: "create",
            entity: "questionnaire",
            entityId: row.id,
            after: { key: DEFAULT_QUESTIONNAIRE_KEY, version: 2, copiedFrom: 1, changes: ["weet niet / n.v.t.", "routering casusoverleg"] },
          }
        : [],
    };
  });
  if (created) return { v1, v2: created };
  const [winner] = await db.select({ id: questionnaires.id }).from(questionnaires).where(where);
  return { v1, v2: winner.id };
}
