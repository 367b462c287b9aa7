import { z } from "@hono/zod-openapi";
import { textProblem } from "../domain/input/text.ts";
import { dateProblem, EARLIEST_DATE, HOURS, hoursProblem, PLAN_YEARS_AHEAD, type DateKind } from "../domain/input/plausible.ts";
import { citizenDataProblem } from "../domain/registry/citizen-data.ts";

/**
 * The field types of every API schema. Hostile characters are also refused for every JSON body,
 * parameter and query by the request guard (lib/guard.ts); these add what only the field knows:
 * whether it is one line, whether it belongs to the pseudonymous registry, and which dates are plausible.
 */

const refuse = (problem: (v: string) => string | null) => (v: string, ctx: z.RefinementCtx) => {
  const message = problem(v);
  if (message) ctx.addIssue({ code: "custom", message });
};

/** A refused character as an issue that names its catalog code (lib/error-fields.ts reads `params.error`). */
const refuseText = (multiline: boolean) => (v: string, ctx: z.RefinementCtx) => {
  const p = textProblem(v, { multiline });
  if (p) ctx.addIssue({ code: "custom", message: p.message, params: { error: p.code, char: p.char } });
};

/** A single-line text (a name, a title): no line breaks, tabs or hidden characters. Trimmed. */
const lineBase = (max: number, min: number) => z.string().trim().min(min).max(max).superRefine(refuseText(false));
const textBase = (max: number, min: number) => z.string().trim().min(min).max(max).superRefine(refuseText(true));

// The x- extensions tell clients (and the table-driven hostile-input test) what a text field refuses.
export const line = (max: number, min = 1) => lineBase(max, min).openapi({ "x-text": "line" });

/** A multi-line text (a note, a description): keeps line breaks and tabs, refuses hidden characters. Trimmed. */
export const text = (max: number, min = 0) => textBase(max, min).openapi({ "x-text": "multiline" });

/** A short code or id as it comes in a path or query (not trimmed: an id with spaces is simply not found). */
export const code = (max = 60) => z.string().min(1).max(max).superRefine(refuseText(false)).openapi({ "x-text": "line" });

/** Free text of the pseudonymous case registry: also refuses a BSN, a postcode with house number or a date of birth. */
export const registryLine = (max: number, min = 1) =>
  lineBase(max, min).superRefine(refuse(citizenDataProblem)).openapi({ "x-text": "line", "x-citizen-data": "refused" });
export const registryText = (max: number, min = 0) =>
  textBase(max, min).superRefine(refuse(citizenDataProblem)).openapi({ "x-text": "multiline", "x-citizen-data": "refused" });

const today = () => new Date().toISOString().slice(0, 10);
const DATE_HELP: Record<DateKind, string> = {
  event: `vanaf ${EARLIEST_DATE}, niet in de toekomst`,
  plan: `vanaf ${EARLIEST_DATE}, tot ${PLAN_YEARS_AHEAD} jaar vooruit`,
  period: `vanaf ${EARLIEST_DATE}, tot ${PLAN_YEARS_AHEAD} jaar vooruit`,
};

/**
 * A calendar date (yyyy-mm-dd) within the plausible range of its kind. "Today" is the wall clock:
 * a schema has no request clock, and an injected test clock is never later than the real date.
 */
export const isoDate = (kind: DateKind) =>
  z.iso
    .date()
    .superRefine(refuse((v) => dateProblem(v, kind, today())))
    .openapi({ example: "2026-03-17", description: `Datum (jjjj-mm-dd), ${DATE_HELP[kind]}` });
export const eventDate = () => isoDate("event");
export const planDate = () => isoDate("plan");
export const periodDate = () => isoDate("period");

/** Hours of one activity: 0.25 to 24 in quarters (a float like 1e-320 is refused, not stored as 0). */
export const hours = () =>
  z
    .number()
    .min(HOURS.min)
    .max(HOURS.max)
    .superRefine((v, ctx) => {
      const message = hoursProblem(v);
      if (message) ctx.addIssue({ code: "custom", message });
    })
    .openapi({ minimum: HOURS.min, maximum: HOURS.max, multipleOf: HOURS.step });

/** A moment (ISO 8601 with offset) whose calendar day is within the plausible range of its kind. */
export const isoDateTime = (kind: DateKind) =>
  z.iso
    .datetime({ offset: true })
    .superRefine(refuse((v) => dateProblem(new Date(v).toISOString().slice(0, 10), kind, today())))
    .openapi({ description: `Tijdstip (ISO 8601), ${DATE_HELP[kind]}` });
