import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { cases, municipalities, organisations, themes } from "../../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import { isUuid } from "../lib/ids.ts";

export const caseNotFound = () => new ApiError(404, "case_not_found");

/** A case by id or by its pseudonymous code. */
export async function findCase(db: Db, ref: string) {
  const [row] = await db
    .select()
    .from(cases)
    .where(isUuid(ref) ? eq(cases.id, ref) : eq(cases.code, ref.toUpperCase()));
  if (!row) throw caseNotFound();
  return row;
}

export async function findMunicipality(db: Db, id: string) {
  const [m] = await db.select().from(municipalities).where(eq(municipalities.id, id));
  if (!m) throw new ApiError(400, "unknown_municipality", { municipality: id });
  return m;
}

/** Every referenced organisation must exist; names the ones that do not. */
export async function ensureOrganisations(db: Db, ids: (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return;
  const found = new Set(
    (await db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, wanted))).map((o) => o.id),
  );
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length)
    throw new ApiError(
      400,
      "unknown_organisation",
      {},
      missing.map((id) => ({ organisationId: id })),
    );
}

export async function ensureThemes(db: Db, ids: string[]) {
  const found = await db.select().from(themes).where(inArray(themes.id, ids));
  const missing = ids.filter((id) => !found.some((t) => t.id === id));
  if (missing.length)
    throw new ApiError(
      400,
      "unknown_theme",
      {},
      missing.map((id) => ({ themeId: id })),
    );
  const inactive = found.filter((t) => !t.active);
  if (inactive.length) throw new ApiError(400, "inactive_theme", { theme: inactive[0].name });
}
