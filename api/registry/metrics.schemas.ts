import { z } from "@hono/zod-openapi";
import { attendance } from "../../db/schema.ts";
import { IntervalSchema, orNull } from "../lib/row-schema.ts";

/** The response of getConferenceMetrics (api/domain/registry/metrics.ts computes it). */

export const ShareSchema = z
  .object({
    count: z.number().int(),
    n: z.number().int(),
    share: z.number().nullable().openapi({ description: "count / n; null als n = 0" }),
    ci: orNull(IntervalSchema), // Wilson interval (95%)
  })
  .openapi("Share");

const SpreadSchema = z.object({ n: z.number().int(), median: z.number().nullable(), p90: z.number().nullable() }).openapi("Spread");
const HoursCost = z.object({ id: z.string(), hours: z.number(), cost: z.number() });
const attendanceCounts = Object.fromEntries(attendance.enumValues.map((a) => [a, z.number().int()])) as Record<
  (typeof attendance.enumValues)[number],
  z.ZodNumber
>;
const Kpis = {
  conferences: z.number().int(),
  directorAssigned: ShareSchema,
  allElementsRecorded: ShareSchema,
  rolesExplained: ShareSchema,
};

export const ConferenceMetricsSchema = z
  .object({
    filter: z.object({
      from: z.string().optional(),
      to: z.string().optional(),
      branchId: z.string().optional(),
      municipalityId: z.string().optional(),
      themeId: z.string().optional(),
    }),
    ...Kpis,
    attendance: z.array(z.object({ organisationId: z.string(), invited: z.number().int(), ...attendanceCounts, contributed: ShareSchema })),
    followUps: z.object({
      total: z.number().int(),
      onTime: z.number().int(),
      late: z.number().int(),
      open: z.number().int(),
      overdue: z.number().int(),
    }),
    cases: z.object({
      registered: z.number().int(),
      handledLocally: z.number().int(),
      byTheme: z.array(z.object({ themeId: z.string(), cases: z.number().int() })),
      byMunicipality: z.array(z.object({ municipalityId: z.string(), cases: z.number().int() })),
      byThemeAndMunicipality: z.array(z.object({ themeId: z.string(), municipalityId: z.string(), cases: z.number().int() })),
    }),
    leadTimeDays: z.object({ toFirstConference: SpreadSchema, toClosure: SpreadSchema }),
    hours: z.object({
      total: z.object({ hours: z.number(), cost: z.number() }),
      unpricedHours: z.number(),
      byMunicipality: z.array(HoursCost),
      byCase: z.array(HoursCost),
      byTheme: z.array(HoursCost),
      byKind: z.array(HoursCost),
    }),
    byMonth: z.array(z.object({ month: z.string(), ...Kpis, followUpsOverdue: z.number().int(), hours: z.number(), cost: z.number() })),
    names: z.record(z.string(), z.string()).openapi({ description: "Weergavenaam (of zaakcode) per id in deze kengetallen" }),
  })
  .openapi("ConferenceMetrics");
