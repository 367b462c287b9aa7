/**
 * What each role of the dashboard may see: the menu's labels, where each view lives, and
 * which views each role gets. Checked in Chromium by the role part of tests/helpers/a11y-suite.ts;
 * the API side of the same table is tests/unit/dashboard-contract.test.ts.
 */
/** Every view's nav label and its path. */
export const VIEW = {
  overzicht: "Overzicht",
  results: "Klanttevredenheid",
  metingen: "Metingen",
  vragenlijsten: "Vragenlijsten",
  uren: "Uren",
  instellingen: "Instellingen",
  casussen: "Casussen",
  casusoverleg: "Casusoverleg",
  kengetallen: "Kengetallen",
  rendement: "Rendement",
  uitdraaien: "Uitdraaien",
  verbetercyclus: "Verbetercyclus",
  "audits-risicos": "Audits en risico's",
  directiebeoordeling: "Directiebeoordeling",
  municipality: "Mijn gemeente",
  users: "Accounts",
  audit: "Audittrail",
  bewijsmap: "Bewijsmap",
  "bewijsmap/controleren": "Bewijsmap controleren",
  account: "Mijn account",
} as const;
export type View = keyof typeof VIEW;
/** Where each view lives now; the views with English names moved to Dutch ones, and their old addresses redirect. */
export const MOVED: Partial<Record<View, string>> = {
  results: "/resultaten",
  municipality: "/gemeente",
  users: "/gebruikers",
  audit: "/audittrail",
};
export const pathOf = (v: View) => MOVED[v] ?? `/${v}`;

/** What each role is meant to see, in menu order (the API refuses the rest; the menu should not offer dead ends). */
export const SEES: Record<string, View[]> = {
  admin: ["metingen", "vragenlijsten", "users", "instellingen", "audit", "bewijsmap/controleren", "account"],
  kwaliteit: [
    "overzicht",
    "results",
    "metingen",
    "vragenlijsten",
    "casussen",
    "casusoverleg",
    "uren",
    "kengetallen",
    "rendement",
    "uitdraaien",
    "verbetercyclus",
    "audits-risicos",
    "directiebeoordeling",
    "bewijsmap",
    "instellingen",
    "audit",
    "account",
  ],
  management: [
    "overzicht",
    "results",
    "metingen",
    "casussen",
    "casusoverleg",
    "kengetallen",
    "rendement",
    "uitdraaien",
    "verbetercyclus",
    "audits-risicos",
    "directiebeoordeling",
    "bewijsmap",
    "account",
  ],
  medewerker: ["casussen", "casusoverleg", "uren", "kengetallen", "bewijsmap/controleren", "account"],
  gemeente: ["municipality", "kengetallen", "bewijsmap/controleren", "account"],
  auditor: [
    "overzicht",
    "results",
    "casussen",
    "casusoverleg",
    "kengetallen",
    "rendement",
    "verbetercyclus",
    "audits-risicos",
    "directiebeoordeling",
    "bewijsmap",
    "audit",
    "account",
  ],
};
