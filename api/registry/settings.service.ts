import { eq } from "drizzle-orm";
import type { z } from "@hono/zod-openapi";
import type { Db } from "../../db/types.ts";
import { settings } from "../../db/schema.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import type { RegistrySettingsSchema } from "./registry.schemas.ts";
import { replaceSetting } from "../lib/stored-setting.ts";

export type RegistrySettings = z.infer<typeof RegistrySettingsSchema>;

const KEY = "registry";

/** Until the ZVH records its own choice: 90 days after closure, and indicative hourly rates. */
export const DEFAULT_REGISTRY_SETTINGS: RegistrySettings = {
  organisationName: "Zorg- en Veiligheidshuis",
  retentionDays: 90,
  retentionJustification:
    "Werkaantekeningen zijn alleen nodig zolang een casus loopt en voor de evaluatie kort na afsluiting; daarna volstaan de gestructureerde gegevens voor kwaliteitsmetingen (dataminimalisatie, AVG art. 5).",
  hourlyRates: { procesregisseur: 92, adviseur: 88, ondersteuning: 64, manager: 115 },
};

export async function getRegistrySettings(db: Db): Promise<RegistrySettings> {
  const [row] = await db.select().from(settings).where(eq(settings.key, KEY));
  return { ...DEFAULT_REGISTRY_SETTINGS, ...(row?.value as Partial<RegistrySettings> | undefined) };
}

export async function updateRegistrySettings(db: Db, next: RegistrySettings, now: Date, by: Actor) {
  return audited(db, now, async (tx) => {
    const stored = (await replaceSetting(tx, KEY, next, now)) as Partial<RegistrySettings> | undefined;
    const before = { ...DEFAULT_REGISTRY_SETTINGS, ...stored };
    return { result: next, audit: { ...by, action: "update", entity: "registry_settings", entityId: KEY, before, after: next } };
  });
}
