import type { Body, Item, Reply } from "../../../shared/api/contract.ts";
import { labelled } from "../../../shared/api/labels.ts";
import { today } from "../../../shared/format.ts";

/** The quality cycle's shapes, from the API (see shared/api/pending.ts for the open records). */
export type Finding = Item<Reply<"listFindings">["findings"]>;
export type FindingListItem = Finding;
export type FindingDetail = Reply<"getFinding">["finding"];
export type FindingAction = Item<FindingDetail["actions"]>;
export type Evidence = Item<FindingDetail["evidence"]>;
export type EffectivenessReview = Item<FindingDetail["reviews"]>;
export type Evaluation = FindingAction["evaluation"];
export type Measure = NonNullable<Evaluation["result"]>;
export type ActionListItem = Item<Reply<"listActions">["actions"]>;
export type Digest = Reply<"getQualityDigest">;
export type Criterion = Body<"createAction">["criterion"];

export type Source = Finding["source"];
export type Classification = Finding["classification"];
export type ActionStatus = FindingAction["status"];
export type Pdca = FindingAction["pdcaPhase"];
export type ConferenceMetric = Extract<Criterion, { kind: "conference_metric" }>["metric"];
export type SurveyDimension = Body<"createFindingFromWave">["dimension"];

const sources = labelled<Source>({
  survey: "source.survey",
  audit: "source.audit",
  complaint: "source.complaint",
  risk: "source.risk",
  conference_metric: "source.conference_metric",
  other: "source.other",
});
const classes = labelled<Classification>({
  major_nc: "class.major_nc",
  minor_nc: "class.minor_nc",
  observation: "class.observation",
  opportunity: "class.opportunity",
});
const statuses = labelled<ActionStatus>({
  gepland: "actionStatus.gepland",
  in_uitvoering: "actionStatus.in_uitvoering",
  gereed: "actionStatus.gereed",
  geannuleerd: "actionStatus.geannuleerd",
});
const phases = labelled<Pdca>({ plan: "pdca.plan", do: "pdca.do", check: "pdca.check", act: "pdca.act" });
const metrics = labelled<ConferenceMetric>({
  directorAssigned: "metrics.directorAssigned",
  allElementsRecorded: "metrics.allElements",
  rolesExplained: "metrics.rolesExplained",
});

export const FINDING_SOURCES = sources.values,
  SOURCE_KEY = sources.keys;
export const CLASSIFICATIONS = classes.values,
  CLASS_KEY = classes.keys;
export const ACTION_STATUSES = statuses.values,
  ACTION_STATUS_KEY = statuses.keys;
export const PDCA = phases.values,
  PDCA_KEY = phases.keys;
export const CONFERENCE_METRICS = metrics.values,
  METRIC_KEY = metrics.keys;
/** The API stores a finding's source metric as text; only a known metric has a label. */
export const asMetric = (m: string | null | undefined): ConferenceMetric | undefined =>
  (CONFERENCE_METRICS as readonly string[]).includes(m ?? "") ? (m as ConferenceMetric) : undefined;

export const isNonconformity = (c: Classification) => c === "major_nc" || c === "minor_nc";
export const isOpen = (status: ActionStatus) => status === "gepland" || status === "in_uitvoering";
/** Past its deadline and not finished: the API's own rule, judged on the UTC day like the API. */
export const isOverdue = (a: { status: ActionStatus; dueOn: string }) => isOpen(a.status) && a.dueOn < today();

export type { Wave } from "../../survey/api/waves.ts";
export type { WaveResults } from "../../results/api/results.ts";
