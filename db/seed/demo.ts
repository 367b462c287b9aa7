import { count, eq } from "drizzle-orm";
import type { Db } from "../types.ts";
import { invitations, municipalities, responses, settings, waves, type OrganisationType } from "../schema.ts";
import { DEFAULT_PROFILE, PROFILE_SETTING } from "../../api/profile/profile.service.ts";
import { MUNICIPALITIES, PARTNERS, seedReference } from "./reference.ts";
import { ensureDemoQuestionnaires } from "./questionnaire.ts";
import { defaultQuestionnaire } from "../../api/domain/survey/questionnaire.ts";
import { scoredQuestions } from "../../api/domain/survey/definition.ts";
import { insertAnswerRows } from "../../api/respond/respond.service.ts";
import { randomToken, sha256Hex } from "../../api/lib/crypto.ts";
import { scryptHasher, type PasswordHasher } from "../../api/domain/auth/password.ts";
import { users, type Role } from "../schema.ts";

/** Demo accounts, one per role; the password is printed by npm start. Never use in production. */
export const DEMO_PASSWORD = "ketenspiegel-demo";
export const DEMO_USERS: { email: string; name: string; role: Role; municipalityId?: string; branchId?: string }[] = [
  { email: "beheer@demo.zvh-nhn.nl", name: "Bram Beheer", role: "admin" },
  { email: "kwaliteit@demo.zvh-nhn.nl", name: "Kim de Kwaliteit", role: "kwaliteit" },
  { email: "management@demo.zvh-nhn.nl", name: "Marloes Manager", role: "management" },
  { email: "medewerker@demo.zvh-nhn.nl", name: "Mo Medewerker", role: "medewerker", branchId: "den-helder" },
  { email: "gemeente.alkmaar@demo.zvh-nhn.nl", name: "Gert Gemeente", role: "gemeente", municipalityId: "alkmaar" },
  { email: "auditor@demo.zvh-nhn.nl", name: "Anouk Auditor", role: "auditor" },
];

/** Deterministic PRNG (mulberry32) so the demo looks the same on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rand: () => number, mu: number, sigma: number) {
  const u = 1 - rand(),
    v = rand();
  return mu + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Mean score per dimension on the 1–5 scale. The 2024 wave found roles unclear and casusregie unassigned. */
const PROFILE: Record<string, Record<string, number>> = {
  "KTO 2024": { bekendheid: 3.6, rolduidelijkheid: 2.8, casusoverleg: 3.2, informatiedeling: 3.4, meerwaarde: 3.9, samenwerking: 3.7 },
  "Tussenmeting 2025": {
    bekendheid: 3.7,
    rolduidelijkheid: 3.1,
    casusoverleg: 3.4,
    informatiedeling: 3.4,
    meerwaarde: 3.9,
    samenwerking: 3.8,
  },
  "KTO 2026": { bekendheid: 3.8, rolduidelijkheid: 3.4, casusoverleg: 3.6, informatiedeling: 3.5, meerwaarde: 4.0, samenwerking: 3.9 },
};

const GOOD = [
  "Korte lijnen met de procesregisseur; je weet wie je moet bellen.",
  "De triage op dinsdag werkt snel en is voorspelbaar.",
  "Goede voorzitter die iedereen aan het woord laat.",
  "Door het casusoverleg kennen we elkaar beter in de regio.",
  "Heldere agenda en de aanleiding is vooraf bekend.",
];
const BETTER = [
  "Het is niet altijd duidelijk wie na afloop de casusregie heeft.",
  "Vervolgafspraken worden niet altijd bewaakt.",
  "Terugkoppeling aan de aanmelder kan sneller.",
  "Meer duidelijkheid over welke informatie gedeeld mag worden.",
  "Rollen van partners aan tafel vaker toelichten, zeker bij nieuwe deelnemers.",
];

/** Who is invited: several people per partner, spread over the branches they work in. */
function respondents(rand: () => number) {
  const branchesOf = ["alkmaar", "den-helder", "west-friesland"];
  const people: { organisation: string; type: OrganisationType; municipalityId: string | null; branchId: string }[] = [];
  for (const p of PARTNERS) {
    if (p.municipality) {
      const m = MUNICIPALITIES.find((x) => x.name === p.municipality)!;
      for (let i = 0; i < 3; i++) people.push({ organisation: p.name, type: p.type, municipalityId: m.id, branchId: m.branchId });
    } else {
      const size = p.type === "wonen" ? 3 : p.type === "veiligheid" ? 18 : 8;
      for (let i = 0; i < size; i++) {
        people.push({ organisation: p.name, type: p.type, municipalityId: null, branchId: branchesOf[Math.floor(rand() * 3)] });
      }
    }
  }
  return people;
}

async function seedWave(db: Db, questionnaireId: string, name: string, opensAt: Date, closesAt: Date, rand: () => number) {
  const [wave] = await db.insert(waves).values({ name, questionnaireId, opensAt, closesAt }).returning();
  const profile = PROFILE[name];
  const specs = scoredQuestions(defaultQuestionnaire);
  const span = closesAt.getTime() - opensAt.getTime();
  for (const person of respondents(rand)) {
    const answers = rand() < (person.type === "gemeente" ? 0.45 : 0.38);
    const submittedAt = answers ? new Date(opensAt.getTime() + rand() * span * 0.9) : null;
    const [inv] = await db
      .insert(invitations)
      .values({
        waveId: wave.id,
        tokenHash: sha256Hex(randomToken()),
        organisation: person.organisation,
        organisationType: person.type,
        municipalityId: person.municipalityId,
        branchId: person.branchId,
        submittedAt,
        // The list was made the week before the wave opened, so a pack over that period counts the invited.
        createdAt: new Date(opensAt.getTime() - 7 * 86_400_000),
      })
      .returning();
    if (!submittedAt) continue;
    const mood = normal(rand, 0, 0.5);
    const data: Record<string, unknown> = {};
    for (const q of specs) {
      if (q.dimension === "rapportcijfer" || q.dimension === "nps") continue;
      data[q.name] = Math.min(5, Math.max(1, Math.round(normal(rand, profile[q.dimension!] + mood, 0.8))));
    }
    const avg = Object.values(data).reduce((a: number, v) => a + (v as number), 0) / Object.keys(data).length;
    data.cijfer = Math.min(10, Math.max(1, Math.round(normal(rand, 2.9 + avg, 0.8))));
    data.aanbeveling = Math.min(10, Math.max(0, Math.round(normal(rand, 1.3 + 1.55 * avg, 1.2))));
    if (rand() < 0.5) data.goed = GOOD[Math.floor(rand() * GOOD.length)];
    if (rand() < 0.6) data.beter = BETTER[Math.floor(rand() * BETTER.length)];
    const [resp] = await db
      .insert(responses)
      .values({
        waveId: wave.id,
        organisationType: person.type,
        municipalityId: person.municipalityId,
        branchId: person.branchId,
        data,
        submittedOn: submittedAt.toISOString().slice(0, 10),
      })
      .returning({ id: responses.id });
    await insertAnswerRows(db, resp.id, { ...inv }, defaultQuestionnaire, data);
  }
  return wave;
}

// A year-round pulse among the partners at the table, beside the biennial KTO (its status is shown next to the name).
const DEMO_PROFILE = {
  ...DEFAULT_PROFILE,
  name: "Zorg- en Veiligheidshuis Noord-Holland Noord",
  contact: { name: "Kim de Kwaliteit", email: "kwaliteit@demo.zvh-nhn.nl", phone: "" },
};

export const DEMO_OPEN_WAVE = "Pulsmeting casusoverleg";

/** Seeds reference data and, only when there are no waves yet, the demo waves. */
export async function seedDemo(db: Db, now: Date, passwords: PasswordHasher = scryptHasher()): Promise<boolean> {
  await seedReference(db);
  // Version 1 for the closed waves (their answers were given to it), version 2 (n.v.t., routing) for the open one.
  const { v1: questionnaireId, v2 } = await ensureDemoQuestionnaires(db, now);
  const [{ n }] = await db.select({ n: count() }).from(waves);
  if (Number(n) > 0) return false;
  const rand = prng(20140101);
  const passwordHash = await passwords.hash(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await seedWave(t, questionnaireId, "KTO 2024", new Date("2024-09-16T07:00:00Z"), new Date("2024-10-31T23:00:00Z"), rand);
    await seedWave(t, questionnaireId, "KTO 2026", new Date("2026-09-14T07:00:00Z"), new Date("2026-10-30T23:00:00Z"), rand);
    // Seeded after the others so their answers stay as they were: a spring check between the two full surveys.
    await seedWave(t, questionnaireId, "Tussenmeting 2025", new Date("2025-05-12T07:00:00Z"), new Date("2025-06-13T21:00:00Z"), rand);
    await t.insert(users).values(DEMO_USERS.map((u) => ({ ...u, passwordHash, passwordChangedAt: now })));
    // The reserved .example domain: "send to all municipalities" in the demo never reaches a real mailbox.
    for (const m of MUNICIPALITIES) {
      await t
        .update(municipalities)
        .set({ reportEmail: `veiligheid@${m.id}.nl.example`, reportContact: `Team Openbare Orde en Veiligheid ${m.name}` })
        .where(eq(municipalities.id, m.id));
    }
    // The survey page and reports name the house and whom to ask (Instellingen changes it).
    await t.insert(settings).values({ key: PROFILE_SETTING, value: DEMO_PROFILE, updatedAt: now }).onConflictDoNothing();
    await t.insert(waves).values({
      name: DEMO_OPEN_WAVE,
      questionnaireId: v2,
      opensAt: new Date(now.getTime() - 86_400_000),
      closesAt: new Date(now.getTime() + 365 * 86_400_000),
    });
  });
  return true;
}
