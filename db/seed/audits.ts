import { count, inArray } from "drizzle-orm";
import type { Db } from "../types.ts";
import { internalAudits, users } from "../schema.ts";
import { createAudit, reportAudit, updateAudit, type AuditReport } from "../../api/audits/audits.service.ts";
import { updateProcess } from "../../api/audits/processes.service.ts";

type Who = "kwaliteit" | "management" | "auditor" | "medewerker";
const emailOf = (who: Who) => `${who}@demo.zvh-nhn.nl`;

/** Who owns which process; an owner never audits their own process. */
const OWNERS: Record<string, Who[]> = {
  casusoverleg: ["management"],
  "informatiedeling-privacy": ["management"],
  "aanmelding-triage": ["management"],
  klanttevredenheid: ["kwaliteit"],
  "kennis-expertisecentrum": ["kwaliteit"],
};

interface DemoAudit {
  processId: string;
  scope: string;
  criteria: string[];
  auditors: Who[];
  auditees: Who[];
  plannedOn: string;
  /** When it happened and was reported; left out for audits that are still to come. */
  actualOn?: string;
  report?: Omit<AuditReport, "actualOn">;
}

const CASUS = {
  processId: "casusoverleg",
  scope: "Voorbereiding, verslaglegging en vervolgafspraken van het casusoverleg, vestiging Alkmaar.",
  criteria: ["8.5.1", "8.2.1", "Werkinstructie casusoverleg"],
};
const PRIVACY = {
  processId: "informatiedeling-privacy",
  scope: "Informatiedeling binnen het convenant: grondslag, dataminimalisatie en bewaartermijnen.",
  criteria: ["8.5.3", "7.5.3", "Privacyprotocol ZVH NHN"],
};
const clean = (reportedOn: string, strongPoints: string) => ({
  reportedOn,
  strongPoints,
  conclusion: "Het proces werkt zoals beschreven; geen afwijkingen gevonden.",
  findings: [],
});

const PROGRAMME: DemoAudit[] = [
  {
    ...CASUS,
    auditors: ["kwaliteit"],
    auditees: ["medewerker", "management"],
    plannedOn: "2025-03-11",
    actualOn: "2025-03-11",
    report: {
      reportedOn: "2025-03-27",
      strongPoints: "Voorzitters bereiden het overleg goed voor; aanleiding en doel staan in vrijwel elk verslag.",
      conclusion: "Het casusoverleg loopt goed, maar de borging van de casusregie vraagt aandacht.",
      findings: [
        {
          title: "Casusregisseur niet altijd vastgelegd",
          classification: "minor_nc",
          clauses: ["8.5.1"],
          description: "In 4 van de 12 steekproefsgewijs bekeken verslagen ontbrak wie na afloop de casusregie heeft.",
          correction: "De casusregisseur is in de vier dossiers alsnog vastgelegd.",
        },
      ],
    },
  },
  {
    ...PRIVACY,
    auditors: ["auditor"],
    auditees: ["management", "medewerker"],
    plannedOn: "2025-04-08",
    actualOn: "2025-04-08",
    report: {
      reportedOn: "2025-04-24",
      strongPoints: "Het convenant is bekend bij alle procesregisseurs; gedeelde stukken staan alleen in het beveiligde dossier.",
      conclusion: "Informatiedeling gebeurt binnen het convenant; de verantwoording kan explicieter.",
      findings: [
        {
          title: "Grondslag van informatiedeling niet altijd in het verslag",
          classification: "observation",
          clauses: ["8.5.3"],
          description: "Het convenant wordt gevolgd, maar in verslagen staat niet altijd op welke grondslag informatie is gedeeld.",
        },
      ],
    },
  },
  {
    processId: "aanmelding-triage",
    scope: "Aanmelding, intakecriteria en triage op dinsdag.",
    criteria: ["8.2.2", "8.5.1"],
    auditors: ["kwaliteit"],
    auditees: ["medewerker"],
    plannedOn: "2025-05-20",
    actualOn: "2025-05-20",
    report: clean("2025-06-05", "De triage is voorspelbaar en de intakecriteria worden consequent toegepast."),
  },
  {
    processId: "klanttevredenheid",
    scope: "Opzet, uitvoering en opvolging van het klanttevredenheidsonderzoek.",
    criteria: ["9.1.2", "10.2"],
    auditors: ["auditor"],
    auditees: ["kwaliteit"],
    plannedOn: "2025-06-17",
    actualOn: "2025-06-17",
    report: clean("2025-07-01", "Uitkomsten worden per gemeente teruggekoppeld en leiden tot verbeteracties."),
  },
  {
    processId: "kennis-expertisecentrum",
    scope: "Kennisbijeenkomsten en advies aan ketenpartners.",
    criteria: ["7.1.6", "7.2"],
    auditors: ["auditor"],
    auditees: ["kwaliteit"],
    plannedOn: "2025-09-09",
    actualOn: "2025-09-09",
    report: clean("2025-09-25", "Kennisbijeenkomsten worden goed bezocht en geëvalueerd."),
  },
  {
    ...CASUS,
    auditors: ["auditor"],
    auditees: ["medewerker"],
    plannedOn: "2025-10-14",
    actualOn: "2025-10-14",
    report: clean("2025-10-30", "De casusregisseur staat nu in elk bekeken verslag; de maatregel na de voorjaarsaudit werkt."),
  },
  {
    ...PRIVACY,
    auditors: ["kwaliteit"],
    auditees: ["management"],
    plannedOn: "2025-11-18",
    actualOn: "2025-11-18",
    report: clean("2025-12-04", "Bewaartermijnen van werkaantekeningen worden automatisch bewaakt."),
  },

  {
    ...CASUS,
    auditors: ["auditor"],
    auditees: ["medewerker"],
    plannedOn: "2026-03-10",
    actualOn: "2026-03-10",
    report: clean("2026-03-26", "Rollen van partners worden aan het begin van elk overleg toegelicht."),
  },
  {
    processId: "aanmelding-triage",
    scope: "Doorlooptijd van aanmelding tot eerste casusoverleg.",
    criteria: ["8.2.2", "9.1.1"],
    auditors: ["kwaliteit"],
    auditees: ["medewerker"],
    plannedOn: "2026-05-19",
    actualOn: "2026-05-19",
    report: clean("2026-06-04", "Doorlooptijden worden maandelijks gevolgd."),
  },
  {
    ...PRIVACY,
    auditors: ["auditor"],
    auditees: ["management"],
    plannedOn: "2026-06-16",
    actualOn: "2026-06-16",
    report: clean("2026-07-02", "De grondslag van informatiedeling staat nu standaard in het verslagsjabloon."),
  },
  // Planned in October and not carried out: the programme shows it as late.
  { ...PRIVACY, auditors: ["kwaliteit"], auditees: ["management", "medewerker"], plannedOn: "2026-10-13" },
  { ...CASUS, auditors: ["kwaliteit"], auditees: ["medewerker"], plannedOn: "2026-12-08" },
];

/**
 * Process owners and the 2025 and 2026 audit programmes, made through the same services
 * the API uses, so independence is checked and every step is in the audit trail. Events
 * after `now` are left out: an audit dated in the future stays planned.
 */
export async function seedAuditsDemo(db: Db, now: Date): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(internalAudits);
  if (Number(n) > 0) return false;
  const roles: Who[] = ["kwaliteit", "management", "auditor", "medewerker"];
  const found = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, roles.map(emailOf)));
  if (found.length < roles.length) return false;
  const id = (who: Who) => found.find((u) => u.email === emailOf(who))!.id;
  const by = { actorId: id("kwaliteit"), actor: emailOf("kwaliteit"), ip: null };
  const today = now.toISOString().slice(0, 10);
  // Recorded when it happened (never after `now`), so a pack over a past period finds the programme and its reports.
  const at = (date: string) => new Date(Math.min(now.getTime(), Date.parse(`${date}T10:00:00Z`)));

  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    for (const [processId, owners] of Object.entries(OWNERS))
      await updateProcess(t, processId, { ownerIds: owners.map(id) }, at("2024-12-02"), by);
    for (const a of PROGRAMME) {
      const audit = await createAudit(
        t,
        {
          processId: a.processId,
          year: Number(a.plannedOn.slice(0, 4)),
          scope: a.scope,
          criteria: a.criteria,
          auditorIds: a.auditors.map(id),
          auditeeIds: a.auditees.map(id),
          plannedOn: a.plannedOn,
        },
        at(`${a.plannedOn.slice(0, 4)}-01-15`),
        by,
      );
      if (!a.actualOn || a.actualOn > today) continue;
      if (a.report && a.report.reportedOn <= today)
        await reportAudit(t, audit.id, { ...a.report, actualOn: a.actualOn }, at(a.report.reportedOn), by);
      else await updateAudit(t, audit.id, { actualOn: a.actualOn }, at(a.actualOn), by);
    }
  });
  return true;
}
