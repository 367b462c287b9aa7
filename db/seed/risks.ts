import { subDays } from "date-fns";
import { count, inArray } from "drizzle-orm";
import type { Db } from "../types.ts";
import { riskHistory, risks, users } from "../schema.ts";
import { appendAudit } from "../../api/audit/audit.service.ts";
import type { Change, RiskSnapshot } from "../../api/domain/risks/history.ts";

/**
 * A risk and opportunity register that has been kept for about a year and a half: risks
 * recorded in 2025, treated, and reviewed since, so the register shows movement, one
 * review that is overdue, one risk that was closed, and opportunities being seized.
 * Days are counted back from `now`, so the demo is alive whenever it is started.
 */
const OWNERS = { kwaliteit: "kwaliteit@demo.zvh-nhn.nl", management: "management@demo.zvh-nhn.nl" } as const;
type Owner = keyof typeof OWNERS;

type Fields = Omit<RiskSnapshot, "ref" | "kind" | "ownerId" | "lastReviewedOn" | "closedOn" | "note">;

interface Step {
  daysAgo: number;
  by: Owner;
  change: Exclude<Change, "created">;
  set?: Partial<Fields>;
  note: string;
}

interface DemoRisk {
  kind: RiskSnapshot["kind"];
  owner: Owner;
  createdDaysAgo: number;
  createdBy: Owner;
  initial: Fields;
  note: string;
  steps: Step[];
}

const DEMO: DemoRisk[] = [
  {
    kind: "risk",
    owner: "kwaliteit",
    createdDaysAgo: 600,
    createdBy: "kwaliteit",
    note: "Uit het KTO 2024: partners weten na het overleg vaak niet wie de regie heeft.",
    initial: {
      title: "Casusregie niet belegd na casusoverleg",
      processId: "casusoverleg",
      description:
        "Na een casusoverleg is niet vastgelegd welke partner de casusregie heeft. Afspraken lopen dan uiteen en niemand bewaakt het plan van aanpak.",
      inherentLikelihood: 4,
      inherentImpact: 4,
      residualLikelihood: 4,
      residualImpact: 4,
      treatment: "De voorzitter benoemt aan het eind van elk casusoverleg de casusregisseur.",
      reviewIntervalDays: 90,
    },
    steps: [
      {
        daysAgo: 540,
        by: "kwaliteit",
        change: "updated",
        note: "Verslagformat aangepast: het veld casusregisseur is verplicht.",
        set: {
          residualLikelihood: 3,
          treatment:
            "De voorzitter benoemt aan het eind van elk casusoverleg de casusregisseur; het verslagformat maakt dit veld verplicht.",
        },
      },
      {
        daysAgo: 400,
        by: "kwaliteit",
        change: "reviewed",
        note: "Steekproef van 20 verslagen: in 15 is de casusregisseur vastgelegd. Nog niet structureel.",
      },
      {
        daysAgo: 200,
        by: "management",
        change: "reviewed",
        note: "Registratie meet nu per overleg of de casusregie belegd is; 84% in het afgelopen halfjaar.",
      },
      {
        daysAgo: 40,
        by: "kwaliteit",
        change: "reviewed",
        set: { residualLikelihood: 2, residualImpact: 3 },
        note: "Casusregie vastgelegd in 93% van de overleggen; partners bevestigen in het KTO 2026 dat de regie duidelijker is.",
      },
    ],
  },
  {
    kind: "risk",
    owner: "management",
    createdDaysAgo: 560,
    createdBy: "kwaliteit",
    note: "Vastgelegd bij de invoering van het privacyprotocol.",
    initial: {
      title: "Onrechtmatige informatiedeling tussen partners",
      processId: "informatiedeling-privacy",
      description: "Partners delen meer persoonsgegevens dan voor de casus nodig is, of buiten het convenant om (e-mail, telefoon).",
      inherentLikelihood: 3,
      inherentImpact: 5,
      residualLikelihood: 2,
      residualImpact: 5,
      treatment:
        "Convenant Zorg- en Veiligheidshuizen en privacyprotocol; delen alleen via het beveiligde systeem en per casus doelgebonden; jaarlijkse privacytraining.",
      reviewIntervalDays: 180,
    },
    steps: [
      {
        daysAgo: 380,
        by: "management",
        change: "reviewed",
        note: "Privacytraining 2025 gegeven aan alle procesregisseurs en vaste partners. Geen datalekken gemeld.",
      },
      {
        daysAgo: 170,
        by: "management",
        change: "reviewed",
        note: "Convenant geactualiseerd; één incident (e-mail aan verkeerde partner) gemeld en afgehandeld, geen structurele oorzaak.",
      },
    ],
  },
  {
    kind: "risk",
    owner: "management",
    createdDaysAgo: 520,
    createdBy: "management",
    note: "Verloop en ziekteverzuim onder procesregisseurs liepen op in 2024.",
    initial: {
      title: "Uitval procesregisseurs door werkdruk",
      processId: null,
      description: "Hoge caseload en zware casuïstiek leiden tot uitval van procesregisseurs; casussen blijven dan liggen.",
      inherentLikelihood: 2,
      inherentImpact: 4,
      residualLikelihood: 2,
      residualImpact: 4,
      treatment: "Intervisie elke zes weken.",
      reviewIntervalDays: 180,
    },
    steps: [
      {
        daysAgo: 430,
        by: "management",
        change: "updated",
        note: "Vervangingsregeling tussen de drie vestigingen afgesproken.",
        set: {
          residualImpact: 3,
          treatment:
            "Intervisie elke zes weken; vervangingsregeling tussen de vestigingen; maandelijkse caseloadmonitor per procesregisseur.",
        },
      },
      {
        daysAgo: 250,
        by: "management",
        change: "reviewed",
        note: "Verzuim 4,2%; caseload binnen de norm behalve in Den Helder (tijdelijk extra inzet).",
      },
      { daysAgo: 70, by: "management", change: "reviewed", note: "Verzuim 3,1%; caseload overal binnen de norm." },
    ],
  },
  {
    kind: "risk",
    owner: "management",
    createdDaysAgo: 470,
    createdBy: "management",
    note: "De bijdrage per gemeente wordt jaarlijks opnieuw vastgesteld.",
    initial: {
      title: "Afhankelijkheid van financiering door gemeenten",
      processId: null,
      description:
        "Het ZVH draait op bijdragen van zestien gemeenten; valt een grote gemeente weg of bezuinigt zij, dan komt de dienstverlening in de regio onder druk.",
      inherentLikelihood: 3,
      inherentImpact: 4,
      residualLikelihood: 3,
      residualImpact: 4,
      treatment: "Jaarlijkse rendementsanalyse per gemeente en bestuurlijk overleg over de verdeelsleutel.",
      reviewIntervalDays: 365,
    },
    steps: [
      {
        daysAgo: 110,
        by: "management",
        change: "reviewed",
        set: { residualLikelihood: 2, residualImpact: 3 },
        note: "Rendementsanalyse 2025 gedeeld; alle zestien gemeenten tekenden de meerjarige afspraak 2026–2027.",
      },
    ],
  },
  {
    kind: "risk",
    owner: "kwaliteit",
    createdDaysAgo: 420,
    createdBy: "kwaliteit",
    note: "Werkaantekeningen bleven na afsluiting van een casus onbeperkt in het systeem staan.",
    initial: {
      title: "Werkaantekeningen langer bewaard dan nodig",
      processId: "informatiedeling-privacy",
      description:
        "Aantekeningen uit het casusoverleg (aanleiding, doel, aanpak) bevatten gevoelige informatie en bleven bewaard na afsluiting van de casus, in strijd met de dataminimalisatie van de AVG.",
      inherentLikelihood: 4,
      inherentImpact: 3,
      residualLikelihood: 4,
      residualImpact: 3,
      treatment: "Procesregisseurs verwijderen aantekeningen handmatig bij afsluiting.",
      reviewIntervalDays: 180,
    },
    steps: [
      {
        daysAgo: 300,
        by: "kwaliteit",
        change: "updated",
        note: "Bewaartermijntaak in gebruik genomen.",
        set: {
          residualLikelihood: 1,
          treatment:
            "Automatische bewaartermijn: werkaantekeningen worden 90 dagen na afsluiting van de laatste casus gewist door de dagelijkse opschoning; elke opschoning staat in de audittrail.",
        },
      },
      {
        daysAgo: 90,
        by: "kwaliteit",
        change: "reviewed",
        note: "Audittrail gecontroleerd: opschoning draait dagelijks, geen aantekeningen ouder dan de termijn gevonden.",
      },
    ],
  },
  {
    kind: "risk",
    owner: "kwaliteit",
    createdDaysAgo: 380,
    createdBy: "kwaliteit",
    note: "Uit de registratie: een deel van de vervolgafspraken is na de termijn nog open.",
    initial: {
      title: "Vervolgafspraken uit het casusoverleg niet nagekomen",
      processId: "casusoverleg",
      description: "Partners komen afspraken uit het casusoverleg niet of te laat na, zonder dat dit wordt opgemerkt.",
      inherentLikelihood: 4,
      inherentImpact: 3,
      residualLikelihood: 3,
      residualImpact: 3,
      treatment: "Vervolgafspraken met eigenaar en termijn in de registratie; de procesregisseur rappelleert bij overschrijding.",
      reviewIntervalDays: 90,
    },
    // Last reviewed 250 days ago against a 90-day interval: the register flags it as overdue.
    steps: [{ daysAgo: 250, by: "kwaliteit", change: "reviewed", note: "Eerste meting: 71% van de vervolgafspraken op tijd afgerond." }],
  },
  {
    kind: "risk",
    owner: "kwaliteit",
    createdDaysAgo: 450,
    createdBy: "kwaliteit",
    note: "Doorlooptijd gemeten sinds de start van de registratie.",
    initial: {
      title: "Te lange doorlooptijd van aanmelding tot eerste casusoverleg",
      processId: "aanmelding-triage",
      description: "Casussen wachten na aanmelding te lang op een eerste casusoverleg, terwijl de situatie kan escaleren.",
      inherentLikelihood: 3,
      inherentImpact: 3,
      residualLikelihood: 3,
      residualImpact: 3,
      treatment: "Wekelijkse triage op dinsdag; spoedroute voor acute veiligheidsrisico's.",
      reviewIntervalDays: 180,
    },
    steps: [
      {
        daysAgo: 270,
        by: "kwaliteit",
        change: "reviewed",
        set: { residualLikelihood: 2 },
        note: "Mediane doorlooptijd 17 dagen; spoedroute vijf keer gebruikt.",
      },
      { daysAgo: 100, by: "kwaliteit", change: "reviewed", note: "Mediane doorlooptijd 16 dagen; stabiel." },
    ],
  },
  {
    kind: "risk",
    owner: "kwaliteit",
    createdDaysAgo: 530,
    createdBy: "kwaliteit",
    note: "Bij de aanbesteding van het registratiesysteem ontbrak nog een getekende verwerkersovereenkomst.",
    initial: {
      title: "Geen verwerkersovereenkomst met leverancier registratiesysteem",
      processId: "informatiedeling-privacy",
      description: "Zonder verwerkersovereenkomst is niet geborgd hoe de leverancier met de persoonsgegevens omgaat (AVG art. 28).",
      inherentLikelihood: 3,
      inherentImpact: 4,
      residualLikelihood: 3,
      residualImpact: 4,
      treatment: "Verwerkersovereenkomst opstellen met de functionaris gegevensbescherming.",
      reviewIntervalDays: 90,
    },
    steps: [
      {
        daysAgo: 470,
        by: "kwaliteit",
        change: "updated",
        set: { residualLikelihood: 1, residualImpact: 2 },
        note: "Verwerkersovereenkomst getekend.",
      },
      {
        daysAgo: 400,
        by: "management",
        change: "closed",
        note: "Overeenkomst in werking en jaarlijkse controle belegd bij de FG; risico vervallen.",
      },
    ],
  },
  {
    kind: "opportunity",
    owner: "kwaliteit",
    createdDaysAgo: 300,
    createdBy: "kwaliteit",
    note: "Uit het KTO: partners vragen om meer duidelijkheid over elkaars rol aan tafel.",
    initial: {
      title: "Gezamenlijke training rolduidelijkheid met partners",
      processId: "casusoverleg",
      description:
        "Een gezamenlijke training met politie, Veilig Thuis, reclassering en GGZ over ieders rol en mandaat in het casusoverleg maakt overleggen korter en afspraken steviger.",
      inherentLikelihood: 4,
      inherentImpact: 3,
      residualLikelihood: 2,
      residualImpact: 3,
      treatment: "Voorstel aan het ketenoverleg.",
      reviewIntervalDays: 180,
    },
    steps: [
      {
        daysAgo: 200,
        by: "kwaliteit",
        change: "updated",
        note: "Partners hebben ingestemd; training gepland.",
        set: {
          residualLikelihood: 3,
          treatment: "Twee trainingsdagen met vaste partners per vestiging; rolkaart per partner als vervolg.",
        },
      },
      {
        daysAgo: 50,
        by: "kwaliteit",
        change: "reviewed",
        set: { residualLikelihood: 4 },
        note: "Beide trainingen gegeven (46 deelnemers); rolkaart in gebruik bij elk casusoverleg.",
      },
    ],
  },
  {
    kind: "opportunity",
    owner: "management",
    createdDaysAgo: 200,
    createdBy: "kwaliteit",
    note: "Aanmeldingen komen nu per e-mail binnen en worden overgetypt.",
    initial: {
      title: "Digitaal aanmeldformulier koppelen aan triage",
      processId: "aanmelding-triage",
      description:
        "Een digitaal aanmeldformulier dat direct in de triage landt bespaart overtypen, voorkomt onvolledige aanmeldingen en verkort de doorlooptijd.",
      inherentLikelihood: 3,
      inherentImpact: 4,
      residualLikelihood: 2,
      residualImpact: 3,
      treatment: "Verkenning met de leverancier van het registratiesysteem.",
      reviewIntervalDays: 180,
    },
    steps: [
      {
        daysAgo: 20,
        by: "management",
        change: "reviewed",
        set: { residualImpact: 4 },
        note: "Leverancier kan het formulier in het voorjaar opleveren; budget is vrijgemaakt.",
      },
    ],
  },
];

const DAY_START_HOUR = 9;

/** A moment on the given day, during office hours, so the history reads like real work. */
function momentDaysAgo(now: Date, days: number, minute: number) {
  const d = subDays(now, days);
  d.setUTCHours(DAY_START_HOUR, minute % 60, 0, 0);
  return d > now ? subDays(d, 1) : d;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function seedRisksDemo(db: Db, now: Date): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(risks);
  if (Number(n) > 0) return false;
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, Object.values(OWNERS)));
  const idOf = (o: Owner) => people.find((p) => p.email === OWNERS[o])?.id;
  if (!idOf("kwaliteit") || !idOf("management")) return false;
  const actor = (o: Owner) => ({ actorId: idOf(o)!, actor: OWNERS[o], ip: null });

  const seq = { risk: 0, opportunity: 0 };
  const riskRows: (typeof risks.$inferInsert)[] = [];
  const historyRows: (typeof riskHistory.$inferInsert)[] = [];
  const audits: { at: Date; by: Owner; action: string; entityId: string; before?: RiskSnapshot; after: RiskSnapshot }[] = [];

  [...DEMO]
    .sort((a, b) => b.createdDaysAgo - a.createdDaysAgo)
    .forEach((demo, k) => {
      const id = crypto.randomUUID();
      const ref = `${demo.kind === "risk" ? "R" : "K"}-${String(++seq[demo.kind]).padStart(3, "0")}`;
      const createdAt = momentDaysAgo(now, demo.createdDaysAgo, k * 7);
      let snapshot: RiskSnapshot = {
        ref,
        kind: demo.kind,
        ...demo.initial,
        ownerId: idOf(demo.owner)!,
        lastReviewedOn: iso(createdAt),
        closedOn: null,
        note: demo.note,
      };
      historyRows.push({ riskId: id, version: 1, changedAt: createdAt, changedBy: idOf(demo.createdBy)!, change: "created", snapshot });
      audits.push({ at: createdAt, by: demo.createdBy, action: "create", entityId: id, after: snapshot });
      demo.steps.forEach((step, i) => {
        const at = momentDaysAgo(now, step.daysAgo, k * 7 + i + 1);
        const before = snapshot;
        snapshot = {
          ...before,
          ...step.set,
          note: step.note,
          ...(step.change === "reviewed" ? { lastReviewedOn: iso(at) } : {}),
          ...(step.change === "closed" ? { closedOn: iso(at) } : {}),
        };
        historyRows.push({ riskId: id, version: i + 2, changedAt: at, changedBy: idOf(step.by)!, change: step.change, snapshot });
        const action = step.change === "reviewed" ? "review" : step.change === "closed" ? "close" : "update";
        audits.push({ at, by: step.by, action, entityId: id, before, after: snapshot });
      });
      const { note: _, ...fields } = snapshot;
      riskRows.push({ id, ...fields, version: demo.steps.length + 1, updatedAt: historyRows.at(-1)!.changedAt });
    });

  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await t.insert(risks).values(riskRows);
    await t.insert(riskHistory).values(historyRows);
    // The trail in the order things happened, each entry stamped with its own moment.
    for (const a of audits.sort((x, y) => x.at.getTime() - y.at.getTime())) {
      await appendAudit(
        t,
        { ...actor(a.by), action: a.action, entity: "risk", entityId: a.entityId, before: a.before, after: a.after },
        a.at,
      );
    }
  });
  return true;
}
