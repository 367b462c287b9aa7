import { z } from "@hono/zod-openapi";
import { code, eventDate, line, text } from "../lib/fields.ts";
import { ACTION_STATUSES } from "../quality/quality.schemas.ts";
import { LEVELS, SIZE } from "../domain/risks/matrix.ts";
import { CHANGES } from "../domain/risks/history.ts";
import { riskKind } from "../../db/schema.ts";
import { checkError, fieldError } from "../lib/error-fields.ts";

/** API shapes of the risk and opportunity register (ISO 9001 6.1). */
export const KINDS = riskKind.enumValues;
const FieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]).openapi("RiskFieldValue");

// Titles and labels are one line; descriptions and notes may hold line breaks (lib/fields.ts).
const Text = (max: number) => text(max, 1);
const Line = (max: number) => line(max);
const Step = z
  .number()
  .int()
  .min(1, checkError("risk_step", { min: 1, max: SIZE }))
  .max(SIZE, checkError("risk_step", { min: 1, max: SIZE }));
const ProcessId = code(60);
const Interval = z
  .number()
  .int()
  .min(7, checkError("risk_interval_min", { min: 7 }))
  .max(730, checkError("risk_interval_max", { max: 730 }));
const nonEmpty = fieldError("no_change");

const Level = z.enum(LEVELS, checkError("risk_level_one_of", { levels: LEVELS.join(", ") }));
const Labels = (code: "matrix_likelihood_labels" | "matrix_impact_labels") =>
  z.array(Line(60)).length(SIZE, checkError(code, { count: SIZE }));
const LevelStyle = z
  .object({
    label: Line(40),
    colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, checkError("matrix_colour")),
  })
  .strict();

export const RiskMatrixSchema = z
  .object({
    levels: z.object({ laag: LevelStyle, middel: LevelStyle, hoog: LevelStyle, kritiek: LevelStyle }).strict(),
    likelihood: Labels("matrix_likelihood_labels"),
    impact: Labels("matrix_impact_labels"),
    grid: z
      .array(z.array(Level).length(SIZE, checkError("matrix_row_cells", { count: SIZE })))
      .length(SIZE, checkError("matrix_rows", { count: SIZE }))
      .openapi({ description: "grid[kans - 1][impact - 1]: het niveau van elke cel" }),
  })
  .strict()
  .openapi("RiskMatrix", {
    description:
      "Kans × impact. Voor kansen (opportunities) leest dezelfde matrix als baat: kans dat het voordeel zich voordoet × omvang van het voordeel.",
  });

export const NewRiskSchema = z
  .object({
    kind: z.enum(KINDS),
    title: Line(200),
    description: Text(4000),
    processId: ProcessId.nullable().optional(),
    inherentLikelihood: Step,
    inherentImpact: Step,
    residualLikelihood: Step,
    residualImpact: Step,
    treatment: Text(4000),
    ownerId: z.uuid(),
    reviewIntervalDays: Interval.default(180),
    lastReviewedOn: eventDate().optional().openapi({ description: "Datum van de beoordeling; standaard vandaag" }),
  })
  .strict()
  .openapi("NewRisk");

/** The kind and reference are fixed at creation; the review date moves only through a review. */
export const RiskUpdateSchema = z
  .object({
    title: Line(200).optional(),
    description: Text(4000).optional(),
    processId: ProcessId.nullable().optional(),
    inherentLikelihood: Step.optional(),
    inherentImpact: Step.optional(),
    residualLikelihood: Step.optional(),
    residualImpact: Step.optional(),
    treatment: Text(4000).optional(),
    ownerId: z.uuid().optional(),
    reviewIntervalDays: Interval.optional(),
    closedOn: eventDate().optional(),
    note: Text(2000).optional().openapi({ description: "Waarom; wordt bij deze versie bewaard" }),
  })
  .strict()
  .refine((u) => Object.keys(u).some((k) => k !== "note"), nonEmpty)
  .openapi("RiskUpdate");

export const RiskReviewSchema = z
  .object({
    reviewedOn: eventDate(),
    residualLikelihood: Step.optional(),
    residualImpact: Step.optional(),
    note: Text(2000),
  })
  .strict()
  .openapi("RiskReview");

/** The whole set of improvement actions that treat this risk; actions left out are unlinked. */
export const RiskActionsSchema = z
  .object({
    actionIds: z
      .array(z.uuid())
      .max(50)
      .refine((ids) => new Set(ids).size === ids.length, fieldError("repeated_action")),
  })
  .strict()
  .openapi("RiskActions");

export const RiskListQuery = z.object({
  kind: z.enum(KINDS).optional(),
  process: ProcessId.optional(),
  level: Level.optional().openapi({ description: "Niveau van het restrisico" }),
});

const AssessmentSchema = z.object({ likelihood: z.number(), impact: z.number(), score: z.number(), level: z.enum(LEVELS) });

export const RiskSnapshotSchema = z
  .object({
    ref: z.string(),
    kind: z.enum(KINDS),
    title: z.string(),
    description: z.string(),
    processId: z.string().nullable(),
    inherentLikelihood: z.number(),
    inherentImpact: z.number(),
    residualLikelihood: z.number(),
    residualImpact: z.number(),
    treatment: z.string(),
    ownerId: z.string(),
    reviewIntervalDays: z.number(),
    lastReviewedOn: z.string(),
    closedOn: z.string().nullable(),
    note: z.string().nullable().optional(),
  })
  .openapi("RiskSnapshot");

export const RiskSchema = z
  .object({
    id: z.string(),
    ref: z.string(),
    kind: z.enum(KINDS),
    title: z.string(),
    description: z.string(),
    processId: z.string().nullable(),
    processName: z.string().nullable(),
    treatment: z.string(),
    ownerId: z.string(),
    ownerName: z.string(),
    inherent: AssessmentSchema,
    residual: AssessmentSchema,
    reviewIntervalDays: z.number(),
    lastReviewedOn: z.string(),
    nextReviewOn: z.string().nullable(),
    reviewOverdue: z.boolean(),
    closedOn: z.string().nullable(),
    version: z.number(),
    actions: z.array(z.object({ id: z.string(), ref: z.string(), title: z.string(), status: z.enum(ACTION_STATUSES), dueOn: z.string() })),
    movement: z
      .object({
        since: z.string(),
        sinceVersion: z.number(),
        previous: AssessmentSchema,
        current: AssessmentSchema,
        direction: z.enum(["omlaag", "gelijk", "omhoog"]),
      })
      .nullable()
      .openapi({ description: `Restrisico nu tegenover de versie van 90 dagen geleden (of de eerste versie)` }),
  })
  .openapi("Risk");

export const HeatmapSchema = z
  .object({
    inherent: z.array(z.array(z.number())),
    residual: z.array(z.array(z.number())),
  })
  .openapi("RiskHeatmap", { description: "Aantal open risico's per cel, [kans - 1][impact - 1]" });

export const RiskHistoryEntrySchema = z
  .object({
    version: z.number(),
    changedAt: z.string(),
    changedBy: z.string().nullable(),
    changedByName: z.string().nullable(),
    change: z.enum(CHANGES),
    note: z.string().nullable(),
    changes: z.array(z.object({ field: z.string(), label: z.string(), from: FieldValue, to: FieldValue })),
    snapshot: RiskSnapshotSchema,
  })
  .openapi("RiskHistoryEntry");
