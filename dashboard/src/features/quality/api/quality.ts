import type { MessageKey } from "../../../../../i18n/messages.ts";
import { today } from "../../../shared/format.ts";

/** Shapes of the quality-cycle API as the dashboard reads them (see api/quality/quality.schemas.ts). */
export const FINDING_SOURCES = ["survey", "audit", "complaint", "risk", "conference_metric", "other"] as const;
export const CLASSIFICATIONS = ["major_nc", "minor_nc", "observation", "opportunity"] as const;
export const ACTION_STATUSES = ["gepland", "in_uitvoering", "gereed", "geannuleerd"] as const;
export const PDCA = ["plan", "do", "check", "act"] as const;
export const CONFERENCE_METRICS = ["directorAssigned", "allElementsRecorded", "rolesExplained"] as const;
/** The survey dimensions an effectiveness criterion can name (api/domain/survey/questionnaire.ts), scored 1–5. */
export const SURVEY_DIMENSIONS = ["bekendheid", "rolduidelijkheid", "casusoverleg", "informatiedeling", "meerwaarde", "samenwerking"] as const;

export type Source = (typeof FINDING_SOURCES)[number];
export type Classification = (typeof CLASSIFICATIONS)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type Pdca = (typeof PDCA)[number];
export type ConferenceMetric = (typeof CONFERENCE_METRICS)[number];

/** Roles that may change the quality cycle (quality:write); the API enforces the same. */
export const QUALITY_WRITERS = ["kwaliteit", "management"];

export const SOURCE_KEY: Record<Source, MessageKey> = {
  survey: "source.survey", audit: "source.audit", complaint: "source.complaint", risk: "source.risk",
  conference_metric: "source.conference_metric", other: "source.other",
};
export const CLASS_KEY: Record<Classification, MessageKey> = {
  major_nc: "class.major_nc", minor_nc: "class.minor_nc", observation: "class.observation", opportunity: "class.opportunity",
};
export const ACTION_STATUS_KEY: Record<ActionStatus, MessageKey> = {
  gepland: "actionStatus.gepland", in_uitvoering: "actionStatus.in_uitvoering", gereed: "actionStatus.gereed", geannuleerd: "actionStatus.geannuleerd",
};
export const PDCA_KEY: Record<Pdca, MessageKey> = { plan: "pdca.plan", do: "pdca.do", check: "pdca.check", act: "pdca.act" };
export const METRIC_KEY: Record<ConferenceMetric, MessageKey> = {
  directorAssigned: "metrics.directorAssigned", allElementsRecorded: "metrics.allElements", rolesExplained: "metrics.rolesExplained",
};
export const DIMENSION_KEY: Record<(typeof SURVEY_DIMENSIONS)[number], MessageKey> = {
  bekendheid: "dimension.bekendheid", rolduidelijkheid: "dimension.rolduidelijkheid", casusoverleg: "dimension.casusoverleg",
  informatiedeling: "dimension.informatiedeling", meerwaarde: "dimension.meerwaarde", samenwerking: "dimension.samenwerking",
};

export const isNonconformity = (c: Classification) => c === "major_nc" || c === "minor_nc";
export const isOpen = (status: ActionStatus) => status === "gepland" || status === "in_uitvoering";
/** Past its deadline and not finished: the API's own rule, judged on the UTC day like the API. */
export const isOverdue = (a: { status: ActionStatus; dueOn: string }) => isOpen(a.status) && a.dueOn < today();

export interface Interval { low: number; high: number }

/** The measured starting point a finding made from a survey wave keeps. */
export interface SurveyBaseline {
  kind: "dimension" | "question"; key: string; label: string; waveId: string; wave: string;
  mean: number; sd: number; n: number; ci: Interval | null;
}

export type RootCauseAnalysis =
  | { method: "five_whys"; whys: string[] }
  | { method: "fishbone"; people?: string; process?: string; systems?: string; partners?: string };

export type Criterion =
  | { kind: "survey_dimension"; text: string; dimension: string; comparator: ">=" | "<="; target: number; scale: "5" | "10"; wave?: string }
  | { kind: "survey_question"; text: string; question: string; comparator: ">=" | "<="; target: number; scale: "5" | "10"; wave?: string }
  | { kind: "conference_metric"; text: string; metric: ConferenceMetric; comparator: ">=" | "<="; target: number; from: string; to: string }
  | { kind: "manual"; text: string };

export interface Measure { label: string; value: number; n: number; sd?: number; count?: number; ci: Interval | null }

export interface Evaluation {
  status: "gehaald" | "niet_gehaald" | "nog_niet_meetbaar" | "handmatig";
  criterion: string; target: number | null; baseline: Measure | null; result: Measure | null;
  change: { p: number; significant: boolean } | null; caveats: string[]; explanation: string;
}

export interface Finding {
  id: string; ref: string; source: Source; sourceWaveId: string | null; sourceDimension: string | null; sourceQuestion: string | null;
  sourceAuditId: string | null; sourceRiskId: string | null; sourceMetric: ConferenceMetric | null;
  title: string; description: string; classification: Classification; clauses: string[]; foundOn: string;
  correction: string | null; rootCauseMethod: "five_whys" | "fishbone" | null; rootCauseAnalysis: RootCauseAnalysis | null;
  rootCause: string | null; similarElsewhere: string | null; baseline: SurveyBaseline | null;
  status: "open" | "gesloten"; closedAt: string | null; createdAt: string; updatedAt: string;
}

export interface FindingListItem extends Finding {
  actions: { id: string; ref: string; title: string; status: ActionStatus; dueOn: string }[];
}

export interface FindingAction {
  id: string; ref: string; title: string; ownerId: string; dueOn: string; status: ActionStatus; pdcaPhase: Pdca;
  criterion: Criterion; completedOn: string | null; evaluation: Evaluation;
}

export interface Evidence {
  id: string; filename: string; size: number; sha256: string; concernsDate: string; uploadedAt: string; actionId: string | null;
}

export interface EffectivenessReview {
  id: string; reviewerId: string; reviewedOn: string; effective: boolean; explanation: string; evidenceIds: string[]; createdAt: string;
}

export interface Problem { code: string; message: string }

export interface FindingDetail extends Finding {
  actions: FindingAction[]; reviews: EffectivenessReview[]; evidence: Evidence[]; closingProblems: Problem[];
}

export interface ActionListItem {
  id: string; ref: string; title: string; ownerId: string; ownerName: string; dueOn: string; status: ActionStatus; overdue: boolean;
  findings: { id: string; ref: string; title: string }[];
}

interface FindingSummary { id: string; ref: string; title: string; classification: Classification; foundOn: string }

export interface Digest {
  generatedOn: string; total: number;
  overdueActions: { id: string; ref: string; title: string; dueOn: string; owner: string; status: ActionStatus }[];
  reviewsDue: FindingSummary[];
  withoutActions: FindingSummary[];
  lateAudits: { id: string; ref: string; processId: string; plannedOn: string }[];
  risksDue: { id: string; ref: string; title: string; lastReviewedOn: string }[];
}

export interface Wave { id: string; name: string; status: string; invited: number; responded: number; opensAt: string; closesAt: string }
export interface WaveDimension { dimension: string; label: string; n: number; mean: number; ci: Interval | null }
export interface WaveResults {
  overall: { respondents: number; suppressed: boolean; dimensions: WaveDimension[] };
}
