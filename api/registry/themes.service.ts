import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { themes } from "../../db/schema.ts";
import { ApiError } from "../lib/errors.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import { slug } from "../../db/seed/reference.ts";
import { conflictOnDuplicate } from "../lib/unique.ts";

export const listThemes = (db: Db) => db.select().from(themes).orderBy(asc(themes.name));

export async function createTheme(db: Db, name: string, now: Date, by: Actor) {
  const id = slug(name);
  const clash = (await listThemes(db)).find((t) => t.id === id || t.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new ApiError(409, "theme_exists", { theme: clash.name });
  return conflictOnDuplicate(
    () =>
      audited(db, now, async (tx) => {
        const [row] = await tx.insert(themes).values({ id, name }).returning();
        return { result: row, audit: { ...by, action: "create", entity: "theme", entityId: id, after: row } };
      }),
    () => new ApiError(409, "theme_exists", { theme: name }),
  );
}

/** Themes are renamed or retired, never deleted: old cases keep their theme. */
export async function updateTheme(db: Db, id: string, patch: { name?: string; active?: boolean }, now: Date, by: Actor) {
  const [row] = await db.select().from(themes).where(eq(themes.id, id));
  if (!row) throw new ApiError(404, "theme_not_found");
  if (patch.name && (await listThemes(db)).some((t) => t.id !== id && t.name.toLowerCase() === patch.name!.toLowerCase())) {
    throw new ApiError(409, "theme_exists", { theme: patch.name });
  }
  return conflictOnDuplicate(
    () =>
      audited(db, now, async (tx) => {
        const [next] = await tx.update(themes).set(patch).where(eq(themes.id, id)).returning();
        return { result: next, audit: { ...by, action: "update", entity: "theme", entityId: id, before: row, after: next } };
      }),
    () => new ApiError(409, "theme_exists", { theme: patch.name ?? row.name }),
  );
}
