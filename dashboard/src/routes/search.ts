import { z } from "zod";
import { CASE_STATUSES } from "../features/registry/api/registry.ts";
import { CLASSIFICATIONS, FINDING_SOURCES } from "../features/quality/api/quality.ts";
import { GROUPINGS } from "../features/results/api/results.ts";

/**
 * The search params of each view, validated: a value that does not fit is dropped (the
 * view falls back to its default) instead of failing, since a shared link may be old.
 */
const opt = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const text = opt(z.string().max(200));
const isoDate = opt(z.string().regex(/^\d{4}-\d{2}-\d{2}$/));
const oneOf = <T extends string>(values: readonly T[]) => opt(z.enum(values as [T, ...T[]]));

export const resultsSearch = z.object({
  wave: text,
  group: oneOf(GROUPINGS),
  ogroup: oneOf(["organisationType", "branch"] as const),
  dim: text,
  odim: text,
});
const page = opt(z.coerce.number().int().min(1).max(10_000));
const codeQuery = opt(
  z
    .string()
    .max(40)
    .regex(/^[A-Za-z0-9-]*$/),
);
export const casesSearch = z.object({
  status: oneOf(CASE_STATUSES),
  municipality: text,
  theme: text,
  q: codeQuery,
  sort: oneOf(["registeredOn", "-registeredOn", "code", "-code", "status", "-status", "municipality", "-municipality"] as const),
  page,
});
export const conferencesSearch = z.object({
  branch: text,
  q: codeQuery,
  sort: oneOf(["heldOn", "-heldOn", "branch", "-branch"] as const),
  page,
});
export const hoursSearch = z.object({ week: isoDate });
export const metricsSearch = z.object({ from: isoDate, to: isoDate, branch: text, municipality: text, theme: text });
export const periodSearch = z.object({ from: isoDate, to: isoDate });
export const reportsSearch = periodSearch.extend({ municipality: text });
export const findingsSearch = z.object({
  status: oneOf(["open", "gesloten"] as const),
  source: oneOf(FINDING_SOURCES),
  classification: oneOf(CLASSIFICATIONS),
});
export const auditsRisksSearch = z.object({ year: opt(z.coerce.number().int().min(2000).max(2100)), risk: text });
export const questionnairesSearch = z.object({
  versie: opt(z.uuid()),
  tab: oneOf(["vragen", "geavanceerd", "voorbeeld"] as const),
});
