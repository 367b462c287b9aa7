import { z } from "@hono/zod-openapi";
import { activityKind, attendance } from "../../../db/schema.ts";

/**
 * What the municipality report ("uitdraai") holds. The report service fills it from the
 * registry; the renderers (PDF, XLSX, CSV) only lay it out. It carries structured facts
 * only: case codes are pseudonyms and no working note ever appears in a report.
 * The zod schema is the one statement of the shape: the types below and the API contract
 * (format=json) come from it.
 */
const IsoDay = z.string().openapi({ description: "yyyy-mm-dd" });
const Period = z.object({ from: IsoDay, to: IsoDay });

export const PeriodFiguresSchema = z
  .object({
    cases: z.number().int().openapi({ description: "Zaken van deze gemeente actief in de periode" }),
    newCases: z.number().int().openapi({ description: "Aangemeld in de periode" }),
    closedCases: z.number().int().openapi({ description: "Afgesloten in de periode" }),
    conferences: z.number().int().openapi({ description: "Casusoverleggen over minstens één zaak van deze gemeente" }),
    hours: z.number(),
    cost: z.number().openapi({ description: "Euro" }),
  })
  .openapi("PeriodFigures");

/** Done on time, done late, open not yet due, open and overdue. */
export const FollowUpStateSchema = z.enum(["op_tijd", "te_laat", "open", "verlopen"]);

export const ReportFollowUpSchema = z.object({ owner: z.string(), dueOn: IsoDay, doneOn: IsoDay.nullable(), state: FollowUpStateSchema });

export const ReportConferenceSchema = z
  .object({
    heldOn: IsoDay,
    branch: z.string().openapi({ description: "Naam van de vestiging" }),
    caseCodes: z.array(z.string()),
    themes: z.array(z.string()).openapi({ description: "Namen van de thema's" }),
    director: z.string().nullable().openapi({ description: "Organisatie van de casusregisseur; null = niet toegewezen" }),
    elementsRecorded: z.number().int().min(0).max(5).openapi({ description: "Aanleiding, doel, aanpak, casusregisseur, vervolgafspraken" }),
    rolesExplained: z.boolean(),
    followUps: z.array(ReportFollowUpSchema),
  })
  .openapi("ReportConference");

const attendanceCounts = Object.fromEntries(attendance.enumValues.map((a) => [a, z.number().int()])) as Record<
  (typeof attendance.enumValues)[number],
  z.ZodNumber
>;

export const MunicipalityReportSchema = z
  .object({
    organisation: z.string().openapi({ example: "Zorg- en Veiligheidshuis Noord-Holland Noord" }),
    municipality: z.object({ id: z.string(), name: z.string(), branch: z.string() }),
    period: Period.openapi({ description: "Inclusief" }),
    previousPeriod: Period.openapi({
      description: "Direct ervoor: de vorige kalendermaand(en), het vorige kwartaal of jaar, anders even veel dagen",
    }),
    generatedAt: z.string().openapi({ description: "ISO 8601" }),
    current: PeriodFiguresSchema,
    previous: PeriodFiguresSchema,
    byTheme: z.array(
      z.object({ theme: z.string(), cases: z.number().int(), conferences: z.number().int(), previousCases: z.number().int() }),
    ),
    conferences: z.array(ReportConferenceSchema).openapi({ description: "Op datum" }),
    followUps: z.object({
      total: z.number().int(),
      onTime: z.number().int(),
      late: z.number().int(),
      open: z.number().int(),
      overdue: z.number().int(),
    }),
    attendance: z.array(z.object({ organisation: z.string(), ...attendanceCounts })),
    hoursByActivity: z.array(z.object({ kind: z.enum(activityKind.enumValues), hours: z.number(), cost: z.number() })),
    monthly: z
      .array(z.object({ month: z.string(), cases: z.number().int(), conferences: z.number().int(), hours: z.number() }))
      .openapi({ description: "yyyy-mm over de periode, voor de trendgrafiek" }),
  })
  .openapi("MunicipalityReport");

export type PeriodFigures = z.infer<typeof PeriodFiguresSchema>;
export type FollowUpState = z.infer<typeof FollowUpStateSchema>;
export type ReportFollowUp = z.infer<typeof ReportFollowUpSchema>;
export type ReportConference = z.infer<typeof ReportConferenceSchema>;
export type MunicipalityReport = z.infer<typeof MunicipalityReportSchema>;
export type ActivityKindKey = (typeof activityKind.enumValues)[number];
