import { count, inArray } from "drizzle-orm";
import type { Db } from "../types.ts";
import { managementReviews, users } from "../schema.ts";
import { createManagementReview, finalizeManagementReview, updateManagementReview } from "../../api/reviews/reviews.service.ts";
import { updateAction } from "../../api/quality/actions.service.ts";
import type { ReviewInputKey } from "../../api/domain/reviews/review.inputs.ts";

const EMAIL = {
  kwaliteit: "kwaliteit@demo.zvh-nhn.nl",
  management: "management@demo.zvh-nhn.nl",
  medewerker: "medewerker@demo.zvh-nhn.nl",
} as const;
const HELD_2024 = "2025-01-21";
const FINALISED_2024 = "2025-01-28";
const HELD_2025 = "2026-01-20";
const FINALISED_2025 = "2026-01-27";

/** The first review kept in Ketenspiegel, over 2024: the year of the first partner survey (KTO 2024). */
const ASSESSMENTS_2024: Record<ReviewInputKey, string> = {
  previous_actions:
    "Dit is de eerste directiebeoordeling in Ketenspiegel. De afspraken uit het jaarplan 2024 zijn grotendeels uitgevoerd; " +
    "het vastleggen van casusregie in het verslag is nog niet structureel en nemen we hieronder mee.",
  context_changes:
    "Extern: het landelijk kader Zorg- en Veiligheidshuizen vraagt meer sturing op kwaliteit en een jaarlijkse verantwoording aan de " +
    "gemeenten. Intern: de dependances Den Helder en Hoorn werken sinds het voorjaar met dezelfde werkwijze voor triage.",
  satisfaction:
    "KTO 2024 is de eerste meting onder de ketenpartners. Meerwaarde en samenwerking scoren goed; rolduidelijkheid (2,8) en de " +
    "vastlegging van casusregie scoren het laagst. In het voorjaar van 2025 volgt een tussenmeting om de eerste maatregelen te volgen.",
  objectives:
    "Er waren voor 2024 nog geen meetbare kwaliteitsdoelstellingen. Vanaf 2025 krijgt elke actie een doeltreffendheidscriterium vooraf.",
  process_performance:
    "De casusregistratie over 2024 staat nog in het oude systeem; Ketenspiegel registreert vanaf januari 2025. Volgens de oude " +
    "registratie is in ongeveer een derde van de overleggen geen casusregisseur vastgelegd en duurt het gemiddeld drie weken van " +
    "aanmelding tot eerste overleg.",
  nonconformities:
    "Er zijn geen ernstige afwijkingen vastgesteld. Uit de KTO 2024 zijn twee verbeterpunten geregistreerd: rolduidelijkheid en casusregie.",
  monitoring:
    "De respons op de KTO 2024 was voldoende om per partnertype te rapporteren, niet per gemeente. Uren per gemeente werden in " +
    "2024 niet geregistreerd; dat begint in januari 2025 met Ketenspiegel.",
  audit_results:
    "Er is in 2024 nog geen intern auditprogramma uitgevoerd. Voor 2025 zijn audits op triage, casusoverleg, informatiedeling en " +
    "nazorg gepland, met onafhankelijke auditoren.",
  external_providers:
    "Politie, Openbaar Ministerie en Reclassering zijn bij triage vrijwel altijd aanwezig. De deelname van woningcorporaties " +
    "wisselt per regio.",
  resources:
    "De formatie volstaat voor het huidige aantal aanmeldingen. De inzet per gemeente is nog niet goed zichtbaar; dat maakt het " +
    "gesprek over de bijdrage van de gemeenten lastig.",
  risk_actions:
    "Het risico- en kansenregister is in het voorjaar van 2025 opgezet; de grootste risico's rond casusregie en informatiedeling " +
    "zijn al benoemd en krijgen een eigenaar.",
  improvement_opportunities:
    "Kansen: de rollen aan tafel vaker toelichten en de inzet per gemeente zichtbaar maken in een kwartaalrapportage.",
};

/** What management wrote about 2025: short, concrete, and ending in what to do about it. */
const ASSESSMENTS_2025: Record<ReviewInputKey, string> = {
  previous_actions:
    "De besluiten uit de beoordeling over 2024 zijn uitgevoerd: het auditprogramma 2025 is opgesteld en de inzet per gemeente " +
    "staat sinds het tweede kwartaal in de kwartaalrapportage. Het vastleggen van casusregie nemen we mee bij de procesprestaties.",
  context_changes:
    "Extern: het landelijk kader Zorg- en Veiligheidshuizen is aangescherpt en het convenant gegevensdeling wordt in 2026 vernieuwd. " +
    "De gemeenten in West-Friesland vragen meer terugkoppeling over de inzet per gemeente. Intern: twee procesregisseurs zijn " +
    "vertrokken en vervangen; de inwerkperiode drukte in het najaar op de capaciteit.",
  satisfaction:
    "De tussenmeting van voorjaar 2025 geeft een eerste indicatie: rolduidelijkheid lijkt iets gestegen ten opzichte van KTO 2024. " +
    "De volgende volledige meting staat gepland voor het najaar van 2026 en moet laten zien of de maatregelen effect hebben.",
  objectives:
    "De doelstellingen zijn als doeltreffendheidscriteria aan de acties gekoppeld. De meeste acties lopen nog; het criterium voor " +
    "casusregie (in minstens 90% van de overleggen een casusregisseur) is nog niet gehaald en blijft een doelstelling voor 2026.",
  process_performance:
    "Het aantal casusoverleggen is stabiel. Het aandeel overleggen met een vastgelegde casusregisseur stijgt, maar ligt nog onder de " +
    "norm. De doorlooptijd van aanmelding tot eerste overleg is acceptabel; de uitschieters zitten vooral in de zomerperiode.",
  nonconformities:
    "Er zijn geen ernstige afwijkingen vastgesteld. De lichte afwijkingen gaan vooral over het vastleggen van vervolgafspraken; " +
    "correcties zijn direct uitgevoerd en de oorzaakanalyse wijst op het ontbreken van een vaste bewaking. Verlopen acties worden " +
    "voortaan maandelijks in het MT besproken.",
  monitoring:
    "De respons op de KTO was voldoende om per partnertype te rapporteren. Het aantal verlopen vervolgafspraken is te hoog: hier is " +
    "de bewaking nu het zwakke punt, niet de afspraak zelf.",
  audit_results:
    "Het auditprogramma 2025 is grotendeels uitgevoerd. De audit op informatiedeling leverde een verbeterpunt op over de " +
    "grondslag per gedeeld gegeven; dat punt is opgepakt. Eén audit is doorgeschoven naar 2026 wegens capaciteit.",
  external_providers:
    "Politie, Veilig Thuis en Reclassering zijn vrijwel altijd aanwezig of leveren informatie aan. Bij de woningcorporaties en de " +
    "GGD is de deelname wisselend; we bespreken dit in het bestuurlijk overleg met de ketenpartners.",
  resources:
    "De uren voor procesregie en voorbereiding liggen boven de begroting, vooral in West-Friesland. Met de huidige formatie is de " +
    "dienstverlening te handhaven, maar er is geen ruimte voor groei in het aantal aanmeldingen.",
  risk_actions:
    "De risico's rond informatiedeling en continuïteit van procesregie zijn de grootste. Voor beide lopen maatregelen; de " +
    "herbeoordeling van enkele risico's is te laat uitgevoerd. De risico-eigenaren plannen hun herbeoordeling voortaan in de jaaragenda.",
  improvement_opportunities:
    "Kansen: gezamenlijke scholing met gemeenten over 'lokaal, tenzij' en een vast terugkoppelmoment aan de aanmelder. " +
    "Beide passen binnen de bestaande middelen en nemen we op in het jaarplan 2026.",
};

const ASSESSMENTS_2026_H1: Partial<Record<ReviewInputKey, string>> = {
  previous_actions:
    "De besluiten van de beoordeling over 2025 zijn omgezet in acties. De werkinstructie informatiedeling is bijna gereed; het " +
    "vastleggen van casusregie loopt en wordt in het najaar gemeten.",
  process_performance: "Het aandeel overleggen met casusregisseur is in het eerste halfjaar verder gestegen. Doorlooptijden zijn stabiel.",
  nonconformities:
    "Geen nieuwe ernstige afwijkingen. De openstaande lichte afwijking over vervolgafspraken sluiten we na de volgende controle.",
};

/**
 * Final reviews over 2024 and 2025 and one concept over the first half of 2026, made through
 * the review services so the demo records look exactly like ones made in the app. The
 * final one turns its decisions with an owner into findings and actions: call this after
 * the other quality seeds, which only run on empty tables.
 */
export async function seedReviewsDemo(db: Db, now: Date): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(managementReviews);
  if (Number(n) > 0) return false;
  const found = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, Object.values(EMAIL)));
  const person = (role: keyof typeof EMAIL) => found.find((u) => u.email === EMAIL[role]);
  const kwaliteit = person("kwaliteit"),
    management = person("management"),
    medewerker = person("medewerker");
  if (!kwaliteit || !management || !medewerker) return false;
  // A review cannot be final before it was held: on a clock before that date there is nothing to show.
  if (now.toISOString().slice(0, 10) < HELD_2025) return false;
  const asQuality = { actorId: kwaliteit.id, actor: kwaliteit.email, ip: null };
  const asManagement = { actorId: management.id, actor: management.email, ip: null };

  // Recorded when it happened (never after `now`): prepared in early January, finalised a week after it was held.
  const at = (date: string) => new Date(Math.min(now.getTime(), Date.parse(`${date}T10:00:00Z`)));
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    // Over 2024, finalised in January 2025: the review a pack over calendar 2025 shows.
    const first = await createManagementReview(
      t,
      { periodFrom: "2024-01-01", periodTo: "2024-12-31", heldOn: HELD_2024 },
      at("2025-01-07"),
      asQuality,
    );
    await updateManagementReview(
      t,
      first.id,
      {
        assessments: ASSESSMENTS_2024,
        decisions: [
          {
            kind: "wijziging_systeem",
            text: "Intern auditprogramma 2025 opstellen met een onafhankelijke auditor per proces",
            ownerId: kwaliteit.id,
            dueOn: "2025-03-31",
          },
          {
            kind: "verbetering",
            text: "Inzet in uren per gemeente opnemen in de kwartaalrapportage aan de gemeenten",
            ownerId: medewerker.id,
            dueOn: "2025-06-30",
          },
          { kind: "middelen", text: "Scholing voorzitters casusoverleg in het opleidingsbudget 2025 opnemen" },
        ],
      },
      at(HELD_2024),
      asManagement,
    );
    const done = await finalizeManagementReview(t, first.id, at(FINALISED_2024), asManagement);
    // Both actions were carried out in 2025, on time.
    const completed: Record<string, string> = { [kwaliteit.id]: "2025-03-14", [medewerker.id]: "2025-06-20" };
    for (const d of done.decisions) {
      const on = d.ownerId && completed[d.ownerId];
      if (!d.actionId || !on) continue;
      await updateAction(t, d.actionId, { status: "gereed", pdcaPhase: "check", completedOn: on }, at(on), {
        actorId: d.ownerId,
        actor: d.ownerId === kwaliteit.id ? kwaliteit.email : medewerker.email,
        ip: null,
      });
    }

    const final = await createManagementReview(
      t,
      { periodFrom: "2025-01-01", periodTo: "2025-12-31", heldOn: HELD_2025 },
      at("2026-01-08"),
      asQuality,
    );
    await updateManagementReview(
      t,
      final.id,
      {
        assessments: ASSESSMENTS_2025,
        decisions: [
          {
            kind: "verbetering",
            text: "Bij elk casusoverleg de casusregisseur benoemen en in het verslag vastleggen",
            ownerId: kwaliteit.id,
            dueOn: "2026-06-30",
          },
          {
            kind: "wijziging_systeem",
            text: "Werkinstructie informatiedeling herzien op basis van het vernieuwde convenant",
            ownerId: management.id,
            dueOn: "2026-04-30",
          },
          { kind: "middelen", text: "Formatie procesregie West-Friesland met 0,4 fte uitbreiden in de begroting 2027" },
        ],
      },
      at(HELD_2025),
      asManagement,
    );
    await finalizeManagementReview(t, final.id, at(FINALISED_2025), asManagement);

    const concept = await createManagementReview(t, { periodFrom: "2026-01-01", periodTo: "2026-06-30" }, now, asQuality);
    await updateManagementReview(
      t,
      concept.id,
      {
        assessments: ASSESSMENTS_2026_H1,
        decisions: [{ kind: "verbetering", text: "Vast terugkoppelmoment aan de aanmelder binnen twee weken na het eerste overleg" }],
      },
      now,
      asQuality,
    );
  });
  return true;
}
