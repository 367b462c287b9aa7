import { formatDay } from "../domain/format/numbers.ts";
import { asc, desc, eq, inArray, isNull, and, sql } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { Db } from "../../db/types.ts";
import { actions, findingActions, managementReviews, users } from "../../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import { appendAudit, audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { insertFinding } from "../quality/findings.store.ts";
import { nextRef } from "../lib/refs.ts";
import { REVIEW_INPUTS, type Decision, type StoredInput } from "../domain/reviews/review.inputs.ts";
import {
  completeness,
  correctionRule,
  decisionsNeedingAction,
  editRefusal,
  heldOnProblem,
  latestVersion,
  periodProblem,
} from "../domain/reviews/review.rules.ts";
import { prefillInputs, type Period } from "./reviews.inputs.ts";
import type { ReviewInput } from "./reviews.prefill.schemas.ts";
import type { DecisionInputSchema, NewReviewSchema, ReviewUpdateSchema } from "./reviews.schemas.ts";
import { isUuid } from "../lib/ids.ts";

type Row = typeof managementReviews.$inferSelect;
type NewReview = z.infer<typeof NewReviewSchema>;
type ReviewUpdate = z.infer<typeof ReviewUpdateSchema>;
type DecisionInput = z.infer<typeof DecisionInputSchema>;

const todayOf = (now: Date) => now.toISOString().slice(0, 10);
const inputsOf = (row: Row) => row.inputs as StoredInput[];
const decisionsOf = (row: Row) => row.decisions as Decision[];
const notFound = () => new ApiError(404, "review_not_found");

function versionSummary(row: Row) {
  return { id: row.id, version: row.version, status: row.status, finalizedAt: row.finalizedAt?.toISOString() ?? null };
}

function present(row: Row, series: Row[], now: Date) {
  return {
    id: row.id,
    seriesId: row.seriesId,
    version: row.version,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    // Stored as the pre-fills produced them, each typed by its schema in reviews.prefill.schemas.ts.
    heldOn: row.heldOn,
    status: row.status,
    // By key only: the title is the catalog's. Older rows also stored the Dutch title; it is not sent.
    inputs: inputsOf(row).map(({ key, data, assessment }) => ({ key, data, assessment })) as ReviewInput[],
    decisions: decisionsOf(row),
    correctionOf: row.correctionOf,
    correctionReason: row.correctionReason,
    finalizedAt: row.finalizedAt?.toISOString() ?? null,
    finalizedBy: row.finalizedBy,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    completeness: completeness({ heldOn: row.heldOn, inputs: inputsOf(row), decisions: decisionsOf(row) }, todayOf(now)),
    versions: [...series].sort((a, b) => a.version - b.version).map(versionSummary),
  };
}

async function seriesOf(db: Db, seriesId: string) {
  return db.select().from(managementReviews).where(eq(managementReviews.seriesId, seriesId)).orderBy(asc(managementReviews.version));
}

async function findReview(db: Db, id: string, lock = false) {
  if (!isUuid(id)) throw notFound();
  const query = db.select().from(managementReviews).where(eq(managementReviews.id, id));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  return row;
}

/** Fresh pre-fills for the review's period, with whatever management already wrote kept as it was. */
async function buildInputs(db: Db, period: Period, now: Date, seriesId: string | null, previous: StoredInput[] = []) {
  const data = await prefillInputs(db, period, now, seriesId);
  return REVIEW_INPUTS.map(
    (spec): StoredInput => ({
      key: spec.key,
      data: data[spec.key],
      assessment: previous.find((p) => p.key === spec.key)?.assessment ?? "",
    }),
  );
}

export async function listManagementReviews(db: Db, now: Date) {
  const all = await db.select().from(managementReviews).orderBy(desc(managementReviews.periodTo), asc(managementReviews.version));
  const bySeries = new Map<string, Row[]>();
  for (const row of all) bySeries.set(row.seriesId, [...(bySeries.get(row.seriesId) ?? []), row]);
  return [...bySeries.values()].map((series) => {
    const latest = latestVersion(series);
    const { missing } = completeness({ heldOn: latest.heldOn, inputs: inputsOf(latest), decisions: decisionsOf(latest) }, todayOf(now));
    return {
      id: latest.id,
      seriesId: latest.seriesId,
      version: latest.version,
      periodFrom: latest.periodFrom,
      periodTo: latest.periodTo,
      heldOn: latest.heldOn,
      status: latest.status,
      finalizedAt: latest.finalizedAt?.toISOString() ?? null,
      missing: latest.status === "definitief" ? 0 : missing.length,
      versions: series.map(versionSummary),
    };
  });
}

export async function getManagementReview(db: Db, id: string, now: Date) {
  const row = await findReview(db, id);
  return present(row, await seriesOf(db, row.seriesId), now);
}

export async function createManagementReview(db: Db, input: NewReview, now: Date, by: Actor) {
  const problem = periodProblem(input.periodFrom, input.periodTo) ?? heldOnProblem(input.heldOn, input.periodFrom);
  if (problem) throw new ApiError(400, problem);
  const seriesId = crypto.randomUUID();
  const inputs = await buildInputs(db, { from: input.periodFrom, to: input.periodTo }, now, seriesId);
  const row = await audited(db, now, async (tx) => {
    const [created] = await tx
      .insert(managementReviews)
      .values({
        seriesId,
        version: 1,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        heldOn: input.heldOn ?? null,
        inputs,
        decisions: [],
        status: "concept",
        createdBy: by.actorId,
        createdAt: now,
      })
      .returning();
    return {
      result: created,
      audit: {
        ...by,
        action: "create",
        entity: "management_review",
        entityId: created.id,
        after: { seriesId, version: 1, periodFrom: created.periodFrom, periodTo: created.periodTo, heldOn: created.heldOn },
      },
    };
  });
  return present(row, [row], now);
}

/** Owners must be active accounts; carried-over actions must be ones this review already made. */
async function validateDecisions(db: Db, decisions: DecisionInput[], current: Decision[]) {
  const ownerIds = [...new Set(decisions.flatMap((d) => (d.ownerId ? [d.ownerId] : [])))];
  const owners = ownerIds.length
    ? await db
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.id, ownerIds), isNull(users.disabledAt)))
    : [];
  const unknown = ownerIds.filter((id) => !owners.some((o) => o.id === id));
  if (unknown.length) {
    throw new ApiError(
      400,
      "unknown_decision_owner",
      {},
      unknown.map((ownerId) => ({ ownerId })),
    );
  }
  const known = new Map(current.filter((d) => d.actionId).map((d) => [d.actionId!, d]));
  return decisions.map((d): Decision => {
    if (!d.actionId) return { kind: d.kind, text: d.text, ownerId: d.ownerId ?? null, dueOn: d.dueOn ?? null, actionId: null };
    const carried = known.get(d.actionId);
    if (!carried) throw new ApiError(400, "unknown_action", {}, [{ actionId: d.actionId }]);
    // The action exists already: its owner and due date live in the action register now.
    return { kind: d.kind, text: d.text, ownerId: carried.ownerId, dueOn: carried.dueOn, actionId: carried.actionId };
  });
}

function assertConcept(row: Row) {
  const refusal = editRefusal(row);
  if (refusal) throw new ApiError(409, refusal);
}

export async function updateManagementReview(db: Db, id: string, patch: ReviewUpdate, now: Date, by: Actor) {
  const row = await findReview(db, id);
  assertConcept(row);
  const heldOnIssue = heldOnProblem(patch.heldOn, row.periodFrom);
  if (heldOnIssue) throw new ApiError(400, heldOnIssue);
  // Reading the figures is slow and writes nothing, so it happens before the row is locked.
  const fresh = patch.refreshInputs ? await buildInputs(db, { from: row.periodFrom, to: row.periodTo }, now, row.seriesId) : null;
  const updated = await audited(db, now, async (tx) => {
    const current = await findReview(tx, id, true);
    assertConcept(current); // finalized between the read above and this write
    const decisions = patch.decisions ? await validateDecisions(tx, patch.decisions, decisionsOf(current)) : decisionsOf(current);
    const written = new Map(inputsOf(current).map((i) => [i.key, i.assessment]));
    for (const [key, text] of Object.entries(patch.assessments ?? {})) written.set(key as StoredInput["key"], text ?? "");
    const inputs = (fresh ?? inputsOf(current)).map((i) => ({ ...i, assessment: written.get(i.key) ?? "" }));
    const [next] = await tx
      .update(managementReviews)
      .set({
        heldOn: patch.heldOn === undefined ? current.heldOn : patch.heldOn,
        inputs,
        decisions,
      })
      .where(eq(managementReviews.id, id))
      .returning();
    const changed = inputsOf(next)
      .filter((i) => inputsOf(current).find((c) => c.key === i.key)?.assessment !== i.assessment)
      .map((i) => i.key);
    const pick = (r: Row) => ({
      ...(patch.heldOn !== undefined ? { heldOn: r.heldOn } : {}),
      ...(changed.length
        ? {
            assessments: Object.fromEntries(
              inputsOf(r)
                .filter((i) => changed.includes(i.key))
                .map((i) => [i.key, i.assessment]),
            ),
          }
        : {}),
      ...(patch.decisions ? { decisions: decisionsOf(r) } : {}),
    });
    return {
      result: next,
      audit: {
        ...by,
        action: "update",
        entity: "management_review",
        entityId: id,
        before: pick(current),
        after: { ...pick(next), ...(fresh ? { inputsRefreshed: true } : {}) },
      },
    };
  });
  return present(updated, await seriesOf(db, updated.seriesId), now);
}

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/**
 * A decision with an owner and a due date enters the improvement loop: a finding (an
 * opportunity, 9.3.3) with one action, planned, whose criterion is the decision itself.
 */
async function decisionToAction(tx: Db, review: Row, d: Decision, now: Date, by: Actor): Promise<Decision> {
  const heldOn = review.heldOn!;
  const finding = await insertFinding(
    tx,
    {
      source: "other",
      classification: "opportunity",
      clauses: ["9.3.3"],
      foundOn: heldOn,
      title: clip(d.text, 200),
      description: `Besluit uit de directiebeoordeling over ${formatDay(review.periodFrom)} t/m ${formatDay(review.periodTo)} (gehouden op ${formatDay(heldOn)}): ${d.text}`,
    },
    now,
    by,
  );
  const criterion = {
    kind: "manual",
    text: clip(`Besluit directiebeoordeling ${review.periodFrom} t/m ${review.periodTo}: ${d.text}`, 300),
  };
  const [action] = await tx
    .insert(actions)
    .values({
      ref: await nextRef(tx, "actions", "ACT", heldOn.slice(0, 4)),
      title: clip(d.text, 200),
      ownerId: d.ownerId!,
      dueOn: d.dueOn!,
      status: "gepland",
      pdcaPhase: "plan",
      criterion,
      createdBy: by.actorId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await tx.insert(findingActions).values({ findingId: finding.id, actionId: action.id });
  await appendAudit(
    tx,
    {
      ...by,
      action: "create",
      entity: "action",
      entityId: action.id,
      after: {
        ref: action.ref,
        title: action.title,
        ownerId: action.ownerId,
        dueOn: action.dueOn,
        findingIds: [finding.id],
        managementReviewId: review.id,
      },
    },
    now,
  );
  return { ...d, actionId: action.id };
}

export async function finalizeManagementReview(db: Db, id: string, now: Date, by: Actor) {
  const finalized = await audited(db, now, async (tx) => {
    const row = await findReview(tx, id, true);
    assertConcept(row);
    const state = completeness({ heldOn: row.heldOn, inputs: inputsOf(row), decisions: decisionsOf(row) }, todayOf(now));
    if (!state.complete) {
      throw new ApiError(
        422,
        "review_incomplete",
        {},
        // Each gap by its catalog code (an input named by a label ref), so an English request reads English.
        state.missing,
      );
    }
    const pending = new Set(decisionsNeedingAction(decisionsOf(row)));
    const decisions: Decision[] = [];
    for (const d of decisionsOf(row)) decisions.push(pending.has(d) ? await decisionToAction(tx, row, d, now, by) : d);
    const [next] = await tx
      .update(managementReviews)
      .set({ decisions, status: "definitief", finalizedAt: now, finalizedBy: by.actorId })
      .where(eq(managementReviews.id, id))
      .returning();
    return {
      result: next,
      audit: {
        ...by,
        action: "finalize",
        entity: "management_review",
        entityId: id,
        before: { status: row.status },
        after: { status: next.status, version: next.version, heldOn: next.heldOn, decisions },
      },
    };
  });
  return present(finalized, await seriesOf(db, finalized.seriesId), now);
}

export async function correctManagementReview(db: Db, id: string, reason: string, now: Date, by: Actor) {
  const created = await audited(db, now, async (tx) => {
    const target = await findReview(tx, id);
    // One correction at a time per series, so two cannot both become version n+1.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`management_review:${target.seriesId}`}))`);
    const rule = correctionRule(target, await seriesOf(tx, target.seriesId));
    if ("refusal" in rule) throw new ApiError(409, rule.refusal, { latest: rule.latest });
    const [copy] = await tx
      .insert(managementReviews)
      .values({
        seriesId: target.seriesId,
        version: rule.version,
        periodFrom: target.periodFrom,
        periodTo: target.periodTo,
        heldOn: target.heldOn,
        inputs: target.inputs,
        decisions: target.decisions,
        status: "concept",
        correctionOf: target.id,
        correctionReason: reason,
        createdBy: by.actorId,
        createdAt: now,
      })
      .returning();
    return {
      result: copy,
      audit: {
        ...by,
        action: "correct",
        entity: "management_review",
        entityId: copy.id,
        after: { seriesId: copy.seriesId, version: copy.version, correctionOf: target.id, correctionReason: reason },
      },
    };
  });
  return present(created, await seriesOf(db, created.seriesId), now);
}
