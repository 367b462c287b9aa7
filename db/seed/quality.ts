import { count, eq } from "drizzle-orm";
import type { Db } from "../types.ts";
import { actions, users, waves } from "../schema.ts";
import { closeFinding, createFinding, createFindingFromWave, createReview, updateFinding } from "../../api/quality/findings.service.ts";
import { createAction, updateAction } from "../../api/quality/actions.service.ts";
import { uploadEvidence } from "../../api/quality/evidence.service.ts";

const at = (day: string) => new Date(`${day}T09:00:00Z`);

/**
 * The improvement loop as the demo house lived it: the 2024 survey found roles unclear and
 * casusregie unassigned; actions were planned with criteria written up front and measured
 * in KTO 2026 and in the conference metrics; a complaint became a nonconformity that was
 * closed properly; one action runs late. Built through the services, so the rules hold.
 */
export async function seedQualityDemo(db: Db, now: Date): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(actions);
  if (Number(n) > 0) return false;
  const people = await db.select().from(users);
  const who = (role: string) => people.find((u) => u.email === `${role}@demo.zvh-nhn.nl`);
  const [kwaliteit, management, medewerker] = [who("kwaliteit"), who("management"), who("medewerker")];
  const [kto2024] = await db.select().from(waves).where(eq(waves.name, "KTO 2024"));
  if (!kwaliteit || !management || !medewerker || !kto2024 || now < at("2026-11-01")) return false;
  const by = (u: typeof kwaliteit) => ({ actorId: u.id, actor: u.email, ip: null });
  const q = by(kwaliteit),
    m = by(management);

  const roles = await createFindingFromWave(
    db,
    kto2024.id,
    { dimension: "rolduidelijkheid", classification: "opportunity", clauses: ["9.1.2", "8.5.1"] },
    at("2024-11-18"),
    q,
  );
  await createAction(
    db,
    {
      findingIds: [roles.id],
      title: "Rollen van partners aan tafel toelichten bij elke start van een casusoverleg",
      ownerId: medewerker.id,
      dueOn: "2025-03-31",
      pdcaPhase: "do",
      criterion: {
        kind: "survey_dimension",
        text: "Rolduidelijkheid ≥ 3,5 (schaal 1–5) in KTO 2026",
        dimension: "rolduidelijkheid",
        comparator: ">=",
        target: 3.5,
        scale: "5",
        wave: "KTO 2026",
      },
    },
    at("2024-11-20"),
    q,
  ).then((a) => updateAction(db, a.id, { status: "gereed", pdcaPhase: "check", completedOn: "2025-03-28" }, at("2025-03-28"), q));

  const regie = await createFindingFromWave(
    db,
    kto2024.id,
    {
      dimension: "casusoverleg",
      classification: "minor_nc",
      clauses: ["8.5.1"],
      title: "Casusregie niet altijd belegd na het casusoverleg",
    },
    at("2024-11-18"),
    q,
  );
  await updateFinding(
    db,
    regie.id,
    {
      correction: "Lopende casussen zonder regisseur nagelopen en alsnog belegd.",
      rootCauseAnalysis: {
        method: "fishbone",
        process: "Registratieformulier liet casusregisseur open",
        people: "Nieuwe voorzitters kenden de afspraak niet",
        partners: "Partners wachtten op elkaar",
      },
      rootCause: "Het vastleggen van de casusregisseur was niet verplicht in het proces.",
      similarElsewhere: "Ook bij vervolgafspraken zonder eigenaar; meegenomen in dezelfde actie.",
    },
    at("2024-12-02"),
    q,
  );
  await createAction(
    db,
    {
      findingIds: [regie.id],
      title: "Casusregisseur als verplicht onderdeel van elk casusoverleg",
      ownerId: kwaliteit.id,
      dueOn: "2025-06-30",
      pdcaPhase: "do",
      criterion: {
        kind: "conference_metric",
        text: "Casusregisseur toegewezen in ≥ 90 % van de casusoverleggen over Q3 2026",
        metric: "directorAssigned",
        comparator: ">=",
        target: 90,
        from: "2026-07-01",
        to: "2026-09-30",
      },
    },
    at("2024-12-02"),
    q,
  ).then((a) => updateAction(db, a.id, { status: "gereed", pdcaPhase: "check", completedOn: "2025-06-20" }, at("2025-06-20"), q));

  const complaint = await createFinding(
    db,
    {
      source: "complaint",
      title: "Aanmelder kreeg geen terugkoppeling over de triage",
      description: "Woningcorporatie meldde dat na aanmelding drie weken niets werd teruggekoppeld.",
      classification: "minor_nc",
      clauses: ["8.2.1", "9.1.2"],
      foundOn: "2025-09-08",
      correction: "Aanmelder direct gebeld en besluit toegelicht.",
    },
    at("2025-09-08"),
    q,
  );
  await updateFinding(
    db,
    complaint.id,
    {
      rootCauseAnalysis: {
        method: "five_whys",
        whys: [
          "Geen terugkoppeling verstuurd",
          "Niemand had die taak na de triage",
          "Werkinstructie noemde het niet",
          "Instructie dateert van vóór de dinsdagtriage",
        ],
      },
      rootCause: "De werkinstructie triage wijst niemand aan voor de terugkoppeling aan de aanmelder.",
      similarElsewhere: "Alle aanmeldingen van augustus nagelopen: twee keer eerder gebeurd.",
    },
    at("2025-09-10"),
    q,
  );
  const fix = await createAction(
    db,
    {
      findingIds: [complaint.id],
      title: "Werkinstructie triage: terugkoppeling binnen 2 werkdagen door de procesregisseur",
      ownerId: medewerker.id,
      dueOn: "2025-10-31",
      pdcaPhase: "do",
      criterion: { kind: "manual", text: "Steekproef van 20 aanmeldingen: alle binnen 2 werkdagen teruggekoppeld" },
    },
    at("2025-09-10"),
    q,
  );
  await updateAction(db, fix.id, { status: "gereed", pdcaPhase: "check", completedOn: "2025-10-20" }, at("2025-10-20"), q);
  const proof = await uploadEvidence(
    db,
    {
      file: new File(
        [new TextEncoder().encode("Steekproef terugkoppeling aanmelders, november 2025: 20 van 20 binnen 2 werkdagen.\n")],
        "steekproef-terugkoppeling-2025-11.txt",
        { type: "text/plain" },
      ),
      concernsDate: "2025-11-28",
      findingId: complaint.id,
      description: "Steekproef 20 aanmeldingen",
    },
    at("2025-12-01"),
    q,
  );
  await createReview(
    db,
    complaint.id,
    {
      reviewedOn: "2025-12-01",
      effective: true,
      explanation: "Alle 20 aanmelders kregen binnen 2 werkdagen bericht.",
      evidenceIds: [proof.id],
    },
    at("2025-12-01"),
    m,
  );
  await closeFinding(db, complaint.id, at("2025-12-02"), q);

  const privacy = await createFinding(
    db,
    {
      source: "other",
      title: "Partners delen soms meer dan nodig in de uitnodiging",
      description: "In uitnodigingen voor het casusoverleg stonden soms volledige namen van kinderen.",
      classification: "observation",
      clauses: ["8.5.3"],
      foundOn: "2026-05-12",
    },
    at("2026-05-12"),
    q,
  );
  await createAction(
    db,
    {
      findingIds: [privacy.id],
      title: "Sjabloon uitnodiging zonder persoonsgegevens invoeren",
      ownerId: management.id,
      dueOn: "2026-10-01",
      pdcaPhase: "do",
      criterion: { kind: "manual", text: "Geen namen in 10 willekeurige uitnodigingen van december" },
    },
    at("2026-05-12"),
    q,
  ).then((a) => updateAction(db, a.id, { status: "in_uitvoering" }, at("2026-06-01"), q));
  return true;
}
