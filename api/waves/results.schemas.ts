import { z } from "@hono/zod-openapi";
import { WAVE_STATUSES } from "./waves.service.ts";
import { IntervalSchema, orNull } from "../lib/row-schema.ts";
import { TestResultSchema } from "../quality/quality.responses.ts";

/** Response shapes of wave results, comparison and open answers. */

const ScoreFields = { n: z.number().int(), mean: z.number(), sd: z.number(), ci: orNull(IntervalSchema) };

export const QuestionResultSchema = z
  .object({
    question: z.string(),
    title: z.string(),
    dimension: z.string(),
    ...ScoreFields,
    distribution: z.record(z.string(), z.number().int()).openapi({ description: "Aantal antwoorden per antwoordwaarde" }),
  })
  .openapi("QuestionResult");

export const DimensionResultSchema = z.object({ dimension: z.string(), label: z.string(), ...ScoreFields }).openapi("DimensionResult");

export const NpsResultSchema = z
  .object({
    n: z.number().int(),
    promoters: z.number().int(),
    passives: z.number().int(),
    detractors: z.number().int(),
    nps: z.number(),
    interval: orNull(IntervalSchema),
  })
  .openapi("NpsResult");

const Counts = { invited: z.number().int(), respondents: z.number().int(), responseRate: z.number().nullable() };

export const OverallResultSchema = z
  .discriminatedUnion("suppressed", [
    z.object({
      ...Counts,
      suppressed: z.literal(false),
      questions: z.array(QuestionResultSchema),
      dimensions: z.array(DimensionResultSchema),
      nps: orNull(NpsResultSchema),
    }),
    z.object({
      ...Counts,
      suppressed: z.literal(true),
      questions: z.array(QuestionResultSchema).max(0),
      dimensions: z.array(DimensionResultSchema).max(0),
      nps: z.null(),
    }),
  ])
  .openapi("OverallResult");

export const GroupResultSchema = z
  .discriminatedUnion("suppressed", [
    z.object({ key: z.string(), suppressed: z.literal(true) }),
    z.object({
      key: z.string(),
      suppressed: z.literal(false),
      ...Counts,
      questions: z.array(z.union([QuestionResultSchema, z.object({ question: z.string(), suppressed: z.literal(true) })])),
      dimensions: z.array(z.union([DimensionResultSchema, z.object({ dimension: z.string(), suppressed: z.literal(true) })])),
      nps: orNull(NpsResultSchema),
    }),
  ])
  .openapi("GroupResult");

export const WaveResultsSchema = z
  .object({
    fieldwork: z
      .object({ running: z.boolean(), closesAt: z.string(), note: z.string().nullable() })
      .openapi({ description: "Een lopende meting zegt het: haar cijfers bewegen nog tot de sluitdatum" }),
    notApplicable: z
      .array(z.object({ question: z.string(), answered: z.number().int(), notApplicable: z.number().int(), share: z.number().nullable() }))
      .openapi({ description: "Aandeel 'weet niet / n.v.t.' per vraag die die keuze biedt; telt als beantwoord, niet in de gemiddelden" }),
    wave: z.object({
      id: z.uuid(),
      name: z.string(),
      status: z.enum(WAVE_STATUSES),
      anonymous: z.boolean(),
      opensAt: z.string(),
      closesAt: z.string(),
      questionnaire: z.object({ key: z.string(), version: z.number().int() }),
    }),
    minGroupSize: z.number().int(),
    pending: z
      .number()
      .int()
      .min(0)
      .openapi({ description: "Anonieme antwoorden die binnen zijn maar nog niet in deze uitkomsten verwerkt (docs/privacy.md)" }),
    overall: OverallResultSchema,
    groups: z.object({
      organisationType: z.array(GroupResultSchema),
      branch: z.array(GroupResultSchema),
      municipality: z.array(GroupResultSchema),
    }),
  })
  .openapi("WaveResults");

const MeanN = z.object({ mean: z.number(), n: z.number().int() });
const Pair = { current: MeanN, previous: MeanN, difference: z.number(), test: orNull(TestResultSchema) };
const WaveRef = z.object({ id: z.uuid(), name: z.string() });

export const WaveComparisonSchema = z
  .object({
    wave: WaveRef,
    previous: WaveRef.nullable().openapi({ description: "De vorige gesloten meting met antwoorden; null als er geen is" }),
    alpha: z.number(),
    dimensions: z.array(z.object({ dimension: z.string(), label: z.string(), ...Pair })),
    questions: z.array(z.object({ question: z.string(), title: z.string(), dimension: z.string(), ...Pair })),
    nps: z.object({ current: z.number(), previous: z.number(), difference: z.number(), test: orNull(TestResultSchema) }).nullable(),
    responseRate: z.object({ current: z.number(), previous: z.number(), test: orNull(TestResultSchema) }).nullable(),
  })
  .openapi("WaveComparison");

export const OpenAnswersSchema = z
  .object({
    wave: WaveRef,
    minGroupSize: z.number().int(),
    groupBy: z.enum(["organisationType", "branch"]).nullable(),
    limitPerQuestion: z.number().int(),
    groups: z.array(
      z.object({
        key: z.string(),
        respondents: z.number().int().nullable(),
        suppressed: z.boolean(),
        answers: z.array(z.object({ question: z.string(), dimension: z.string().nullable(), text: z.string() })),
        totals: z.record(z.string(), z.number().int()).openapi({ description: "Aantal open antwoorden per vraag" }),
      }),
    ),
  })
  .openapi("OpenAnswers");
