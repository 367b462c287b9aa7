/**
 * The inputs ISO 9001:2015 9.3.2 requires of a management review, in the order of the
 * standard. The keys are stored in the review's inputs, so they never change; the
 * titles are what management reads.
 */
export const REVIEW_INPUTS = [
  { key: "previous_actions", clause: "9.3.2 a", title: "Status van acties uit vorige directiebeoordelingen", prefilled: true },
  { key: "context_changes", clause: "9.3.2 b", title: "Wijzigingen in externe en interne onderwerpen", prefilled: false },
  { key: "satisfaction", clause: "9.3.2 c1", title: "Klanttevredenheid van ketenpartners", prefilled: true },
  { key: "objectives", clause: "9.3.2 c2", title: "Mate waarin kwaliteitsdoelstellingen zijn bereikt", prefilled: true },
  { key: "process_performance", clause: "9.3.2 c3", title: "Procesprestaties en conformiteit van de dienstverlening", prefilled: true },
  { key: "nonconformities", clause: "9.3.2 c4", title: "Afwijkingen en corrigerende maatregelen", prefilled: true },
  { key: "monitoring", clause: "9.3.2 c5", title: "Resultaten van monitoring en meting", prefilled: true },
  { key: "audit_results", clause: "9.3.2 c6", title: "Auditresultaten", prefilled: true },
  { key: "external_providers", clause: "9.3.2 c7", title: "Prestaties van externe aanbieders (ketenpartners)", prefilled: true },
  { key: "resources", clause: "9.3.2 d", title: "Toereikendheid van middelen", prefilled: true },
  { key: "risk_actions", clause: "9.3.2 e", title: "Doeltreffendheid van maatregelen voor risico's en kansen", prefilled: true },
  { key: "improvement_opportunities", clause: "9.3.2 f", title: "Kansen voor verbetering", prefilled: true },
] as const;

export type ReviewInputKey = (typeof REVIEW_INPUTS)[number]["key"];
export const REVIEW_INPUT_KEYS = REVIEW_INPUTS.map((i) => i.key) as [ReviewInputKey, ...ReviewInputKey[]];

/** The outputs 9.3.3 asks for; each decision is one of these. */
export const DECISION_KINDS = {
  verbetering: "Kans voor verbetering",
  wijziging_systeem: "Wijziging in het kwaliteitsmanagementsysteem",
  middelen: "Behoefte aan middelen",
} as const;
export type DecisionKind = keyof typeof DECISION_KINDS;
export const DECISION_KIND_KEYS = Object.keys(DECISION_KINDS) as [DecisionKind, ...DecisionKind[]];

/**
 * A pre-fill always says what it could not find ("gaps"), so that an empty list of
 * figures is never mistaken for a good result.
 */
export interface Prefill {
  gaps: string[];
  [figure: string]: unknown;
}

export interface StoredInput {
  key: ReviewInputKey;
  title: string;
  data: Prefill | null;
  assessment: string;
}

export interface Decision {
  kind: DecisionKind;
  text: string;
  ownerId: string | null;
  dueOn: string | null;
  actionId: string | null;
}
