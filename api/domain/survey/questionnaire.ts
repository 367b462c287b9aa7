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

const agree = [
  { value: 1, text: "Helemaal oneens" },
  { value: 2, text: "Oneens" },
  { value: 3, text: "Neutraal" },
  { value: 4, text: "Eens" },
  { value: 5, text: "Helemaal eens" },
];

function statement(name: string, dimension: DimensionKey, title: string) {
  return { type: "rating", name, dimension, title, isRequired: true, rateValues: agree, displayMode: "buttons" };
}

function openQuestion(name: string, title: string) {
  return { type: "comment", name, title, maxLength: 2000, rows: 4 };
}

export const defaultQuestionnaire = {
  title: "Klanttevredenheidsonderzoek ketenpartners",
  description:
    "Hoe ervaart u de samenwerking met het Zorg- en Veiligheidshuis? Uw antwoorden helpen ons verbeteren. Invullen duurt ongeveer 10 minuten; uw antwoorden worden tussentijds bewaard.",
  locale: "nl",
  showProgressBar: "top",
  progressBarType: "pages",
  showQuestionNumbers: "off",
  completedHtml: "<h2>Hartelijk dank!</h2><p>Uw antwoorden zijn ontvangen en veilig opgeslagen. U kunt dit venster sluiten.</p>",
  pages: [
    {
      name: "bekendheid",
      title: "Bekendheid en bereikbaarheid",
      elements: [
        statement("bek_weten", "bekendheid", "Ik weet wanneer ik een casus kan aanmelden bij het Zorg- en Veiligheidshuis."),
        statement("bek_bereikbaar", "bekendheid", "Het Zorg- en Veiligheidshuis is goed bereikbaar als ik vragen heb."),
        statement(
          "bek_triage",
          "bekendheid",
          "Na een aanmelding hoor ik snel genoeg wat er met de casus gebeurt (triage en terugkoppeling).",
        ),
      ],
    },
    {
      name: "rollen",
      title: "Rolduidelijkheid",
      elements: [
        statement("rol_taken", "rolduidelijkheid", "Het is mij duidelijk welke taken en rollen elke ketenpartner aan tafel heeft."),
        statement("rol_eigen", "rolduidelijkheid", "Mijn eigen rol en mandaat in het casusoverleg zijn duidelijk."),
        statement("rol_regie", "rolduidelijkheid", "Het is duidelijk wie de casusregie heeft na een casusoverleg."),
      ],
    },
    {
      name: "casusoverleg",
      title: "Kwaliteit van het casusoverleg",
      elements: [
        statement("co_voorzitter", "casusoverleg", "De voorzitter leidt het casusoverleg goed."),
        statement("co_voorbereiding", "casusoverleg", "Het casusoverleg is goed voorbereid (agenda, aanleiding en doel vooraf bekend)."),
        statement(
          "co_vastlegging",
          "casusoverleg",
          "Aanleiding, doel, aanpak, casusregisseur en vervolgafspraken worden helder vastgelegd.",
        ),
        statement("co_afspraken", "casusoverleg", "Afspraken uit het casusoverleg worden nagekomen."),
      ],
    },
    {
      name: "informatie",
      title: "Informatiedeling en privacy",
      elements: [
        statement("inf_delen", "informatiedeling", "Ik weet welke informatie ik in het casusoverleg mag delen."),
        statement("inf_zorgvuldig", "informatiedeling", "Het Zorg- en Veiligheidshuis gaat zorgvuldig om met gedeelde informatie."),
      ],
    },
    {
      name: "meerwaarde",
      title: "Meerwaarde en samenwerking",
      elements: [
        statement("mw_eigen", "meerwaarde", "Het Zorg- en Veiligheidshuis heeft meerwaarde voor het werk van mijn organisatie."),
        statement(
          "mw_resultaat",
          "meerwaarde",
          "Door de aanpak via het Zorg- en Veiligheidshuis worden casussen sneller of beter opgelost.",
        ),
        statement("sw_partners", "samenwerking", "De samenwerking met de andere ketenpartners verloopt goed."),
        statement("sw_kennen", "samenwerking", "Via het Zorg- en Veiligheidshuis ken ik de juiste mensen bij andere organisaties."),
      ],
    },
    {
      name: "oordeel",
      title: "Uw oordeel",
      elements: [
        {
          type: "rating",
          name: "cijfer",
          dimension: "rapportcijfer",
          isRequired: true,
          rateMin: 0,
          rateMax: 10,
          displayMode: "buttons",
          title: "Welk rapportcijfer geeft u het Zorg- en Veiligheidshuis als geheel?",
          minRateDescription: "Zeer slecht",
          maxRateDescription: "Uitstekend",
        },
        {
          type: "rating",
          name: "aanbeveling",
          dimension: "nps",
          isRequired: true,
          rateMin: 0,
          rateMax: 10,
          displayMode: "buttons",
          title: "Hoe waarschijnlijk is het dat u het Zorg- en Veiligheidshuis aanbeveelt aan een collega van een andere organisatie?",
          minRateDescription: "Zeer onwaarschijnlijk",
          maxRateDescription: "Zeer waarschijnlijk",
        },
        openQuestion("goed", "Wat gaat goed in de samenwerking met het Zorg- en Veiligheidshuis?"),
        openQuestion("beter", "Wat kan beter?"),
      ],
    },
  ],
} as const;
