import { z } from "@hono/zod-openapi";
import { ACTIVITY_KINDS, ATTENDANCE, CASE_STATUSES } from "../../db/schema.ts";
import { code, eventDate, hours, periodDate, planDate, registryLine, registryText } from "../lib/fields.ts";
import { pageQuery } from "../lib/paging.ts";
import { fieldError } from "../lib/error-fields.ts";

/**
 * API shapes of the case registry. Every input object is strict: a field the registry does
 * not know (a name, a BSN, an address) is refused, never silently stored or dropped.
 */
/** A period bound or filter date; fields with a meaning use eventDate() or planDate() (lib/fields.ts). */
export const IsoDate = periodDate();
const Id = code(60);
/** Working notes of the registry: multi-line, and screened for citizen data (BSN, address, date of birth). */
const Note = registryText(4000).optional();
const nonEmpty = fieldError("no_change");

export const CaseSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    municipalityId: z.string(),
    branchId: z.string(),
    themeIds: z.array(z.string()),
    referrerOrganisationId: z.string(),
    status: z.enum(CASE_STATUSES),
    registeredOn: z.string(),
    closedOn: z.string().nullable(),
    careSafetyNexus: z.boolean(),
    societalImpact: z.boolean(),
    pgaCriteriaMet: z.boolean(),
    handledLocallyOn: z.string().nullable(),
  })
  .openapi("Case");

export const NewCaseSchema = z
  .object({
    municipalityId: Id,
    themeIds: z.array(Id).min(1).max(8),
    referrerOrganisationId: z.uuid(),
    registeredOn: eventDate(),
    careSafetyNexus: z.boolean(),
    societalImpact: z.boolean(),
  })
  .strict()
  .openapi("NewCase");

export const CaseUpdateSchema = z
  .object({
    status: z.enum(CASE_STATUSES).optional(),
    closedOn: eventDate().nullable().optional(),
    themeIds: z.array(Id).min(1).max(8).optional(),
    careSafetyNexus: z.boolean().optional(),
    societalImpact: z.boolean().optional(),
  })
  .strict()
  .refine((u) => Object.keys(u).length > 0, nonEmpty)
  .openapi("CaseUpdate");

export const HandledLocallySchema = z.object({ on: eventDate().optional() }).strict();

/** A search on the pseudonymous case code, e.g. "ALK-2026" or "0042". */
const CodeSearch = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9-]+$/, "Zoek op (een deel van) een casuscode: letters, cijfers en '-'.");

export const CaseListQuery = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  municipality: Id.optional(),
  branch: Id.optional(),
  theme: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  q: CodeSearch.optional(),
  ...pageQuery(["registeredOn", "code", "status", "municipality"], "registeredOn"),
});

const FollowUpInput = z.object({ ownerOrganisationId: z.uuid(), dueOn: planDate(), note: Note }).strict();

export const NewConferenceSchema = z
  .object({
    heldOn: eventDate(),
    branchId: Id,
    chair: registryLine(120, 2),
    caseIds: z.array(z.uuid()).min(1).max(10),
    attendance: z
      .array(z.object({ organisationId: z.uuid(), status: z.enum(ATTENDANCE) }).strict())
      .min(1)
      .max(40),
    rolesExplained: z.boolean(),
    aanleiding: Note,
    doel: Note,
    aanpak: Note,
    directorOrganisationId: z.uuid().nullable().optional(),
    followUps: z.array(FollowUpInput).max(30).default([]),
  })
  .strict()
  .openapi("NewConference");

export const FollowUpSchema = z.object({
  id: z.string(),
  ownerOrganisationId: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  state: z.enum(["op_tijd", "te_laat", "open", "verlopen"]),
  note: z.string().nullable().optional(),
});

export const ConferenceSchema = z
  .object({
    id: z.string(),
    heldOn: z.string(),
    branchId: z.string(),
    chair: z.string(),
    caseIds: z.array(z.string()),
    attendance: z.array(z.object({ organisationId: z.string(), status: z.enum(ATTENDANCE) })),
    rolesExplained: z.boolean(),
    directorOrganisationId: z.string().nullable(),
    recorded: z.object({
      aanleiding: z.boolean(),
      doel: z.boolean(),
      aanpak: z.boolean(),
      casusregisseur: z.boolean(),
      vervolgafspraken: z.boolean(),
    }),
    elementsRecorded: z.number(),
    /** Working notes: only for roles that may read them, and null once erased. */
    notes: z.object({ aanleiding: z.string().nullable(), doel: z.string().nullable(), aanpak: z.string().nullable() }).nullable(),
    notesErasedAt: z.string().nullable(),
    followUps: z.array(FollowUpSchema),
  })
  .openapi("Conference");

export const ConferenceListQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  branch: Id.optional(),
  case: z.uuid().optional(),
  q: CodeSearch.optional().openapi({ description: "Overleggen over een casus waarvan de code dit bevat" }),
  ...pageQuery(["heldOn", "branch"], "heldOn"),
});

export const FollowUpUpdateSchema = z.object({ doneOn: eventDate().nullable() }).strict();

const activityFields = {
  kind: z.enum(ACTIVITY_KINDS),
  municipalityId: Id,
  caseId: z.uuid().optional(),
  performedOn: eventDate(),
  hours: hours(),
  staffRole: Id,
  /** Whose hours: oneself when absent; another staff member only with `hours:others`. */
  userId: z.uuid().optional(),
  /** A partner organisation's time at the table (bulk entry for a conference); absent for ZVH staff. */
  organisationId: z.uuid().optional(),
};

export const NewActivitySchema = z.object(activityFields).strict().openapi("NewActivity");

/** Hours of a conference's attendees, stored all together or not at all. */
export const NewActivitiesSchema = z
  .object({
    conferenceId: z.uuid().optional(),
    activities: z.array(NewActivitySchema).min(1).max(60),
  })
  .strict()
  .openapi("NewActivities");

/** A correction replaces a record with a new one; the old one stays, marked as corrected. */
export const ActivityCorrectionSchema = z
  .object({ ...activityFields, reason: registryLine(300, 3) })
  .strict()
  .openapi("ActivityCorrection");

export const ActivitySchema = z
  .object({
    id: z.string(),
    kind: z.enum(ACTIVITY_KINDS),
    municipalityId: z.string(),
    caseId: z.string().nullable(),
    performedOn: z.string(),
    hours: z.number(),
    staffRole: z.string(),
    cost: z.number(),
    userId: z.string().nullable(),
    organisationId: z.string().nullable(),
    conferenceId: z.string().nullable(),
    correctsId: z.string().nullable(),
    correctionReason: z.string().nullable(),
    /** The record that replaced this one; null while it is current. */
    correctedById: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Activity");

export const WeekQuery = z.object({ date: IsoDate.optional().openapi({ description: "Een dag in de week (standaard vandaag)" }) });
export const WeekSchema = z
  .object({
    week: z.string().openapi({ example: "2026-W28" }),
    from: z.string(),
    to: z.string(),
    days: z.array(z.object({ date: z.string(), hours: z.number(), cost: z.number() }).strict()).length(7),
    totalHours: z.number(),
    totalCost: z.number(),
    activities: z.array(ActivitySchema),
  })
  .strict()
  .openapi("HoursWeek");

export const ActivityListQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  municipality: Id.optional(),
  conference: z.uuid().optional(),
  history: z
    .enum(["true", "false"])
    .optional()
    .openapi({ description: "'true': ook gecorrigeerde registraties (standaard alleen de geldende)" }),
});

export const MailStatusSchema = z
  .object({
    smtpConfigured: z.boolean().openapi({ description: "SMTP_URL is gezet: e-mail gaat direct de deur uit, anders via de postvak-uit" }),
    digestConfigured: z.boolean().openapi({ description: "DIGEST_TO is gezet: het weekoverzicht gaat per e-mail" }),
  })
  .strict()
  .openapi("MailStatus");

export const OrganisationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    municipalityId: z.string().nullable(),
  })
  .openapi("Organisation");

export const ThemeSchema = z.object({ id: z.string(), name: z.string(), active: z.boolean() }).openapi("Theme");
// Theme names are copied into the append-only trail: citizen data there could never be erased.
export const NewThemeSchema = z.object({ name: registryLine(80, 3) }).strict();
export const ThemeUpdateSchema = z
  .object({ name: registryLine(80, 3).optional(), active: z.boolean().optional() })
  .strict()
  .refine((u) => Object.keys(u).length > 0, nonEmpty);

export const RegistrySettingsSchema = z
  .object({
    organisationName: registryLine(120, 3),
    retentionDays: z.number().int().min(1).max(3650),
    retentionJustification: registryText(2000, 10),
    hourlyRates: z
      .record(z.string().regex(/^[a-z][a-z0-9_]{1,40}$/), z.number().min(0).max(1000))
      .refine((r) => Object.keys(r).length > 0 && Object.keys(r).length <= 20, fieldError("rates_count", { min: 1, max: 20 })),
  })
  .strict()
  .openapi("RegistrySettings");

export const MetricsQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  branch: Id.optional(),
  municipality: Id.optional(),
  theme: Id.optional(),
});
