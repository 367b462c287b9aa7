import { z } from "@hono/zod-openapi";
import { IsoDate } from "../registry/registry.schemas.ts";
import { line, planDate, text } from "../lib/fields.ts";
import { DECISION_KIND_KEYS, REVIEW_INPUT_KEYS } from "../domain/reviews/review.inputs.ts";
import { fieldError } from "../lib/error-fields.ts";
import { TextParamsSchema } from "../lib/errors.ts";

/** API shapes of the management review (ISO 9001 9.3). Inputs are strict: unknown fields → 400. */
// Titles and labels are one line; descriptions and notes may hold line breaks (lib/fields.ts).
const Text = (max: number) => text(max, 1);
const _Line = (max: number) => line(max);
const nonEmpty = fieldError("no_change");

export const NewReviewSchema = z
  .object({
    periodFrom: IsoDate,
    periodTo: IsoDate,
    heldOn: planDate().optional(),
  })
  .strict()
  .openapi("NewManagementReview");

/** Per input key management's text; an empty string clears it again while the review is a concept. */
export const AssessmentsSchema = z
  .object(
    Object.fromEntries(REVIEW_INPUT_KEYS.map((k) => [k, text(8000)])) as Record<
      (typeof REVIEW_INPUT_KEYS)[number],
      ReturnType<typeof text>
    >,
  )
  .partial()
  .strict();

export const DecisionInputSchema = z
  .object({
    kind: z.enum(DECISION_KIND_KEYS),
    text: Text(1000),
    ownerId: z.uuid().optional(),
    dueOn: planDate().optional(),
    /** Only to keep a decision that already led to an action (a correction carries them over). */
    actionId: z.uuid().optional(),
  })
  .strict()
  .refine((d) => !!d.ownerId === !!d.dueOn, fieldError("decision_owner_and_due"))
  .openapi("ManagementReviewDecisionInput");

export const ReviewUpdateSchema = z
  .object({
    heldOn: planDate().nullable().optional(),
    assessments: AssessmentsSchema.optional(),
    decisions: z.array(DecisionInputSchema).max(30).optional(),
    refreshInputs: z.literal(true).optional(),
  })
  .strict()
  .refine((u) => Object.keys(u).length > 0, nonEmpty)
  .openapi("ManagementReviewUpdate");

export const CorrectionSchema = z
  .object({ reason: Text(2000) })
  .strict()
  .openapi("ManagementReviewCorrection");

const Status = z.enum(["concept", "definitief"]);

export { ReviewInputSchema } from "./reviews.prefill.schemas.ts";
import { GapSchema, ReviewInputSchema } from "./reviews.prefill.schemas.ts";

export const DecisionSchema = z.object({
  kind: z.enum(DECISION_KIND_KEYS),
  text: z.string(),
  ownerId: z.string().nullable(),
  dueOn: z.string().nullable(),
  actionId: z.string().nullable(),
});

export const CompletenessSchema = z
  .object({
    complete: z.boolean(),
    missing: z.array(
      z.object({
        key: z.string(),
        code: z.string().openapi({ description: "Catalogcode (i18n/errors.ts: error.<code>); de client toont de tekst in zijn taal" }),
        params: TextParamsSchema.optional(),
        message: z.string().openapi({ description: "De Nederlandse tekst; terugval voor een client zonder de catalogus" }),
      }),
    ),
    missingAssessments: z.array(z.string()),
    dataGaps: z.array(z.object({ key: z.string(), gaps: z.array(GapSchema) })),
  })
  .openapi("ManagementReviewCompleteness");

export const VersionSummarySchema = z.object({
  id: z.string(),
  version: z.number(),
  status: Status,
  finalizedAt: z.string().nullable(),
});

export const ManagementReviewSchema = z
  .object({
    id: z.string(),
    seriesId: z.string(),
    version: z.number(),
    periodFrom: z.string(),
    periodTo: z.string(),
    heldOn: z.string().nullable(),
    status: Status,
    inputs: z.array(ReviewInputSchema),
    decisions: z.array(DecisionSchema),
    correctionOf: z.string().nullable(),
    correctionReason: z.string().nullable(),
    finalizedAt: z.string().nullable(),
    finalizedBy: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    completeness: CompletenessSchema,
    versions: z.array(VersionSummarySchema),
  })
  .openapi("ManagementReview");

export const ReviewListItemSchema = z
  .object({
    id: z.string(),
    seriesId: z.string(),
    version: z.number(),
    periodFrom: z.string(),
    periodTo: z.string(),
    heldOn: z.string().nullable(),
    status: Status,
    finalizedAt: z.string().nullable(),
    /** The latest version's gaps, so a list can show what is still to do. */
    missing: z.number(),
    versions: z.array(VersionSummarySchema),
  })
  .openapi("ManagementReviewSummary");
