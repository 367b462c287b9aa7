import { z } from "@hono/zod-openapi";
import { actionStatus, findingClass, findingSource, pdcaPhase } from "../../db/schema.ts";
import { IsoDate } from "../registry/registry.schemas.ts";
import { code, eventDate, line, planDate, text } from "../lib/fields.ts";
import { fieldError } from "../lib/error-fields.ts";
import { CodedTextSchema } from "../lib/errors.ts";

/** API shapes of findings, actions, reviews and evidence (ISO 9001 10.2 / 10.3). Enums come from the database. */
export const FINDING_SOURCES = findingSource.enumValues;
export const CLASSIFICATIONS = findingClass.enumValues;
export const ACTION_STATUSES = actionStatus.enumValues;
export const PDCA = pdcaPhase.enumValues;
export const CONFERENCE_METRICS = ["directorAssigned", "allElementsRecorded", "rolesExplained"] as const;

export const Clause = z.string().regex(/^(4|5|6|7|8|9|10)(\.\d{1,2}){0,3}$/, "Een ISO 9001-paragraaf, bijvoorbeeld 9.1.2.");
// Titles and labels are one line; descriptions and notes may hold line breaks (lib/fields.ts).
const Text = (max: number) => text(max, 1);
const Line = (max: number) => line(max);

/** What a new finding needs; sources other than the survey name their origin. */
export const NewFindingSchema = z
  .object({
    source: z.enum(FINDING_SOURCES),
    sourceWaveId: z.uuid().optional(),
    sourceDimension: code(60).optional(),
    sourceQuestion: code(60).optional(),
    sourceAuditId: z.uuid().optional(),
    sourceRiskId: z.uuid().optional(),
    sourceMetric: z.enum(CONFERENCE_METRICS).optional(),
    title: Line(200),
    description: Text(4000),
    classification: z.enum(CLASSIFICATIONS),
    clauses: z.array(Clause).min(1).max(10),
    foundOn: eventDate(),
    correction: Text(4000).optional(),
  })
  .strict()
  .openapi("NewFinding");

export const RootCauseSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("five_whys"), whys: z.array(Text(500)).min(2).max(7) }).strict(),
  z
    .object({
      method: z.literal("fishbone"),
      people: Text(1000).optional(),
      process: Text(1000).optional(),
      systems: Text(1000).optional(),
      partners: Text(1000).optional(),
    })
    .strict()
    .refine((f) => f.people || f.process || f.systems || f.partners, fieldError("fishbone_empty")),
]);

export const FindingUpdateSchema = z
  .object({
    title: Line(200).optional(),
    description: Text(4000).optional(),
    classification: z.enum(CLASSIFICATIONS).optional(),
    clauses: z.array(Clause).min(1).max(10).optional(),
    correction: Text(4000).optional(),
    rootCauseAnalysis: RootCauseSchema.optional(),
    rootCause: Text(2000).optional(),
    similarElsewhere: Text(2000).optional(),
  })
  .strict()
  .refine((u) => Object.keys(u).length > 0, fieldError("no_change"))
  .openapi("FindingUpdate");

export const FromWaveSchema = z
  .object({
    dimension: code(60).optional(),
    question: code(60).optional(),
    classification: z.enum(CLASSIFICATIONS).default("opportunity"),
    clauses: z.array(Clause).min(1).max(10).default(["9.1.2"]),
    title: Line(200).optional(),
    description: Text(4000).optional(),
  })
  .strict()
  .refine((f) => !!f.dimension !== !!f.question, fieldError("one_dimension_or_question"));

/** An effectiveness criterion, written when the action is planned. */
export const CriterionSchema = z
  .discriminatedUnion("kind", [
    z
      .object({
        kind: z.literal("survey_dimension"),
        text: Line(300),
        dimension: code(60),
        comparator: z.enum([">=", "<="]),
        target: z.number().min(0).max(100),
        scale: z.enum(["5", "10"]).default("5"),
        wave: code(120).optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal("survey_question"),
        text: Line(300),
        question: code(60),
        comparator: z.enum([">=", "<="]),
        target: z.number().min(0).max(100),
        scale: z.enum(["5", "10"]).default("5"),
        wave: code(120).optional(),
      })
      .strict(),
    z
      .object({
        kind: z.literal("conference_metric"),
        text: Line(300),
        metric: z.enum(CONFERENCE_METRICS),
        comparator: z.enum([">=", "<="]),
        target: z.number().min(0).max(100),
        from: IsoDate,
        to: IsoDate,
      })
      .strict(),
    z.object({ kind: z.literal("manual"), text: Line(300) }).strict(),
  ])
  .openapi("EffectivenessCriterion");

export const NewActionSchema = z
  .object({
    findingIds: z.array(z.uuid()).min(1).max(20),
    title: Line(200),
    ownerId: z.uuid(),
    dueOn: planDate(),
    pdcaPhase: z.enum(PDCA).default("plan"),
    criterion: CriterionSchema,
    riskId: z.uuid().optional(),
  })
  .strict()
  .openapi("NewAction");

export const ActionUpdateSchema = z
  .object({
    title: Line(200).optional(),
    ownerId: z.uuid().optional(),
    dueOn: planDate().optional(),
    status: z.enum(ACTION_STATUSES).optional(),
    pdcaPhase: z.enum(PDCA).optional(),
    completedOn: eventDate().optional(),
  })
  .strict()
  .refine((u) => Object.keys(u).length > 0, fieldError("no_change"));

export const ReviewSchema = z
  .object({
    reviewedOn: eventDate(),
    effective: z.boolean(),
    explanation: Text(4000),
    evidenceIds: z.array(z.uuid()).min(1).max(20),
  })
  .strict()
  .openapi("NewEffectivenessReview");

/** A finding as the API returns it (publicFinding). */
export const FindingSchema = z
  .object({
    id: z.uuid(),
    ref: z.string(),
    source: z.enum(FINDING_SOURCES),
    status: z.enum(["open", "gesloten"]),
    sourceWaveId: z.string().nullable(),
    sourceDimension: z.string().nullable(),
    sourceQuestion: z.string().nullable(),
    sourceAuditId: z.string().nullable(),
    sourceRiskId: z.string().nullable(),
    sourceMetric: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    classification: z.enum(CLASSIFICATIONS),
    clauses: z.array(z.string()),
    foundOn: z.string(),
    correction: z.string().nullable(),
    rootCauseMethod: z.enum(["five_whys", "fishbone"]).nullable(),
    rootCauseAnalysis: z.unknown().openapi({ description: "five_whys: { whys }; fishbone: { people, process, systems, partners }" }),
    rootCause: z.string().nullable(),
    similarElsewhere: z.string().nullable(),
    baseline: z.unknown().openapi({ description: "De nulmeting waar de bevinding van uitging (meting, score, n, interval) of null" }),
    closedAt: z.string().nullable(),
    closedBy: z.string().nullable(),
    closeReason: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .strict()
  .openapi("FindingRecord");

const ProblemSchema = z.object({ code: z.string(), message: z.string() }).strict();
export const ClosingCheckSchema = z
  .object({
    findingId: z.uuid(),
    ref: z.string(),
    classification: z.enum(CLASSIFICATIONS),
    canClose: z.boolean().openapi({ description: "Niets blokkeert het sluiten (een reden kan nog nodig zijn)" }),
    reasonRequired: z
      .boolean()
      .openapi({ description: "Zonder doeltreffende beoordeling sluit een observatie of kans alleen met een reden" }),
    blocking: z.array(ProblemSchema),
    stillOpen: z
      .object({
        actionsNotDone: z.array(z.object({ id: z.uuid(), ref: z.string(), title: z.string(), status: z.enum(ACTION_STATUSES) }).strict()),
        effectNotMeasurable: z.array(
          z
            .object({
              actionId: z.uuid(),
              ref: z.string(),
              status: z.enum(["gehaald", "niet_gehaald", "nog_niet_meetbaar", "handmatig"]),
              explanation: CodedTextSchema.openapi({ description: "Waarom het effect nog niet meetbaar is, per catalogcode" }),
            })
            .strict(),
        ),
        effectivenessReviewMissing: z.boolean(),
      })
      .strict(),
  })
  .strict()
  .openapi("ClosingCheck");

export const CloseSchema = z
  .object({ reason: Text(2000).optional() })
  .strict()
  .openapi("CloseFinding");
export const ReopenSchema = z
  .object({ reason: Text(2000) })
  .strict()
  .openapi("ReopenFinding");
