import { and, eq, gte, ilike, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import { containsPattern, countAll, orderBy } from "../lib/paging.ts";
import type { z } from "@hono/zod-openapi";
import type { Db } from "../../db/types.ts";
import { caseThemes, cases, type Case } from "../../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import { nextRef } from "../lib/refs.ts";
import type { Visibility } from "../lib/scope.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import type { CaseListQuery, CaseUpdateSchema, NewCaseSchema } from "./registry.schemas.ts";
import { caseNotFound, ensureOrganisations, ensureThemes, findCase, findMunicipality } from "./registry.lookup.ts";

export const PGA_THEME = "persoonsgerichte-aanpak";
const CODE_PREFIX: Record<string, string> = { alkmaar: "ALK", "den-helder": "DHR", "west-friesland": "WFR" };

export function publicCase(c: Case, themeIds: string[]) {
  return {
    id: c.id,
    code: c.code,
    municipalityId: c.municipalityId,
    branchId: c.branchId,
    themeIds: [...themeIds].sort(),
    referrerOrganisationId: c.referrerOrganisationId,
    status: c.status,
    registeredOn: c.registeredOn,
    closedOn: c.closedOn,
    careSafetyNexus: c.careSafetyNexus,
    societalImpact: c.societalImpact,
    pgaCriteriaMet: c.careSafetyNexus && c.societalImpact,
    handledLocallyOn: c.handledLocallyOn,
  };
}

/** The PGA is only for problems where care and safety meet AND someone suffers from them. */
function checkPga(themeIds: string[], nexus: boolean, impact: boolean) {
  if (themeIds.includes(PGA_THEME) && !(nexus && impact)) {
    throw new ApiError(422, "pga_criteria_not_met", {});
  }
}

async function themesOf(db: Db, ids: string[]) {
  const links = ids.length ? await db.select().from(caseThemes).where(inArray(caseThemes.caseId, ids)) : [];
  return (id: string) => links.filter((l) => l.caseId === id).map((l) => l.themeId);
}

/** Pseudonymous codes per branch and year (ALK-2026-0042): they say nothing about the person. */
const nextCode = (tx: Db, branchId: string, registeredOn: string) =>
  nextRef(tx, "cases", CODE_PREFIX[branchId] ?? "ZVH", registeredOn.slice(0, 4), 4, "code");

export type NewCase = z.infer<typeof NewCaseSchema>;

export async function createCase(db: Db, input: NewCase, vis: Visibility, now: Date, by: Actor) {
  const m = await findMunicipality(db, input.municipalityId);
  if (vis.branchId && m.branchId !== vis.branchId) throw new ApiError(403, "other_branch");
  await ensureThemes(db, input.themeIds);
  await ensureOrganisations(db, [input.referrerOrganisationId]);
  checkPga(input.themeIds, input.careSafetyNexus, input.societalImpact);
  if (input.registeredOn > now.toISOString().slice(0, 10))
    throw new ApiError(400, "date_in_future", { field: "registeredOn" }, [{ path: "registeredOn" }]);
  return audited(db, now, async (tx) => {
    const [row] = await tx
      .insert(cases)
      .values({
        code: await nextCode(tx, m.branchId, input.registeredOn),
        municipalityId: m.id,
        branchId: m.branchId,
        referrerOrganisationId: input.referrerOrganisationId,
        registeredOn: input.registeredOn,
        careSafetyNexus: input.careSafetyNexus,
        societalImpact: input.societalImpact,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(caseThemes).values(input.themeIds.map((themeId) => ({ caseId: row.id, themeId })));
    const result = publicCase(row, input.themeIds);
    return { result, audit: { ...by, action: "create", entity: "case", entityId: row.id, after: result } };
  });
}

export async function listCases(db: Db, q: z.infer<typeof CaseListQuery>, vis: Visibility) {
  const where: SQL[] = [];
  if (vis.branchId ?? q.branch) where.push(eq(cases.branchId, (vis.branchId ?? q.branch)!));
  if (vis.municipalityId ?? q.municipality) where.push(eq(cases.municipalityId, (vis.municipalityId ?? q.municipality)!));
  if (q.status) where.push(eq(cases.status, q.status));
  if (q.from) where.push(gte(cases.registeredOn, q.from));
  if (q.to) where.push(lte(cases.registeredOn, q.to));
  if (q.theme) where.push(sql`exists (select 1 from ${caseThemes} ct where ct.case_id = ${cases.id} and ct.theme_id = ${q.theme})`);
  if (q.q) where.push(ilike(cases.code, containsPattern(q.q)));
  const page = db
    .select()
    .from(cases)
    .where(and(...where))
    .orderBy(
      ...orderBy(
        q.sort,
        { registeredOn: cases.registeredOn, code: cases.code, status: cases.status, municipality: cases.municipalityId },
        cases.code,
      ),
    )
    .offset(q.offset);
  const [rows, [{ total }]] = await Promise.all([
    q.limit ? page.limit(q.limit) : page,
    db
      .select({ total: countAll })
      .from(cases)
      .where(and(...where)),
  ]);
  const themes = await themesOf(
    db,
    rows.map((r) => r.id),
  );
  return { cases: rows.map((r) => publicCase(r, themes(r.id))), total: Number(total), limit: q.limit ?? null, offset: q.offset };
}

export async function getVisibleCase(db: Db, ref: string, vis: Visibility) {
  const row = await findCase(db, ref);
  if ((vis.branchId && row.branchId !== vis.branchId) || (vis.municipalityId && row.municipalityId !== vis.municipalityId))
    throw caseNotFound();
  return row;
}

export async function getCase(db: Db, ref: string, vis: Visibility) {
  const row = await getVisibleCase(db, ref, vis);
  return publicCase(row, (await themesOf(db, [row.id]))(row.id));
}

type CaseUpdate = z.infer<typeof CaseUpdateSchema>;

/**
 * The case row, locked until the transaction ends: parallel updates of one case queue up here,
 * so each checks its rules against, and builds on, what the one before it wrote.
 */
async function lockCase(tx: Db, id: string) {
  const [row] = await tx.select().from(cases).where(eq(cases.id, id)).for("update");
  if (!row) throw caseNotFound();
  return row;
}

/** The fields after the patch, refused when they break a rule together with the case as it now is. */
function patchedFields(row: Case, themeIds: string[], patch: CaseUpdate, now: Date) {
  const careSafetyNexus = patch.careSafetyNexus ?? row.careSafetyNexus;
  const societalImpact = patch.societalImpact ?? row.societalImpact;
  checkPga(themeIds, careSafetyNexus, societalImpact);
  const status = patch.status ?? row.status;
  const today = now.toISOString().slice(0, 10);
  // Closing records the day; reopening clears it, so lead times never count a stale date.
  const closedOn = status === "afgesloten" ? (patch.closedOn ?? row.closedOn ?? today) : null;
  if (patch.closedOn && status !== "afgesloten") throw new ApiError(400, "not_closed");
  if (closedOn && (closedOn < row.registeredOn || closedOn > today)) {
    throw new ApiError(400, "invalid_closed_on");
  }
  return { status, closedOn, careSafetyNexus, societalImpact, updatedAt: now };
}

export async function updateCase(db: Db, ref: string, patch: CaseUpdate, vis: Visibility, now: Date, by: Actor) {
  const { id } = await getVisibleCase(db, ref, vis);
  return audited(db, now, async (tx) => {
    const row = await lockCase(tx, id);
    const beforeThemes = (await themesOf(tx, [id]))(id);
    const themeIds = patch.themeIds ?? beforeThemes;
    if (patch.themeIds)
      await ensureThemes(
        tx,
        patch.themeIds.filter((t) => !beforeThemes.includes(t)),
      );
    const [next] = await tx
      .update(cases)
      .set(patchedFields(row, themeIds, patch, now))
      .where(eq(cases.id, id))
      .returning();
    if (patch.themeIds) {
      await tx.delete(caseThemes).where(eq(caseThemes.caseId, id));
      await tx.insert(caseThemes).values(themeIds.map((themeId) => ({ caseId: id, themeId })));
    }
    const result = publicCase(next, themeIds);
    return {
      result,
      audit: { ...by, action: "update", entity: "case", entityId: id, before: publicCase(row, beforeThemes), after: result },
    };
  });
}

/**
 * "Lokaal, tenzij": the municipality keeps the case itself. From then on the registry
 * refuses new conferences and hours for it; what happened before stays on record.
 */
export async function markHandledLocally(db: Db, ref: string, on: string | undefined, vis: Visibility, now: Date, by: Actor) {
  const row = await getVisibleCase(db, ref, vis);
  if (row.handledLocallyOn) throw new ApiError(409, "already_local", { case: row.code });
  const day = on ?? now.toISOString().slice(0, 10);
  if (day < row.registeredOn) throw new ApiError(400, "invalid_date");
  return audited(db, now, async (tx) => {
    // Of parallel requests only the first still finds the case not local; the others change nothing.
    const [next] = await tx
      .update(cases)
      .set({ handledLocallyOn: day, updatedAt: now })
      .where(and(eq(cases.id, row.id), isNull(cases.handledLocallyOn)))
      .returning();
    if (!next) throw new ApiError(409, "already_local", { case: row.code });
    const result = publicCase(next, (await themesOf(tx, [row.id]))(row.id));
    return {
      result,
      audit: {
        ...by,
        action: "update",
        entity: "case",
        entityId: row.id,
        before: { handledLocallyOn: null },
        after: { handledLocallyOn: day },
      },
    };
  });
}
