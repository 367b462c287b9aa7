import { eq } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { settings } from "../../db/schema.ts";

/**
 * Replaces the value of one settings row inside the caller's transaction and returns what it
 * replaced (undefined when there was none). The row is made if missing and then locked, so of
 * parallel replacements each waits for the one before: every audit entry's "before" is what that
 * write really replaced, also when the first two writes of a setting race.
 */
export async function replaceSetting(tx: Db, key: string, value: unknown, now: Date): Promise<unknown> {
  const [made] = await tx.insert(settings).values({ key, value, updatedAt: now }).onConflictDoNothing().returning({ key: settings.key });
  if (made) return undefined;
  const [row] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).for("update");
  await tx.update(settings).set({ value, updatedAt: now }).where(eq(settings.key, key));
  return row.value;
}
