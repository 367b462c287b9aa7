import { z } from "@hono/zod-openapi";
import { textProblem } from "../domain/input/text.ts";
import type { ErrorCode } from "./error-text.ts";
import {
  dateIssue,
  dateProblem,
  EARLIEST_DATE,
  HOURS,
  hoursIssue,
  hoursProblem,
  PLAN_YEARS_AHEAD,
  type DateKind,
} from "../domain/input/plausible.ts";
import { citizenDataProblem, findCitizenData } from "../domain/registry/citizen-data.ts";

/**
 * The field types of every API schema. Hostile characters are also refused for every JSON body,
 * parameter and query by the request guard (lib/guard.ts); these add what only the field knows:
 * whether it is one line, whether it belongs to the pseudonymous registry, and which dates are plausible.
 */

/**
 * A refused value as an issue that names its catalog code and values, so the detail is given in the
 * request's language (lib/error-fields.ts reads `params.error`); the message is the Dutch fallback.
 */
const issue = (ctx: z.RefinementCtx, message: string, error: ErrorCode, params: Record<string, string | number> = {}) =>
  ctx.addIssue({ code: "custom", message, params: { error, ...params } });

/** Citizen data in the pseudonymous registry: the kind found (BSN, address, birth date) names the text. */
const refuseCitizenData = (v: string, ctx: z.RefinementCtx) => {
  const [hit] = findCitizenData(v);
  if (hit) issue(ctx, citizenDataProblem(v) ?? "", `citizen_data_${hit.kind}` as const);
};

/** A refused character as an issue that names its catalog code (lib/error-fields.ts reads `params.error`). */
const refuseText = (multiline: boolean) => (v: string, ctx: z.RefinementCtx) => {
  const p = textProblem(v, { multiline });
  if (p) issue(ctx, p.message, p.code, { char: p.char });
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
  lineBase(max, min).superRefine(refuseCitizenData).openapi({ "x-text": "line", "x-citizen-data": "refused" });
export const registryText = (max: number, min = 0) =>
  textBase(max, min).superRefine(refuseCitizenData).openapi({ "x-text": "multiline", "x-citizen-data": "refused" });

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
    .superRefine((v, ctx) => {
      const found = dateIssue(v, kind, today());
      if (found) issue(ctx, dateProblem(v, kind, today()) ?? "", found.code, found.params);
    })
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
      const found = hoursIssue(v);
      if (found) issue(ctx, hoursProblem(v) ?? "", found.code, found.params);
    })
    .openapi({ minimum: HOURS.min, maximum: HOURS.max, multipleOf: HOURS.step });

/** A moment (ISO 8601 with offset) whose calendar day is within the plausible range of its kind. */
export const isoDateTime = (kind: DateKind) =>
  z.iso
    .datetime({ offset: true })
    .superRefine((v, ctx) => {
      const day = new Date(v).toISOString().slice(0, 10);
      const found = dateIssue(day, kind, today());
      if (found) issue(ctx, dateProblem(day, kind, today()) ?? "", found.code, found.params);
    })
    .openapi({ description: `Tijdstip (ISO 8601), ${DATE_HELP[kind]}` });
