import { eq } from "drizzle-orm";
import type { Db } from "../../db/types.ts";
import { settings } from "../../db/schema.ts";
import { audited } from "../audit/audit.service.ts";
import type { Actor } from "../auth/users.service.ts";
import type { Profile } from "./profile.schemas.ts";
import { replaceSetting } from "../lib/stored-setting.ts";

export const PROFILE_SETTING = "profile";

/** Until the ZVH fills in its own: the demo house, so the survey page never shows empty fields. */
export const DEFAULT_PROFILE: Profile = {
  name: "Zorg- en Veiligheidshuis",
  logo: null,
  contact: { name: "Team kwaliteit", email: "kwaliteit@zvh.example", phone: "" },
  privacy: {
    nl: "Uw antwoorden gebruiken we alleen om onze samenwerking te verbeteren. Bij een anonieme meting is een antwoord niet te herleiden tot u of uw organisatie; groepen kleiner dan vijf tonen we niet.",
    en: "We use your answers only to improve our cooperation. In an anonymous survey an answer cannot be traced back to you or your organisation; groups smaller than five are never shown.",
  },
};

export async function getProfile(db: Db): Promise<Profile> {
  const [row] = await db.select().from(settings).where(eq(settings.key, PROFILE_SETTING));
  return { ...DEFAULT_PROFILE, ...(row?.value as Partial<Profile> | undefined) };
}

/** The trail keeps a fingerprint of the logo rather than the image itself: the bytes are in the settings. */
const forTrail = (p: Profile) => ({ ...p, logo: p.logo ? `${p.logo.slice(5, p.logo.indexOf(";"))}, ${p.logo.length} tekens` : null });

export async function updateProfile(db: Db, next: Profile, now: Date, by: Actor) {
  return audited(db, now, async (tx) => {
    const before = { ...DEFAULT_PROFILE, ...((await replaceSetting(tx, PROFILE_SETTING, next, now)) as Partial<Profile> | undefined) };
    return {
      result: next,
      audit: { ...by, action: "update", entity: "zvh_profile", entityId: PROFILE_SETTING, before: forTrail(before), after: forTrail(next) },
    };
  });
}
