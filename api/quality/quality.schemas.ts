import { z } from "@hono/zod-openapi";
import { actionStatus, findingClass, findingSource, pdcaPhase } from "../../db/schema.ts";
import { IsoDate } from "../registry/registry.schemas.ts";

/** API shapes of findings, actions, reviews and evidence (ISO 9001 10.2 / 10.3). Enums come from the database. */
export const FINDING_SOURCES = findingSource.enumValues;
export const CLASSIFICATIONS = findingClass.enumValues;
export const ACTION_STATUSES = actionStatus.enumValues;
export const PDCA = pdcaPhase.enumValues;
export const CONFERENCE_METRICS = ["directorAssigned", "allElementsRecorded", "rolesExplained"] as const;

export const Clause = z.string().regex(/^(4|5|6|7|8|9|10)(\.\d{1,2}){0,3}$/, "Een ISO 9001-paragraaf, bijvoorbeeld 9.1.2.");
const Text = (max: number) => z.string().trim().min(1).max(max);

/** What a new finding needs; sources other than the survey name their origin. */
export const NewFindingSchema = z.object({
  source: z.enum(FINDING_SOURCES),
  sourceWaveId: z.uuid().optional(),
  sourceDimension: z.string().max(60).optional(),
  sourceQuestion: z.string().max(60).optional(),
  sourceAuditId: z.uuid().optional(),
  sourceRiskId: z.uuid().optional(),
  sourceMetric: z.enum(CONFERENCE_METRICS).optional(),
  title: Text(200),
  description: Text(4000),
  classification: z.enum(CLASSIFICATIONS),
  clauses: z.array(Clause).min(1).max(10),
  foundOn: IsoDate,
  correction: Text(4000).optional(),
}).strict().openapi("NewFinding");

export const RootCauseSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("five_whys"), whys: z.array(Text(500)).min(2).max(7) }).strict(),
  z.object({ method: z.literal("fishbone"), people: Text(1000).optional(), process: Text(1000).optional(),
    systems: Text(1000).optional(), partners: Text(1000).optional() }).strict()
    .refine((f) => f.people || f.process || f.systems || f.partners, { message: "Vul minstens één graat van de visgraat in." }),
]);

export const FindingUpdateSchema = z.object({
  title: Text(200).optional(),
  description: Text(4000).optional(),
  classification: z.enum(CLASSIFICATIONS).optional(),
  clauses: z.array(Clause).min(1).max(10).optional(),
  correction: Text(4000).optional(),
  rootCauseAnalysis: RootCauseSchema.optional(),
  rootCause: Text(2000).optional(),
  similarElsewhere: Text(2000).optional(),
}).strict().refine((u) => Object.keys(u).length > 0, { message: "Geef minstens één veld om te wijzigen." }).openapi("FindingUpdate");

export const FromWaveSchema = z.object({
  dimension: z.string().max(60).optional(),
  question: z.string().max(60).optional(),
  classification: z.enum(CLASSIFICATIONS).default("opportunity"),
  clauses: z.array(Clause).min(1).max(10).default(["9.1.2"]),
  title: Text(200).optional(),
  description: Text(4000).optional(),
}).strict().refine((f) => !!f.dimension !== !!f.question, { message: "Kies precies één dimensie of één vraag." });

/** An effectiveness criterion, written when the action is planned. */
export const CriterionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("survey_dimension"), text: Text(300), dimension: z.string().max(60), comparator: z.enum([">=", "<="]),
    target: z.number(), scale: z.enum(["5", "10"]).default("5"), wave: z.string().max(120).optional() }).strict(),
  z.object({ kind: z.literal("survey_question"), text: Text(300), question: z.string().max(60), comparator: z.enum([">=", "<="]),
    target: z.number(), scale: z.enum(["5", "10"]).default("5"), wave: z.string().max(120).optional() }).strict(),
  z.object({ kind: z.literal("conference_metric"), text: Text(300), metric: z.enum(CONFERENCE_METRICS), comparator: z.enum([">=", "<="]),
    target: z.number().min(0).max(100), from: IsoDate, to: IsoDate }).strict(),
  z.object({ kind: z.literal("manual"), text: Text(300) }).strict(),
]).openapi("EffectivenessCriterion");

export const NewActionSchema = z.object({
  findingIds: z.array(z.uuid()).min(1).max(20),
  title: Text(200),
  ownerId: z.uuid(),
  dueOn: IsoDate,
  pdcaPhase: z.enum(PDCA).default("plan"),
  criterion: CriterionSchema,
  riskId: z.uuid().optional(),
}).strict().openapi("NewAction");

export const ActionUpdateSchema = z.object({
  title: Text(200).optional(),
  ownerId: z.uuid().optional(),
  dueOn: IsoDate.optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  pdcaPhase: z.enum(PDCA).optional(),
  completedOn: IsoDate.optional(),
}).strict().refine((u) => Object.keys(u).length > 0, { message: "Geef minstens één veld om te wijzigen." });

export const ReviewSchema = z.object({
  reviewedOn: IsoDate,
  effective: z.boolean(),
  explanation: Text(4000),
  evidenceIds: z.array(z.uuid()).min(1).max(20),
}).strict().openapi("NewEffectivenessReview");
