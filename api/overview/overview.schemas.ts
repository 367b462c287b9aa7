import { z } from "@hono/zod-openapi";
import { IntervalSchema, orNull } from "../lib/row-schema.ts";
import { CodedTextSchema } from "../lib/errors.ts";
import { WAVE_STATUSES } from "../waves/waves.service.ts";

/** Response shapes of the start page. */

const Verdict = z
  .enum(["significant_up", "significant_down", "not_significant", "no_test"])
  .openapi({ description: "De verandering in woorden: alleen omhoog of omlaag als de toets zegt dat het meer is dan toeval" });

const ChangeSchema = z
  .object({ previous: z.number(), difference: z.number(), p: z.number().nullable(), verdict: Verdict })
  .openapi("OverviewChange");

const ScoreSchema = z
  .object({
    dimension: z.string(),
    label: z.string(),
    mean: z.number(),
    n: z.number().int(),
    ci: orNull(IntervalSchema),
    change: orNull(ChangeSchema),
  })
  .openapi("OverviewScore");

const TrendPointSchema = z
  .object({
    waveId: z.uuid(),
    name: z.string(),
    closesAt: z.string(),
    respondents: z.number().int(),
    responseRate: z.number().nullable(),
    suppressed: z.boolean(),
    grade: z.number().nullable(),
    nps: z.number().nullable(),
  })
  .openapi("OverviewTrendPoint");

const SatisfactionSchema = z
  .object({
    latest: orNull(
      z.object({
        waveId: z.uuid(),
        name: z.string(),
        closesAt: z.string(),
        respondents: z.number().int(),
        invited: z.number().int(),
        suppressed: z.boolean(),
        previous: orNull(z.object({ id: z.uuid(), name: z.string() })),
        grade: orNull(ScoreSchema),
        nps: orNull(z.object({ nps: z.number(), n: z.number().int(), interval: orNull(IntervalSchema), change: orNull(ChangeSchema) })),
        weakest: orNull(ScoreSchema),
        strongest: orNull(ScoreSchema),
      }),
    ),
    trend: z.array(TrendPointSchema),
  })
  .openapi("OverviewSatisfaction");

const ImprovementSchema = z
  .object({
    id: z.uuid(),
    ref: z.string(),
    title: z.string(),
    status: z.enum(["gepland", "in_uitvoering", "gereed", "geannuleerd"]),
    dueOn: z.string(),
    owner: z.string(),
    findingId: z.uuid(),
    findingRef: z.string(),
    effect: z.object({
      status: z.enum(["gehaald", "niet_gehaald", "nog_niet_meetbaar", "handmatig"]),
      explanation: CodedTextSchema.openapi({ description: "De uitleg van de evaluatie per catalogcode" }),
      significant: z.boolean().nullable(),
    }),
  })
  .openapi("OverviewImprovement");

const OverdueSchema = z
  .object({
    actions: z.array(z.object({ id: z.uuid(), ref: z.string(), title: z.string(), dueOn: z.string(), owner: z.string() })),
    audits: z.array(z.object({ id: z.uuid(), ref: z.string(), process: z.string(), plannedOn: z.string(), auditors: z.array(z.string()) })),
    risks: z.array(
      z.object({
        id: z.uuid(),
        ref: z.string(),
        title: z.string(),
        process: z.string().nullable(),
        owner: z.string(),
        lastReviewedOn: z.string(),
        reviewDueOn: z.string(),
      }),
    ),
    followUps: z.array(z.object({ id: z.uuid(), dueOn: z.string(), heldOn: z.string(), branchId: z.string(), owner: z.string() })),
  })
  .openapi("OverviewOverdue");

const FiguresSchema = z
  .object({ cases: z.number().int(), conferences: z.number().int(), hours: z.number(), cost: z.number() })
  .openapi("OverviewFigures");
const PeriodSchema = z.object({ from: z.string(), to: z.string() }).openapi("OverviewPeriod");

const RegistrySchema = z
  .object({
    current: PeriodSchema,
    lastYear: PeriodSchema,
    total: z.object({ current: FiguresSchema, previous: FiguresSchema }),
    branches: z.array(z.object({ branchId: z.string(), name: z.string(), current: FiguresSchema, previous: FiguresSchema })),
    municipalities: z.array(
      z.object({
        municipalityId: z.string(),
        name: z.string(),
        current: FiguresSchema,
        previous: FiguresSchema,
        casesChange: z.number().int(),
        hoursChange: z.number(),
      }),
    ),
  })
  .openapi("OverviewRegistry");

const RunningWaveSchema = z
  .object({
    waveId: z.uuid(),
    name: z.string(),
    status: z.enum(WAVE_STATUSES),
    opensAt: z.string(),
    closesAt: z.string(),
    invited: z.number().int(),
    responded: z.number().int(),
    responseRate: z.number().nullable(),
  })
  .openapi("OverviewRunningWave");

export const OverviewSchema = z
  .object({
    generatedOn: z.string(),
    satisfaction: SatisfactionSchema,
    improvement: z.array(ImprovementSchema),
    overdue: OverdueSchema,
    registry: RegistrySchema,
    running: z.array(RunningWaveSchema),
  })
  .openapi("Overview");
