import { asc, desc, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import type { z } from "@hono/zod-openapi";
import type { SurveyDefinitionSchema } from "../lib/json-schemas.ts";
import { questionnaires, waves } from "../../db/schema.ts";
import { checkDefinition, rewordedQuestions } from "../domain/survey/definition-check.ts";
import { respondentDefinition } from "../domain/survey/not-applicable.ts";
import { validateAnswers } from "../domain/survey/validate.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { ApiError } from "../lib/errors.ts";
import { isUuid } from "../lib/ids.ts";
import { conflictOnDuplicate } from "../lib/unique.ts";

type Row = typeof questionnaires.$inferSelect;
type Definition = Record<string, unknown>;
/** A stored definition passed checkDefinition on the way in: it has the SurveyJS shape the contract names. */
type StoredDefinition = z.infer<typeof SurveyDefinitionSchema>;

export async function findVersion(db: Db, id: string): Promise<Row> {
  if (!isUuid(id)) throw new ApiError(404, "questionnaire_not_found");
  const [row] = await db.select().from(questionnaires).where(eq(questionnaires.id, id));
  if (!row) throw new ApiError(404, "questionnaire_not_found");
  return row;
}

async function inUse(db: Db, id: string) {
  const [w] = await db.select({ id: waves.id }).from(waves).where(eq(waves.questionnaireId, id)).limit(1);
  return !!w;
}

/** 400 naming every element that is wrong, before anything is stored. */
export function assertDefinition(definition: unknown) {
  const problems = checkDefinition(definition);
  if (problems.length) {
    throw new ApiError(
      400,
      "invalid_definition",
      { element: problems[0].element, problem: { code: problems[0].code, ...(problems[0].params ? { params: problems[0].params } : {}) } },
      problems.map((p) => ({ ...p })),
    );
  }
}

async function present(db: Db, row: Row) {
  let reworded: { question: string; comparable: boolean | null }[] = [];
  if (row.basedOnId) {
    const [base] = await db.select().from(questionnaires).where(eq(questionnaires.id, row.basedOnId));
    if (base) {
      reworded = rewordedQuestions(base.definition, row.definition).map((question) => ({
        question,
        comparable: row.comparability[question]?.comparable ?? null,
      }));
    }
  }
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    title: row.title,
    definition: row.definition as StoredDefinition,
    inUse: await inUse(db, row.id),
    basedOnId: row.basedOnId,
    reworded,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt?.toISOString() ?? null,
  };
}

export async function listQuestionnaires(db: Db) {
  const rows = await db
    .select({
      id: questionnaires.id,
      key: questionnaires.key,
      version: questionnaires.version,
      title: questionnaires.title,
      createdAt: questionnaires.createdAt,
    })
    .from(questionnaires)
    .orderBy(asc(questionnaires.key), desc(questionnaires.version));
  // Which wave uses which version: the editor shows it, and a used version is locked.
  const used = await db
    .select({ id: waves.id, name: waves.name, questionnaireId: waves.questionnaireId })
    .from(waves)
    .where(isNotNull(waves.questionnaireId))
    .orderBy(asc(waves.opensAt));
  const wavesOf = new Map<string, { id: string; name: string }[]>();
  for (const w of used) {
    if (!w.questionnaireId) continue;
    wavesOf.set(w.questionnaireId, [...(wavesOf.get(w.questionnaireId) ?? []), { id: w.id, name: w.name }]);
  }
  type Summary = { id: string; version: number; title: string; inUse: boolean; waves: { id: string; name: string }[]; createdAt: string };
  const byKey = new Map<string, { key: string; title: string; versions: Summary[] }>();
  for (const r of rows) {
    const entry = byKey.get(r.key) ?? { key: r.key, title: r.title, versions: [] };
    const ws = wavesOf.get(r.id) ?? [];
    entry.versions.push({
      id: r.id,
      version: r.version,
      title: r.title,
      inUse: ws.length > 0,
      waves: ws,
      createdAt: r.createdAt.toISOString(),
    });
    byKey.set(r.key, entry);
  }
  return [...byKey.values()];
}

export async function getVersion(db: Db, id: string) {
  return present(db, await findVersion(db, id));
}

export async function createQuestionnaire(db: Db, input: { key: string; title: string; definition: Definition }, now: Date, by: Actor) {
  assertDefinition(input.definition);
  const keyTaken = () => new ApiError(409, "questionnaire_key_taken", { key: input.key });
  const [taken] = await db.select({ id: questionnaires.id }).from(questionnaires).where(eq(questionnaires.key, input.key)).limit(1);
  if (taken) throw keyTaken();
  const row = await conflictOnDuplicate(
    () =>
      audited(db, now, async (tx) => {
        const [created] = await tx
          .insert(questionnaires)
          .values({ key: input.key, version: 1, title: input.title, definition: input.definition })
          .returning();
        return {
          result: created,
          audit: {
            ...by,
            action: "create",
            entity: "questionnaire",
            entityId: created.id,
            after: { key: created.key, version: 1, title: created.title },
          },
        };
      }),
    keyTaken,
  );
  return present(db, row);
}

/**
 * "New version" copies the newest version of the same questionnaire, whichever version the
 * caller points at. Two editors at once get two consecutive versions, never one number twice
 * (the unique key on key+version refuses the loser, which then retries with the next number).
 */
export async function createVersion(db: Db, id: string, now: Date, by: Actor) {
  const from = await findVersion(db, id);
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await audited(db, now, async (tx) => {
        const [latest] = await tx
          .select()
          .from(questionnaires)
          .where(eq(questionnaires.key, from.key))
          .orderBy(desc(questionnaires.version))
          .limit(1);
        const [created] = await tx
          .insert(questionnaires)
          .values({
            key: latest.key,
            version: latest.version + 1,
            title: latest.title,
            definition: latest.definition,
            basedOnId: latest.id,
          })
          .returning();
        return {
          result: created,
          audit: {
            ...by,
            action: "create",
            entity: "questionnaire",
            entityId: created.id,
            after: { key: created.key, version: created.version, copiedFrom: latest.version },
          },
        };
      });
      return present(db, row);
    } catch (e) {
      if (attempt < 5 && /questionnaires_key_version|duplicate key/.test(String((e as { cause?: unknown }).cause ?? e))) continue;
      throw e;
    }
  }
}

type VersionEdit = { title?: string; definition: Definition; comparability: Record<string, boolean> };
type VersionRow = Row;

/**
 * Whether each question reworded since the version this one was based on still compares with
 * it: from the edit, else from what the version already says; refused when neither says.
 */
async function comparabilityOf(db: Db, row: VersionRow, input: VersionEdit) {
  if (!row.basedOnId) return {};
  const [base] = await db.select().from(questionnaires).where(eq(questionnaires.id, row.basedOnId));
  const reworded = base ? rewordedQuestions(base.definition, input.definition) : [];
  const missing = reworded.filter((q) => input.comparability[q] === undefined && row.comparability[q] === undefined);
  if (missing.length) {
    throw new ApiError(
      400,
      "comparability_required",
      { question: missing[0] },
      missing.map((question) => ({ question, reason: "reworded" })),
    );
  }
  return Object.fromEntries(reworded.map((q) => [q, { comparable: input.comparability[q] ?? row.comparability[q].comparable }]));
}

export async function updateVersion(db: Db, id: string, input: VersionEdit, now: Date, by: Actor) {
  await findVersion(db, id);
  assertDefinition(input.definition);
  const updated = await audited(db, now, async (tx) => {
    // Lock the version, then check use and build the change on it: a wave created meanwhile wins,
    // and of two edits sent at once the later keeps what the first wrote where it says nothing (a title).
    const [row] = await tx.select().from(questionnaires).where(eq(questionnaires.id, id)).for("update");
    const comparability = await comparabilityOf(tx, row, input);
    const [used] = await tx.select({ id: waves.id }).from(waves).where(eq(waves.questionnaireId, id)).limit(1);
    if (used) throw new ApiError(409, "questionnaire_in_use", { version: row.version });
    const [u] = await tx
      .update(questionnaires)
      .set({ title: input.title ?? row.title, definition: input.definition, comparability, updatedAt: now })
      .where(eq(questionnaires.id, id))
      .returning();
    return {
      result: u,
      audit: {
        ...by,
        action: "update",
        entity: "questionnaire",
        entityId: id,
        before: { title: row.title, comparability: row.comparability },
        after: { title: u.title, version: u.version, comparability },
      },
    };
  });
  return present(db, updated);
}

export async function previewVersion(db: Db, id: string, locale: "nl" | "en") {
  const row = await findVersion(db, id);
  return { definition: { ...respondentDefinition(row.definition as StoredDefinition), locale }, locale };
}

/** A test submission: the same checks as a real one, and nothing is written. */
export async function testAnswers(db: Db, id: string, data: Record<string, unknown>) {
  const row = await findVersion(db, id);
  const errors = validateAnswers(row.definition, data, "submit");
  return { valid: errors.length === 0, stored: false as const, errors };
}
