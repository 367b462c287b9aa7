import { and, desc, eq, inArray, isNotNull, isNull, or, type SQL } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { Db } from "../../db/types.ts";
import { effectivenessReviews, evidenceFiles, findings, reviewEvidence, type Wave } from "../../db/schema.ts";
import { detail } from "../lib/error-text.ts";
import { ApiError } from "../lib/errors.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { closingCheck, closingProblems, reviewerProblem, type ClosingCheck, type ClosingState } from "../domain/quality/closing.ts";
import { getWave } from "../waves/waves.service.ts";
import { insertFinding, type NewFinding } from "./findings.store.ts";
import { actionsOfFindings, findFinding, reviewsOf } from "./quality.lookup.ts";
import { evaluateAction, surveyMeasure } from "./evaluation.service.ts";
import type { Criterion } from "../domain/quality/criterion.ts";
import type { EvaluationSchema, FindingSchema, SurveyBaseline } from "./quality.responses.ts";

type Finding = z.infer<typeof FindingSchema>;
import type { FindingUpdateSchema, FromWaveSchema, ReviewSchema } from "./quality.schemas.ts";
import { formatInterval, formatNumber } from "../domain/format/numbers.ts";

type FindingRow = typeof findings.$inferSelect;

export function publicFinding(f: FindingRow): Finding {
  // The jsonb columns hold what their input schemas accepted (RootCauseSchema, the baseline written here).
  return {
    ...f,
    status: f.closedAt ? "gesloten" : "open",
    closedAt: f.closedAt?.toISOString() ?? null,
    rootCauseAnalysis: f.rootCauseAnalysis as Finding["rootCauseAnalysis"],
    baseline: f.baseline as SurveyBaseline | null,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}

export async function createFinding(db: Db, input: NewFinding, now: Date, by: Actor) {
  if (input.sourceWaveId) await getWave(db, input.sourceWaveId);
  return publicFinding(await db.transaction((tx) => insertFinding(tx as unknown as Db, input, now, by)));
}

/** One step from a low survey score to a finding that remembers where it started. */
export async function createFindingFromWave(db: Db, waveId: string, input: z.infer<typeof FromWaveSchema>, now: Date, by: Actor) {
  const wave: Wave = await getWave(db, waveId);
  const kind = input.dimension ? "dimension" : "question";
  const key = (input.dimension ?? input.question)!;
  const m = await surveyMeasure(db, wave, kind, key, now);
  if (!m) throw new ApiError(409, "no_result", { key, wave: wave.name });
  const baseline: SurveyBaseline = {
    kind,
    key,
    label: m.title,
    waveId: wave.id,
    wave: wave.name,
    mean: m.value,
    sd: m.sd ?? 0,
    n: m.n,
    ci: m.ci,
  };
  const ci = m.ci ? `, 95%-BI ${formatInterval(m.ci)}` : "";
  return createFinding(
    db,
    {
      source: "survey",
      sourceWaveId: wave.id,
      ...(kind === "dimension" ? { sourceDimension: key } : { sourceQuestion: key }),
      title: input.title ?? `Lage score op '${m.title}' in ${wave.name}`,
      description: input.description ?? `Gemiddelde ${formatNumber(m.value, "nl", 2)} op een schaal van 1 tot 5 (n = ${m.n}${ci}).`,
      classification: input.classification,
      clauses: input.clauses,
      foundOn: now.toISOString().slice(0, 10),
      baseline,
    },
    now,
    by,
  );
}

export async function listFindings(db: Db, q: { status?: "open" | "gesloten"; source?: string; classification?: string; wave?: string }) {
  const where: SQL[] = [];
  if (q.status) where.push(q.status === "open" ? isNull(findings.closedAt) : isNotNull(findings.closedAt));
  if (q.source) where.push(eq(findings.source, q.source as FindingRow["source"]));
  if (q.classification) where.push(eq(findings.classification, q.classification as FindingRow["classification"]));
  if (q.wave) where.push(eq(findings.sourceWaveId, q.wave));
  const rows = await db
    .select()
    .from(findings)
    .where(and(...where))
    .orderBy(desc(findings.foundOn), desc(findings.ref))
    .limit(1000);
  const links = await actionsOfFindings(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((f) => ({
    ...publicFinding(f),
    actions: links
      .filter((l) => l.findingId === f.id)
      .map(({ action: a }) => ({ id: a.id, ref: a.ref, title: a.title, status: a.status, dueOn: a.dueOn })),
  }));
}

function stateOf(
  f: FindingRow,
  links: Awaited<ReturnType<typeof actionsOfFindings>>,
  reviews: Awaited<ReturnType<typeof reviewsOf>>,
): ClosingState {
  return {
    ...f,
    actions: links.map((l) => l.action),
    reviews: reviews.map((r) => ({ reviewerId: r.reviewerId, effective: r.effective, evidenceCount: r.evidenceIds.length })),
  };
}

async function closingState(db: Db, f: FindingRow): Promise<ClosingState> {
  const [links, reviews] = await Promise.all([actionsOfFindings(db, [f.id]), reviewsOf(db, f.id)]);
  return stateOf(f, links, reviews);
}

export async function getFinding(db: Db, id: string, now: Date) {
  const f = await findFinding(db, id);
  const [links, reviews] = await Promise.all([actionsOfFindings(db, [f.id]), reviewsOf(db, f.id)]);
  const actionIds = links.map((l) => l.action.id);
  const evidence = await db
    .select({
      id: evidenceFiles.id,
      filename: evidenceFiles.filename,
      size: evidenceFiles.size,
      sha256: evidenceFiles.sha256,
      concernsDate: evidenceFiles.concernsDate,
      uploadedAt: evidenceFiles.uploadedAt,
      actionId: evidenceFiles.actionId,
    })
    .from(evidenceFiles)
    .where(or(eq(evidenceFiles.findingId, f.id), inArray(evidenceFiles.actionId, actionIds)));
  const state = stateOf(f, links, reviews);
  const actions = await Promise.all(
    links.map(async ({ action: a }) => ({
      id: a.id,
      ref: a.ref,
      title: a.title,
      ownerId: a.ownerId,
      dueOn: a.dueOn,
      status: a.status,
      pdcaPhase: a.pdcaPhase,
      criterion: a.criterion as Criterion,
      completedOn: a.completedOn,
      evaluation: await evaluateAction(db, a.id, now),
    })),
  );
  return {
    ...publicFinding(f),
    actions,
    reviews: reviews.map((r) => ({
      ...r,
      evaluation: r.evaluation as z.infer<typeof EvaluationSchema>[] | null,
      createdAt: r.createdAt.toISOString(),
    })),
    evidence: evidence.map((e) => ({ ...e, uploadedAt: e.uploadedAt.toISOString() })),
    closingProblems: closingProblems(state),
  };
}

export async function updateFinding(db: Db, id: string, patch: z.infer<typeof FindingUpdateSchema>, now: Date, by: Actor) {
  const f = await findFinding(db, id);
  if (f.closedAt) throw new ApiError(409, "finding_closed");
  const { rootCauseAnalysis, ...rest } = patch;
  const set = { ...rest, ...(rootCauseAnalysis ? { rootCauseMethod: rootCauseAnalysis.method, rootCauseAnalysis } : {}), updatedAt: now };
  return audited(db, now, async (tx) => {
    // Conditional, like closeFinding: an edit that waited on a parallel close finds the finding closed and is refused.
    const [next] = await tx
      .update(findings)
      .set(set)
      .where(and(eq(findings.id, f.id), isNull(findings.closedAt)))
      .returning();
    if (!next) throw new ApiError(409, "finding_closed");
    return {
      result: publicFinding(next),
      audit: {
        ...by,
        action: "update",
        entity: "finding",
        entityId: f.id,
        before: Object.fromEntries(Object.keys(set).map((k) => [k, f[k as keyof FindingRow]])),
        after: set,
      },
    };
  });
}

/** What still stands between this finding and closing, with each action's measured effect. */
export async function getClosingCheck(
  db: Db,
  id: string,
  now: Date,
): Promise<ClosingCheck & { findingId: string; ref: string; classification: FindingRow["classification"] }> {
  const f = await findFinding(db, id);
  const [links, reviews] = await Promise.all([actionsOfFindings(db, [f.id]), reviewsOf(db, f.id)]);
  const live = links.filter((l) => l.action.status !== "geannuleerd");
  const effects = await Promise.all(
    live.map(async ({ action: a }) => {
      const e = await evaluateAction(db, a.id, now);
      return { actionId: a.id, ref: a.ref, status: e.status, explanation: e.explanation };
    }),
  );
  const check = closingCheck(
    stateOf(f, links, reviews),
    links.map(({ action: a }) => ({ id: a.id, ref: a.ref, title: a.title, status: a.status })),
    effects,
  );
  return { findingId: f.id, ref: f.ref, classification: f.classification, ...check };
}

/**
 * Closing is refused with every reason at once, so the quality manager sees what is left.
 * An observation or opportunity without an effective review closes only with a reason.
 * The conditional update makes two parallel closes one close and one 409.
 */
export async function closeFinding(db: Db, id: string, now: Date, by: Actor, reason?: string) {
  await assertClosable(db, await findFinding(db, id), reason);
  return audited(db, now, async (tx) => {
    // Checked again under the row lock createAction takes too: an action added meanwhile keeps the finding open.
    const [f] = await tx.select().from(findings).where(eq(findings.id, id)).for("update");
    await assertClosable(tx, f, reason);
    const [next] = await tx
      .update(findings)
      .set({ closedAt: now, closedBy: by.actorId, closeReason: reason ?? null, updatedAt: now })
      .where(and(eq(findings.id, f.id), isNull(findings.closedAt)))
      .returning();
    if (!next) throw new ApiError(409, "finding_already_closed");
    return {
      result: publicFinding(next),
      audit: { ...by, action: "close", entity: "finding", entityId: f.id, after: { ref: f.ref, ...(reason ? { reason } : {}) } },
    };
  });
}

async function assertClosable(db: Db, f: FindingRow, reason: string | undefined) {
  if (f.closedAt) throw new ApiError(409, "finding_already_closed");
  const check = closingCheck(await closingState(db, f), [], []);
  const problems = [...check.blocking];
  if (check.reasonRequired && !reason) {
    problems.push(detail("reason_required"));
  }
  if (problems.length)
    throw new ApiError(
      422,
      "cannot_close",
      { count: problems.length },
      problems.map((p) => ({ ...p })),
    );
}

/** A closed finding opens again with a reason; the trail keeps when and by whom it had been closed. */
export async function reopenFinding(db: Db, id: string, reason: string, now: Date, by: Actor) {
  const f = await findFinding(db, id);
  if (!f.closedAt) throw new ApiError(409, "finding_open");
  return audited(db, now, async (tx) => {
    const [next] = await tx
      .update(findings)
      .set({ closedAt: null, closedBy: null, closeReason: null, updatedAt: now })
      .where(and(eq(findings.id, f.id), isNotNull(findings.closedAt)))
      .returning();
    if (!next) throw new ApiError(409, "finding_open");
    return {
      result: publicFinding(next),
      audit: {
        ...by,
        action: "reopen",
        entity: "finding",
        entityId: f.id,
        before: { closedAt: f.closedAt!.toISOString(), closedBy: f.closedBy, closeReason: f.closeReason },
        after: { ref: f.ref, reason },
      },
    };
  });
}

/** An effectiveness review by someone other than the action owners, resting on evidence. */
export async function createReview(db: Db, findingId: string, input: z.infer<typeof ReviewSchema>, now: Date, by: Actor) {
  const f = await findFinding(db, findingId);
  if (f.closedAt) throw new ApiError(409, "finding_already_closed");
  if (!by.actorId) throw new ApiError(403, "reviewer_required");
  const links = await actionsOfFindings(db, [f.id]);
  if (!links.length) throw new ApiError(409, "no_actions");
  const problem = reviewerProblem(
    by.actorId,
    links.map((l) => l.action.ownerId),
  );
  if (problem) throw new ApiError(422, "reviewer_is_owner");
  if (input.reviewedOn > now.toISOString().slice(0, 10))
    throw new ApiError(400, "date_in_future", { field: "reviewedOn" }, [{ path: "reviewedOn" }]);
  const actionIds = links.map((l) => l.action.id);
  const evidence = await db
    .select({ id: evidenceFiles.id, findingId: evidenceFiles.findingId, actionId: evidenceFiles.actionId })
    .from(evidenceFiles)
    .where(inArray(evidenceFiles.id, input.evidenceIds));
  const foreign = evidence.filter((e) => e.findingId !== f.id && !(e.actionId && actionIds.includes(e.actionId)));
  if (evidence.length !== new Set(input.evidenceIds).size || foreign.length) {
    throw new ApiError(400, "unknown_evidence");
  }
  const evaluations = await Promise.all(actionIds.map((a) => evaluateAction(db, a, now)));
  return audited(db, now, async (tx) => {
    // Under the lock closeFinding takes: a review sent as the finding closes is refused, not added to a closed finding.
    const [locked] = await tx.select({ closedAt: findings.closedAt }).from(findings).where(eq(findings.id, f.id)).for("update");
    if (locked.closedAt) throw new ApiError(409, "finding_already_closed");
    const [row] = await tx
      .insert(effectivenessReviews)
      .values({
        findingId: f.id,
        reviewerId: by.actorId!,
        reviewedOn: input.reviewedOn,
        effective: input.effective,
        explanation: input.explanation,
        evaluation: evaluations,
        createdAt: now,
      })
      .returning();
    await tx.insert(reviewEvidence).values(input.evidenceIds.map((evidenceId) => ({ reviewId: row.id, evidenceId })));
    const result = { ...row, evaluation: evaluations, createdAt: row.createdAt.toISOString(), evidenceIds: input.evidenceIds };
    return {
      result,
      audit: {
        ...by,
        action: "create",
        entity: "effectiveness_review",
        entityId: row.id,
        after: { finding: f.ref, effective: row.effective, reviewedOn: row.reviewedOn, evidenceIds: input.evidenceIds },
      },
    };
  });
}
