import { z } from "@hono/zod-openapi";
import { createSelectSchema } from "drizzle-zod";
import { actions, effectivenessReviews, evidenceFiles, findings, internalAudits, risks } from "../../db/schema.ts";
import { IntervalSchema, jsonRow, orNull } from "../lib/row-schema.ts";
import { CodedTextSchema, TextParamsSchema } from "../lib/errors.ts";
import { CriterionSchema, RootCauseSchema } from "./quality.schemas.ts";

/** Response shapes of the quality cycle: rows from the tables (drizzle-zod), jsonb columns typed here. */

/** A coded text, or the Dutch sentence an evaluation stored with an effectiveness review before the codes holds. */
const CodedOrStoredSchema = z.union([CodedTextSchema, z.string()]);

/** One measurement: a wave's mean score (1–5) or a period's share in percent. */
export const MeasureSchema = z
  .object({
    label: z.union([z.string(), CodedTextSchema]).openapi({
      description:
        "Naam van de meting, of de periode als gecodeerde tekst (error.eval_period); een oudere opgeslagen evaluatie heeft de Nederlandse periode",
    }),
    value: z.number(),
    n: z.number().int(),
    sd: z.number().optional().openapi({ description: "Alleen bij gemiddelden" }),
    count: z.number().int().optional().openapi({ description: "Alleen bij aandelen: hoeveel van n" }),
    ci: orNull(IntervalSchema),
  })
  .openapi("Measure");

/** A caveat by catalog code (the client renders it in its language); an evaluation stored before the codes holds the Dutch sentence. */
export const CaveatSchema = CodedOrStoredSchema.openapi("EvaluationCaveat");

/** The explanation line (outcome, why not yet measurable, or manual) by catalog code; an older stored evaluation holds the Dutch sentence. */
export const ExplanationSchema = CodedOrStoredSchema.openapi("EvaluationExplanation");

export const TestResultSchema = z
  .object({
    test: z.enum(["welch", "two_proportion", "fisher"]),
    statistic: z.number(),
    df: z.number().optional(),
    p: z.number(),
    significant: z.boolean(),
  })
  .openapi("TestResult");

export const CriterionEvaluationSchema = z
  .object({
    status: z.enum(["gehaald", "niet_gehaald", "nog_niet_meetbaar", "handmatig"]),
    criterion: z.string(),
    target: z.number().nullable(),
    baseline: orNull(MeasureSchema),
    result: orNull(MeasureSchema),
    change: orNull(TestResultSchema), // baseline → result
    caveats: z.array(CaveatSchema),
    explanation: ExplanationSchema,
  })
  .openapi("CriterionEvaluation");

/** The automatic check of an action's effectiveness criterion. */
export const EvaluationSchema = CriterionEvaluationSchema.extend({ actionId: z.uuid(), ref: z.string() }).openapi("Evaluation");

/** A survey baseline as stored on a finding made from a wave. */
export const SurveyBaselineSchema = z
  .object({
    kind: z.enum(["dimension", "question"]),
    key: z.string(),
    label: z.string(),
    waveId: z.uuid(),
    wave: z.string(),
    mean: z.number(),
    sd: z.number(),
    n: z.number().int(),
    ci: orNull(IntervalSchema),
  })
  .openapi("SurveyBaseline");

export const FindingSchema = jsonRow(
  createSelectSchema(findings, {
    rootCauseAnalysis: RootCauseSchema.nullable(),
    baseline: orNull(SurveyBaselineSchema),
  }),
)
  .extend({ status: z.enum(["open", "gesloten"]) })
  .openapi("Finding");

export const ActionSchema = jsonRow(createSelectSchema(actions, { criterion: CriterionSchema }))
  .extend({ overdue: z.boolean() })
  .openapi("Action");

const actionRow = createSelectSchema(actions);
const findingRow = createSelectSchema(findings);

export const FindingListItemSchema = FindingSchema.extend({
  actions: z.array(actionRow.pick({ id: true, ref: true, title: true, status: true, dueOn: true })),
}).openapi("FindingListItem");

export const ActionListItemSchema = ActionSchema.extend({
  ownerName: z.string(),
  findings: z.array(findingRow.pick({ id: true, ref: true, title: true })),
}).openapi("ActionListItem");

export const EffectivenessReviewSchema = jsonRow(
  createSelectSchema(effectivenessReviews, { evaluation: z.array(EvaluationSchema).nullable() }),
)
  .extend({ evidenceIds: z.array(z.uuid()) })
  .openapi("EffectivenessReview");

export const EvidenceSchema = jsonRow(createSelectSchema(evidenceFiles).omit({ content: true })).openapi("Evidence");

/** The client renders `code` with `params` from the catalog; `message` is the Dutch text, for clients without the catalog. */
export const ClosingProblemSchema = z
  .object({
    code: z.string().openapi({ description: "Catalogcode (i18n/errors.ts: error.<code>)" }),
    params: TextParamsSchema.optional().openapi({ description: "Waarden voor de tekst van de code" }),
    message: z.string().openapi({ description: "De Nederlandse tekst; terugval voor een client zonder de catalogus" }),
  })
  .openapi("ClosingProblem");

export const FindingDetailSchema = FindingSchema.extend({
  actions: z.array(
    ActionSchema.pick({
      id: true,
      ref: true,
      title: true,
      ownerId: true,
      dueOn: true,
      status: true,
      pdcaPhase: true,
      criterion: true,
      completedOn: true,
    }).extend({ evaluation: EvaluationSchema }),
  ),
  reviews: z.array(EffectivenessReviewSchema),
  evidence: z.array(
    EvidenceSchema.pick({ id: true, filename: true, size: true, sha256: true, concernsDate: true, uploadedAt: true, actionId: true }),
  ),
  closingProblems: z.array(ClosingProblemSchema).openapi({ description: "Wat sluiten nog tegenhoudt; leeg als de bevinding kan sluiten" }),
}).openapi("FindingDetail");

const findingSummary = findingRow.pick({ id: true, ref: true, title: true, classification: true, foundOn: true });

export const QualityDigestSchema = z
  .object({
    generatedOn: z.string(),
    overdueActions: z.array(actionRow.pick({ id: true, ref: true, title: true, dueOn: true, status: true }).extend({ owner: z.string() })),
    reviewsDue: z.array(findingSummary),
    withoutActions: z.array(findingSummary),
    lateAudits: z.array(
      createSelectSchema(internalAudits).pick({ id: true, ref: true, processId: true, plannedOn: true }).extend({ process: z.string() }),
    ),
    risksDue: z.array(createSelectSchema(risks).pick({ id: true, ref: true, title: true, lastReviewedOn: true })),
    total: z.number().int(),
    /** Whether the same overview is also e-mailed weekly (SMTP and recipients configured). */
    byMail: z.boolean(),
  })
  .openapi("QualityDigest");

export type SurveyBaseline = z.infer<typeof SurveyBaselineSchema>;
export type Measure = z.infer<typeof MeasureSchema>;
export type CriterionEvaluation = z.infer<typeof CriterionEvaluationSchema>;
