/**
 * The default KTO questionnaire (SurveyJS JSON). Every scored question carries a
 * `dimension` key; results are grouped by it and compared across waves, so a key
 * must keep its meaning from version to version.
 */
export const DEFAULT_QUESTIONNAIRE_KEY = "kto-partners";

export const DIMENSIONS = {
  bekendheid: "Bekendheid en bereikbaarheid",
  rolduidelijkheid: "Rolduidelijkheid",
  casusoverleg: "Kwaliteit van het casusoverleg",
  informatiedeling: "Informatiedeling en privacy",
  meerwaarde: "Meerwaarde voor de eigen organisatie",
  samenwerking: "Samenwerking met de ketenpartners",
  rapportcijfer: "Rapportcijfer",
  nps: "Aanbeveling (NPS)",
} as const;
export type DimensionKey = keyof typeof DIMENSIONS;

/**
 * A SurveyJS localisable string: Dutch as the default, English for the survey page's switch.
 * Readers outside the survey page take the Dutch through localText (local-text.ts).
 */
export interface Localised {
  default: string;
  en: string;
}
const text = (nl: string, en: string): Localised => ({ default: nl, en });

const agree = [
  { value: 1, text: text("Helemaal oneens", "Strongly disagree") },
  { value: 2, text: text("Oneens", "Disagree") },
  { value: 3, text: text("Neutraal", "Neutral") },
  { value: 4, text: text("Eens", "Agree") },
  { value: 5, text: text("Helemaal eens", "Strongly agree") },
];

function statement(name: string, dimension: DimensionKey, title: Localised) {
  return { type: "rating", name, dimension, title, isRequired: true, rateValues: agree, displayMode: "buttons" };
}

function openQuestion(name: string, title: Localised) {
  return { type: "comment", name, title, maxLength: 2000, rows: 4 };
}

export const defaultQuestionnaire = {
  title: text("Klanttevredenheidsonderzoek ketenpartners", "Partner satisfaction survey"),
  description: text(
    "Hoe ervaart u de samenwerking met het Zorg- en Veiligheidshuis? Uw antwoorden helpen ons verbeteren. Invullen duurt ongeveer 10 minuten; uw antwoorden worden tussentijds bewaard.",
    "How do you experience working with the Safety House (Zorg- en Veiligheidshuis)? Your answers help us improve. It takes about 10 minutes; your answers are saved as you go.",
  ),
  locale: "nl",
  showProgressBar: "top",
  progressBarType: "pages",
  showQuestionNumbers: "off",
  completedHtml: text(
    "<h2>Hartelijk dank!</h2><p>Uw antwoorden zijn ontvangen en veilig opgeslagen. U kunt dit venster sluiten.</p>",
    "<h2>Thank you!</h2><p>Your answers have been received and stored safely. You can close this window.</p>",
  ),
  pages: [
    {
      name: "bekendheid",
      title: text("Bekendheid en bereikbaarheid", "Awareness and accessibility"),
      elements: [
        statement(
          "bek_weten",
          "bekendheid",
          text(
            "Ik weet wanneer ik een casus kan aanmelden bij het Zorg- en Veiligheidshuis.",
            "I know when I can refer a case to the Safety House.",
          ),
        ),
        statement(
          "bek_bereikbaar",
          "bekendheid",
          text(
            "Het Zorg- en Veiligheidshuis is goed bereikbaar als ik vragen heb.",
            "The Safety House is easy to reach when I have questions.",
          ),
        ),
        statement(
          "bek_triage",
          "bekendheid",
          text(
            "Na een aanmelding hoor ik snel genoeg wat er met de casus gebeurt (triage en terugkoppeling).",
            "After a referral I hear soon enough what happens with the case (triage and feedback).",
          ),
        ),
      ],
    },
    {
      name: "rollen",
      title: text("Rolduidelijkheid", "Clarity of roles"),
      elements: [
        statement(
          "rol_taken",
          "rolduidelijkheid",
          text(
            "Het is mij duidelijk welke taken en rollen elke ketenpartner aan tafel heeft.",
            "It is clear to me which tasks and roles each partner at the table has.",
          ),
        ),
        statement(
          "rol_eigen",
          "rolduidelijkheid",
          text(
            "Mijn eigen rol en mandaat in het casusoverleg zijn duidelijk.",
            "My own role and mandate in the case conference are clear.",
          ),
        ),
        statement(
          "rol_regie",
          "rolduidelijkheid",
          text(
            "Het is duidelijk wie de casusregie heeft na een casusoverleg.",
            "It is clear who coordinates the case after a case conference.",
          ),
        ),
      ],
    },
    {
      name: "casusoverleg",
      title: text("Kwaliteit van het casusoverleg", "Quality of the case conference"),
      elements: [
        statement(
          "co_voorzitter",
          "casusoverleg",
          text("De voorzitter leidt het casusoverleg goed.", "The chair leads the case conference well."),
        ),
        statement(
          "co_voorbereiding",
          "casusoverleg",
          text(
            "Het casusoverleg is goed voorbereid (agenda, aanleiding en doel vooraf bekend).",
            "The case conference is well prepared (agenda, reason and aim known beforehand).",
          ),
        ),
        statement(
          "co_vastlegging",
          "casusoverleg",
          text(
            "Aanleiding, doel, aanpak, casusregisseur en vervolgafspraken worden helder vastgelegd.",
            "Reason, aim, approach, case coordinator and follow-up agreements are recorded clearly.",
          ),
        ),
        statement(
          "co_afspraken",
          "casusoverleg",
          text("Afspraken uit het casusoverleg worden nagekomen.", "Agreements made in the case conference are kept."),
        ),
      ],
    },
    {
      name: "informatie",
      title: text("Informatiedeling en privacy", "Information sharing and privacy"),
      elements: [
        statement(
          "inf_delen",
          "informatiedeling",
          text(
            "Ik weet welke informatie ik in het casusoverleg mag delen.",
            "I know which information I may share in the case conference.",
          ),
        ),
        statement(
          "inf_zorgvuldig",
          "informatiedeling",
          text(
            "Het Zorg- en Veiligheidshuis gaat zorgvuldig om met gedeelde informatie.",
            "The Safety House handles shared information with care.",
          ),
        ),
      ],
    },
    {
      name: "meerwaarde",
      title: text("Meerwaarde en samenwerking", "Added value and cooperation"),
      elements: [
        statement(
          "mw_eigen",
          "meerwaarde",
          text(
            "Het Zorg- en Veiligheidshuis heeft meerwaarde voor het werk van mijn organisatie.",
            "The Safety House adds value to the work of my organisation.",
          ),
        ),
        statement(
          "mw_resultaat",
          "meerwaarde",
          text(
            "Door de aanpak via het Zorg- en Veiligheidshuis worden casussen sneller of beter opgelost.",
            "Working through the Safety House resolves cases faster or better.",
          ),
        ),
        statement(
          "sw_partners",
          "samenwerking",
          text("De samenwerking met de andere ketenpartners verloopt goed.", "Cooperation with the other partners goes well."),
        ),
        statement(
          "sw_kennen",
          "samenwerking",
          text(
            "Via het Zorg- en Veiligheidshuis ken ik de juiste mensen bij andere organisaties.",
            "Through the Safety House I know the right people at other organisations.",
          ),
        ),
      ],
    },
    {
      name: "oordeel",
      title: text("Uw oordeel", "Your verdict"),
      elements: [
        {
          type: "rating",
          name: "cijfer",
          dimension: "rapportcijfer",
          isRequired: true,
          rateMin: 0,
          rateMax: 10,
          displayMode: "buttons",
          title: text(
            "Welk rapportcijfer geeft u het Zorg- en Veiligheidshuis als geheel?",
            "What mark (0–10) do you give the Safety House as a whole?",
          ),
          minRateDescription: text("Zeer slecht", "Very poor"),
          maxRateDescription: text("Uitstekend", "Excellent"),
        },
        {
          type: "rating",
          name: "aanbeveling",
          dimension: "nps",
          isRequired: true,
          rateMin: 0,
          rateMax: 10,
          displayMode: "buttons",
          title: text(
            "Hoe waarschijnlijk is het dat u het Zorg- en Veiligheidshuis aanbeveelt aan een collega van een andere organisatie?",
            "How likely is it that you would recommend the Safety House to a colleague at another organisation?",
          ),
          minRateDescription: text("Zeer onwaarschijnlijk", "Very unlikely"),
          maxRateDescription: text("Zeer waarschijnlijk", "Very likely"),
        },
        openQuestion(
          "goed",
          text("Wat gaat goed in de samenwerking met het Zorg- en Veiligheidshuis?", "What goes well in working with the Safety House?"),
        ),
        openQuestion("beter", text("Wat kan beter?", "What could be better?")),
      ],
    },
  ],
} as const;
