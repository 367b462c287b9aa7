import { addDays, format, parseISO } from "date-fns";
import { count } from "drizzle-orm";
import type { Db } from "../types.ts";
import {
  activities,
  caseThemes,
  cases,
  conferenceAttendance,
  conferenceCases,
  conferences,
  followUps,
  organisations,
  settings,
} from "../schema.ts";
import { MUNICIPALITIES } from "./reference.ts";
import { prng } from "./demo.ts";
import { DEFAULT_REGISTRY_SETTINGS } from "../../api/registry/settings.service.ts";

/**
 * Two years of plausible case-conference history for NHN (roughly 220 ICOs a year, 4–8
 * partners at the table, median about 2–3 weeks from aanmelding to the first ICO). After
 * the 2024 survey the house started recording casusregie and explaining roles, so those
 * shares rise over time. Deterministic: the same on every machine.
 */
const START = "2025-01-06";
/** Rough weight per municipality, after population. */
const WEIGHT: Record<string, number> = {
  alkmaar: 11,
  "dijk-en-waard": 9,
  "den-helder": 6,
  hoorn: 7,
  schagen: 5,
  "hollands-kroon": 5,
  medemblik: 4,
  castricum: 3,
  bergen: 3,
  heiloo: 2,
  texel: 1,
  drechterland: 2,
  enkhuizen: 2,
  koggenland: 2,
  opmeer: 1,
  "stede-broec": 2,
};
const THEME_MIX = [
  "huiselijk-geweld",
  "huiselijk-geweld",
  "verward-gedrag",
  "verward-gedrag",
  "persoonsgerichte-aanpak",
  "jeugdcriminaliteit",
  "nazorg-ex-gedetineerden",
  "woonoverlast",
  "mensenhandel",
  "loverboy-pooierboy",
  "radicalisering",
  "high-impact-crime",
];
const NOTES = {
  aanleiding: [
    "Toenemende overlast en zorgen over de veiligheid van de kinderen.",
    "Meerdere meldingen bij politie en Veilig Thuis in korte tijd.",
    "Terugkeer na detentie zonder huisvesting en zorg.",
    "Dreigende huisuitzetting bij ernstige woonoverlast.",
  ],
  doel: [
    "Veiligheid van het gezin borgen en hulpverlening op elkaar afstemmen.",
    "Eén plan met één regisseur.",
    "Stabiele woon- en zorgsituatie.",
  ],
  aanpak: [
    "Gezamenlijk plan van aanpak; huisbezoek door wijkagent en Veilig Thuis.",
    "Drang via reclassering, zorg via GGZ, woonbegeleiding.",
    "Afspraken over informatiedeling binnen het convenant.",
  ],
};

const iso = (d: Date) => format(d, "yyyy-MM-dd");

export async function seedRegistryDemo(db: Db, now: Date): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(cases);
  if (Number(n) > 0) return false;
  const rand = prng(20250106);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const orgs = await db.select().from(organisations);
  const partner = (name: string) => orgs.find((o) => o.name === name)!.id;
  const core = [
    "Politie Noord-Holland",
    "Openbaar Ministerie Noord-Holland",
    "Reclassering Nederland",
    "Veilig Thuis Noord-Holland Noord",
    "GGZ Noord-Holland-Noord",
  ].map(partner);
  const extra = [
    "Raad voor de Kinderbescherming",
    "GGD Hollands Noorden",
    "Fivoor",
    "Maatschappelijk werk",
    "Woonwaard",
    "Kennemer Wonen",
    "Van Alckmaer",
    "Wooncompagnie",
  ].map(partner);
  const weighted = MUNICIPALITIES.flatMap((m) => Array<typeof m>(WEIGHT[m.id] ?? 1).fill(m));
  const today = iso(now);
  const seq: Record<string, number> = {};
  const prefix: Record<string, string> = { alkmaar: "ALK", "den-helder": "DHR", "west-friesland": "WFR" };

  const caseRows: (typeof cases.$inferInsert)[] = [],
    themeRows: (typeof caseThemes.$inferInsert)[] = [];
  const confRows: (typeof conferences.$inferInsert)[] = [],
    linkRows: (typeof conferenceCases.$inferInsert)[] = [];
  const attRows: (typeof conferenceAttendance.$inferInsert)[] = [],
    fuRows: (typeof followUps.$inferInsert)[] = [];
  const actRows: (typeof activities.$inferInsert)[] = [];
  const retention = DEFAULT_REGISTRY_SETTINGS.retentionDays;

  for (let day = parseISO(START); iso(day) < today; day = addDays(day, 1)) {
    if (rand() > 0.6) continue; // about 220 aanmeldingen a year
    const m = pick(weighted);
    const registeredOn = iso(day);
    const key = `${prefix[m.branchId]}-${registeredOn.slice(0, 4)}`;
    seq[key] = (seq[key] ?? 0) + 1;
    const id = crypto.randomUUID();
    const themeIds = [...new Set([pick(THEME_MIX), ...(rand() < 0.25 ? [pick(THEME_MIX)] : [])])];
    const progress = (day.getTime() - parseISO(START).getTime()) / (now.getTime() - parseISO(START).getTime()); // 0 → 1 over the history
    const local = rand() < 0.04;
    // Time to the first ICO: triage on Tuesday, then usually within a few weeks.
    const firstIco = addDays(day, 6 + Math.floor(rand() * rand() * 40));
    const icoCount = local || iso(firstIco) >= today ? 0 : 1 + (rand() < 0.3 ? 1 : 0) + (rand() < 0.1 ? 1 : 0);
    const heldDays: string[] = [];
    for (let i = 0; i < icoCount; i++) {
      const held = iso(addDays(firstIco, i * (21 + Math.floor(rand() * 35))));
      if (held < today) heldDays.push(held);
    }
    const closeAfter = heldDays.length
      ? addDays(parseISO(heldDays.at(-1)!), 20 + Math.floor(rand() * 100))
      : addDays(day, 30 + Math.floor(rand() * 60));
    const closedOn = iso(closeAfter) < today ? iso(closeAfter) : null;
    caseRows.push({
      id,
      createdAt: day,
      code: `${key}-${String(seq[key]).padStart(4, "0")}`,
      municipalityId: m.id,
      branchId: m.branchId,
      referrerOrganisationId: pick([...core, ...core, ...extra, partner(`Gemeente ${m.name}`)]),
      status: closedOn ? "afgesloten" : heldDays.length ? "in_behandeling" : "aangemeld",
      registeredOn,
      closedOn,
      careSafetyNexus: themeIds.includes("persoonsgerichte-aanpak") || rand() < 0.8,
      societalImpact: themeIds.includes("persoonsgerichte-aanpak") || rand() < 0.7,
      handledLocallyOn: local ? iso(addDays(day, 7)) : null,
    });
    themeRows.push(...themeIds.map((themeId) => ({ caseId: id, themeId })));
    for (const heldOn of heldDays) {
      const confId = crypto.randomUUID();
      const director = rand() < 0.68 + 0.27 * progress ? pick([...core, ...extra, partner(`Gemeente ${m.name}`)]) : null;
      const recorded = (p: number) => rand() < p + 0.12 * progress;
      const notesGone = closedOn && iso(addDays(parseISO(closedOn), retention)) <= today;
      const note = (kind: keyof typeof NOTES, has: boolean) => (has && !notesGone ? pick(NOTES[kind]) : null);
      const has = { a: recorded(0.85), d: recorded(0.8), p: recorded(0.78) };
      confRows.push({
        id: confId,
        heldOn,
        branchId: m.branchId,
        chair: "Procesregisseur ZVH",
        rolesExplained: rand() < 0.5 + 0.4 * progress,
        directorOrganisationId: director,
        hasAanleiding: has.a,
        hasDoel: has.d,
        hasAanpak: has.p,
        aanleidingNote: note("aanleiding", has.a),
        doelNote: note("doel", has.d),
        aanpakNote: note("aanpak", has.p),
        notesErasedAt: notesGone ? addDays(parseISO(closedOn!), retention) : null,
        createdAt: parseISO(heldOn),
      });
      linkRows.push({ conferenceId: confId, caseId: id });
      const invited = [
        ...new Set([...core.filter(() => rand() < 0.8), ...extra.filter(() => rand() < 0.25), partner(`Gemeente ${m.name}`)]),
      ];
      for (const organisationId of invited) {
        const r = rand();
        attRows.push({
          conferenceId: confId,
          organisationId,
          status: r < 0.72 ? "aanwezig" : r < 0.84 ? "telefonisch_video" : r < 0.93 ? "informatie_aangeleverd" : "afwezig",
        });
      }
      const agreements = rand() < 0.1 ? 0 : 1 + Math.floor(rand() * 3);
      for (let i = 0; i < agreements; i++) {
        const dueOn = iso(addDays(parseISO(heldOn), 14 + Math.floor(rand() * 28)));
        const slip = Math.floor((rand() - 0.75) * 30);
        // Old agreements have long been ticked off (some late); the open ones are mostly recent.
        const stillOpen = dueOn > iso(addDays(parseISO(today), -60)) ? 0.2 : 0.03;
        const doneOn = rand() >= stillOpen ? iso(addDays(parseISO(dueOn), slip)) : null;
        fuRows.push({
          conferenceId: confId,
          ownerOrganisationId: pick(invited),
          dueOn,
          doneOn: doneOn && doneOn < today && doneOn >= heldOn ? doneOn : null,
          note: notesGone ? null : "Terugkoppeling aan de procesregisseur.",
        });
      }
      actRows.push(
        {
          kind: "casusoverleg",
          municipalityId: m.id,
          caseId: id,
          performedOn: heldOn,
          hours: 1.5 + Math.floor(rand() * 4) * 0.25,
          staffRole: "procesregisseur",
        },
        {
          kind: "voorbereiding",
          municipalityId: m.id,
          caseId: id,
          performedOn: iso(addDays(parseISO(heldOn), -2)),
          hours: 1 + Math.floor(rand() * 8) * 0.25,
          staffRole: "procesregisseur",
        },
        {
          kind: "voorbereiding",
          municipalityId: m.id,
          caseId: id,
          performedOn: iso(addDays(parseISO(heldOn), -3)),
          hours: 0.5,
          staffRole: "ondersteuning",
        },
      );
    }
    if (heldDays.length) {
      actRows.push({
        kind: "procesregie",
        municipalityId: m.id,
        caseId: id,
        performedOn: heldDays[0],
        hours: 2 + Math.floor(rand() * 16) * 0.5,
        staffRole: "procesregisseur",
      });
    } else if (!local) {
      actRows.push({
        kind: "advies",
        municipalityId: m.id,
        caseId: id,
        performedOn: iso(addDays(day, 3)),
        hours: 1 + Math.floor(rand() * 4) * 0.5,
        staffRole: "adviseur",
      });
    }
  }
  // Monthly network meetings and the occasional training, per municipality.
  for (let month = parseISO(START); iso(month) < today; month = addDays(month, 30)) {
    for (const m of MUNICIPALITIES) {
      if (rand() < 0.5)
        actRows.push({
          kind: "netwerkoverleg",
          municipalityId: m.id,
          performedOn: iso(addDays(month, 10)),
          hours: 2,
          staffRole: "adviseur",
        });
      if (rand() < 0.06)
        actRows.push({
          kind: "training_voorlichting",
          municipalityId: m.id,
          performedOn: iso(addDays(month, 18)),
          hours: 4,
          staffRole: "adviseur",
        });
    }
  }
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const chunks = async <T>(rows: T[], insert: (part: T[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += 400) await insert(rows.slice(i, i + 400));
    };
    await chunks(caseRows, (p) => t.insert(cases).values(p));
    await chunks(themeRows, (p) => t.insert(caseThemes).values(p));
    await chunks(confRows, (p) => t.insert(conferences).values(p));
    await chunks(linkRows, (p) => t.insert(conferenceCases).values(p));
    await chunks(attRows, (p) => t.insert(conferenceAttendance).values(p));
    await chunks(fuRows, (p) => t.insert(followUps).values(p));
    // Entered at the end of the day the work was done: a pack over a past period counts it.
    await chunks(
      actRows.filter((a) => a.performedOn < today).map((a) => ({ ...a, createdAt: new Date(`${a.performedOn}T16:00:00Z`) })),
      (p) => t.insert(activities).values(p),
    );
    await t
      .insert(settings)
      .values({
        key: "registry",
        value: { ...DEFAULT_REGISTRY_SETTINGS, organisationName: "Zorg- en Veiligheidshuis Noord-Holland Noord" },
      })
      .onConflictDoNothing();
  });
  return true;
}
