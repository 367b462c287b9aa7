import { z } from "@hono/zod-openapi";
import { auditStatus, CHECKLIST_RESULTS } from "../../db/schema.ts";
import { code, eventDate, line, planDate, text } from "../lib/fields.ts";
import { CLASSIFICATIONS, Clause } from "../quality/quality.schemas.ts";
import { fieldError } from "../lib/error-fields.ts";
import { RECOMMENDATION_REASONS } from "../domain/audits/frequency.ts";

/** API shapes of the processes and the internal audit programme (ISO 9001 9.2). */
// Titles and labels are one line; descriptions and notes may hold line breaks (lib/fields.ts).
const Text = (max: number) => text(max, 1);
const Line = (max: number) => line(max);
const nonEmpty = fieldError("no_change");
const distinct = (ids: string[]) => new Set(ids).size === ids.length;
const People = (min: number) => z.array(z.uuid()).min(min).max(10).refine(distinct, fieldError("repeated_person"));
const Year = z.number().int().min(2000).max(2100);

/** An ISO 9001 clause (8.5.1) or the name of an own procedure; something that looks like a clause must be one. */
const Criterion = Line(120).refine((c) => !/^\d/.test(c) || Clause.safeParse(c).success, fieldError("criterion_format"));
const Criteria = z.array(Criterion).min(1).max(30).refine(distinct, fieldError("repeated_criterion"));

/** One line of the checklist: a criterion of the audit, what the auditor concluded and saw. */
export const ChecklistItemSchema = z
  .object({
    criterion: Line(120),
    result: z.enum(CHECKLIST_RESULTS),
    observation: text(4000),
  })
  .strict()
  .openapi("AuditChecklistItem");
const Checklist = z
  .array(ChecklistItemSchema)
  .max(30)
  .refine((items) => distinct(items.map((i) => i.criterion)), fieldError("repeated_checklist_criterion"));

export const PersonSchema = z.object({ id: z.string(), name: z.string() }).openapi("Person");

export const ProcessSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    riskWeight: z.number(),
    owners: z.array(PersonSchema),
  })
  .openapi("Process");

export const ProcessUpdateSchema = z
  .object({
    ownerIds: People(0).optional(),
    riskWeight: z.number().int().min(1).max(3).optional(),
  })
  .strict()
  .refine((u) => Object.keys(u).length > 0, nonEmpty)
  .openapi("ProcessUpdate");

export const AuditSchema = z
  .object({
    id: z.string(),
    ref: z.string(),
    year: z.number(),
    processId: z.string(),
    processName: z.string(),
    scope: z.string(),
    criteria: z.array(z.string()),
    auditorIds: z.array(z.string()),
    auditeeIds: z.array(z.string()),
    auditors: z.array(PersonSchema),
    auditees: z.array(PersonSchema),
    plannedOn: z.string(),
    actualOn: z.string().nullable(),
    status: z.enum(auditStatus.enumValues),
    strongPoints: z.string().nullable(),
    conclusion: z.string().nullable(),
    reportedOn: z.string().nullable(),
    checklist: z.array(ChecklistItemSchema),
    /** Planned day passed, not carried out, not cancelled. */
    late: z.boolean(),
    /** Carried out, but not reported to management within 30 days. */
    reportLate: z.boolean(),
  })
  .openapi("InternalAudit");

export const AuditFindingSchema = z
  .object({
    id: z.string(),
    ref: z.string(),
    classification: z.enum(CLASSIFICATIONS),
    title: z.string(),
    clauses: z.array(z.string()),
  })
  .openapi("AuditFinding");

export const AuditDetailSchema = AuditSchema.extend({ findings: z.array(AuditFindingSchema) }).openapi("InternalAuditDetail");

export const NewAuditSchema = z
  .object({
    processId: code(60),
    year: Year,
    scope: Text(2000),
    criteria: Criteria,
    auditorIds: People(1),
    auditeeIds: People(0),
    plannedOn: planDate(),
  })
  .strict()
  .refine((a) => a.plannedOn.startsWith(`${a.year}-`), { ...fieldError("planned_not_in_year"), path: ["plannedOn"] })
  .openapi("NewInternalAudit");

export const AuditUpdateSchema = z
  .object({
    plannedOn: planDate().optional(),
    scope: Text(2000).optional(),
    criteria: Criteria.optional(),
    auditorIds: People(1).optional(),
    auditeeIds: People(0).optional(),
    actualOn: eventDate().optional(),
    status: z.literal("geannuleerd").optional(),
    checklist: Checklist.optional().openapi({
      description: "De hele checklist: per criterium van de audit een oordeel en de waarnemingen",
    }),
  })
  .strict()
  .refine((u) => Object.keys(u).length > 0, nonEmpty)
  .refine((u) => !(u.status && u.actualOn), { ...fieldError("carried_out_or_cancelled"), path: ["status"] })
  .openapi("InternalAuditUpdate");

const ReportFinding = z
  .object({
    title: Line(200),
    description: Text(4000),
    classification: z.enum(CLASSIFICATIONS),
    clauses: z.array(Clause).min(1).max(10),
    correction: Text(4000).optional(),
  })
  .strict();

export const AuditReportSchema = z
  .object({
    actualOn: eventDate().optional(),
    strongPoints: Text(4000),
    conclusion: Text(4000),
    reportedOn: eventDate(),
    /** Every finding of the audit; an empty list says explicitly that there were none. */
    findings: z.array(ReportFinding).max(50),
  })
  .strict()
  .openapi("InternalAuditReport");

export const ProgrammeQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(2000)
    .max(2100)
    .optional()
    .openapi({ param: { name: "year", in: "query" }, example: 2026 }),
});

const PreviousResults = z.object({
  years: z.array(z.number()),
  audits: z.number(),
  majorNc: z.number(),
  minorNc: z.number(),
  lastAudit: z
    .object({
      ref: z.string(),
      year: z.number(),
      actualOn: z.string(),
      reported: z.boolean(),
      majorNc: z.number(),
      minorNc: z.number(),
    })
    .nullable(),
});

export const ProgrammeSchema = z
  .object({
    year: z.number(),
    today: z.string(),
    processes: z.array(
      z.object({
        processId: z.string(),
        name: z.string(),
        riskWeight: z.number(),
        owners: z.array(PersonSchema),
        previous: PreviousResults,
        recommended: z.number(),
        reasonCode: z
          .enum(RECOMMENDATION_REASONS)
          .openapi({ description: "Waarom zoveel audits: de tekst is programme.why.<reasonCode> in de catalogus, met {year}" }),
        reasonYear: z.number().nullable().openapi({ description: "Het jaar van de laatste audit, als de reden het noemt" }),
        reason: z.string().openapi({ description: "De Nederlandse tekst; terugval voor een client zonder de catalogus" }),
        planned: z.number(),
        shortfall: z.boolean(),
        audits: z.array(AuditSchema),
      }),
    ),
    totals: z.object({
      planned: z.number(),
      done: z.number(),
      reported: z.number(),
      late: z.number(),
      reportLate: z.number(),
      cancelled: z.number(),
      shortfalls: z.number(),
    }),
  })
  .openapi("AuditProgramme");
