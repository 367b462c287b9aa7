/**
 * "As it stood at the end of the period": the rules that turn today's rows, their history
 * tables and the audit trail into the state an auditor would have seen on the last day of
 * the period. Pure functions; the service fetches, these decide.
 */
import { addDays, format, parseISO } from "date-fns";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import type { RegistryData } from "../registry/registry.types.ts";

export interface PackPeriod {
  from: string;
  to: string;
  /** The first instant of the period (UTC). */
  start: Date;
  /** The first instant after the period (UTC): the pack shows every record as it stood just before it. */
  end: Date;
}

export function packPeriod(from: string, to: string): PackPeriod {
  return {
    from,
    to,
    start: new Date(`${from}T00:00:00.000Z`),
    end: new Date(`${format(addDays(parseISO(to), 1), "yyyy-MM-dd")}T00:00:00.000Z`),
  };
}

/** The period's last second, the one fixed time a pack carries (see the index for why). */
export const periodStamp = (p: PackPeriod) => new Date(p.end.getTime() - 1000);

// ---- people -------------------------------------------------------------------------------

/** A stable pseudonym: the first 8 hex digits of SHA-256 of the account id. Names and e-mail addresses never leave. */
export function pseudonym(userId: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(userId))).slice(0, 8);
}

export type Roles = ReadonlyMap<string, string>;

export function person(id: string | null | undefined, roles: Roles): string {
  if (!id) return "";
  return `${roles.get(id) ?? "onbekend"} #${pseudonym(id)}`;
}

/** Keys whose values are account ids, wherever they occur in a record or an audit entry. */
export const PERSON_KEYS = new Set([
  "actorId",
  "ownerId",
  "ownerIds",
  "reviewerId",
  "createdBy",
  "closedBy",
  "finalizedBy",
  "uploadedBy",
  "changedBy",
  "userId",
  "auditorIds",
  "auditeeIds",
  "generatedBy",
]);

/** Replaces account ids under PERSON_KEYS by role and pseudonym, at any depth. */
export function pseudonymise(value: unknown, roles: Roles, key?: string): unknown {
  if (key && PERSON_KEYS.has(key)) {
    if (typeof value === "string") return person(value, roles);
    if (Array.isArray(value)) return value.map((v) => (typeof v === "string" ? person(v, roles) : v));
  }
  if (Array.isArray(value)) return value.map((v) => pseudonymise(v, roles));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, pseudonymise(v, roles, k)]));
  }
  return value;
}

// ---- rolling back with the audit trail ---------------------------------------------------------

export interface TrailEntry {
  seq: number;
  at: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface AsOf<T> {
  /** null: the record did not exist yet at the end of the period. */
  state: T | null;
  /** Fields changed after the period whose earlier value the trail does not record. */
  unknown: string[];
}

export interface RollbackRules {
  /** What an action without a `before` undoes, e.g. close → { closedAt: null }. */
  undo?: Record<string, Record<string, unknown>>;
  /** Keys of an entry that are no field of the record (e.g. the findings an audit report created). */
  ignore?: string[];
  /** Fields an update may change that the trail never records; any update after the period makes them uncertain. */
  untracked?: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

/** JSON's view of a row (dates as ISO strings), the form the audit trail stores values in. */
export const plain = <T>(row: T): T => JSON.parse(JSON.stringify(row)) as T;

/**
 * Today's row, with every change made after the period undone, newest first: each entry's
 * `before` holds the values the change replaced. A create after the period means the
 * record did not exist. Undoing from today's row (rather than replaying from the create)
 * also restores fields the create entry never listed.
 */
export function rollBack<T extends Record<string, unknown>>(current: T, later: TrailEntry[], rules: RollbackRules = {}): AsOf<T> {
  const state: Record<string, unknown> = { ...current };
  const unknown = new Set<string>();
  const ignore = new Set(rules.ignore ?? []);
  for (const entry of [...later].sort((a, b) => b.seq - a.seq)) {
    if (entry.action === "create") return { state: null, unknown: [] };
    const undo = rules.undo?.[entry.action];
    const before = undo ?? (isObject(entry.before) ? entry.before : {});
    for (const [k, v] of Object.entries(before)) if (!ignore.has(k)) state[k] = v;
    if (isObject(entry.after)) {
      for (const k of Object.keys(entry.after)) if (!(k in before) && !ignore.has(k)) unknown.add(k);
    }
    for (const k of rules.untracked ?? []) unknown.add(k);
  }
  return { state: state as T, unknown: [...unknown].sort() };
}

/** A setting as it stood: the value the first change after the period replaced, else today's. */
export function settingAsOf<T>(current: T, later: TrailEntry[]): T {
  const first = [...later].sort((a, b) => a.seq - b.seq)[0];
  return first && isObject(first.before) ? { ...(first.before as T) } : current;
}

/** The newest version written before the end, from a history table that keeps every version. */
export function versionAt<T extends { version: number; changedAt: Date }>(history: T[], end: Date): T | null {
  return history.filter((h) => h.changedAt < end).sort((a, b) => b.version - a.version)[0] ?? null;
}

// ---- management reviews --------------------------------------------------------------------

export interface ReviewVersion {
  id: string;
  seriesId: string;
  version: number;
  status: string;
  periodFrom: string;
  periodTo: string;
  finalizedAt: Date | null;
}

/**
 * The reviews that count as evidence: final versions, finalized before the end, that were
 * finalized in the period or review (part of) it. A concept is work in progress, not a
 * review. A final version with a later final correction (also before the end) is kept,
 * marked as superseded, because it is what management had decided until then.
 */
export function finalReviewsAsOf<T extends ReviewVersion>(rows: T[], p: PackPeriod): (T & { supersededBy: number | null })[] {
  const final = rows.filter((r) => r.status === "definitief" && r.finalizedAt && r.finalizedAt < p.end);
  return final
    .filter((r) => r.finalizedAt! >= p.start || r.periodTo >= p.from)
    .map((r) => ({
      ...r,
      supersededBy:
        final.filter((o) => o.seriesId === r.seriesId && o.version > r.version).sort((a, b) => a.version - b.version)[0]?.version ?? null,
    }))
    .sort(
      (a, b) =>
        (a.periodTo < b.periodTo ? -1 : a.periodTo > b.periodTo ? 1 : 0) || a.seriesId.localeCompare(b.seriesId) || a.version - b.version,
    );
}

// ---- the case registry -----------------------------------------------------------------------

/**
 * The registry as it stood on `to`: what happened later (a case closed, a follow-up done,
 * a case taken back by its municipality) had not happened yet. Records entered after the
 * period are left out by the caller, which knows when each row was created.
 */
export function registryAsOf(data: RegistryData, to: string): RegistryData {
  const after = (d: string | null) => !!d && d > to;
  return {
    ...data,
    cases: data.cases
      .filter((c) => c.registeredOn <= to)
      .map((c) => ({
        ...c,
        closedOn: after(c.closedOn) ? null : c.closedOn,
        status: c.status === "afgesloten" && after(c.closedOn) ? "in_behandeling" : c.status,
        handledLocallyOn: after(c.handledLocallyOn) ? null : c.handledLocallyOn,
      })),
    conferences: data.conferences
      .filter((c) => c.heldOn <= to)
      .map((c) => ({
        ...c,
        followUps: c.followUps.map((f) => ({ ...f, doneOn: after(f.doneOn) ? null : f.doneOn })),
      })),
    activities: data.activities.filter((a) => a.performedOn <= to),
  };
}

/** Calendar-year slices of a period: 9.1.3 is computed one slice at a time, so memory does not grow with the period. */
export function yearSlices(p: Pick<PackPeriod, "from" | "to">): { year: number; from: string; to: string }[] {
  const first = Number(p.from.slice(0, 4)),
    last = Number(p.to.slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => {
    const year = first + i;
    return { year, from: year === first ? p.from : `${year}-01-01`, to: year === last ? p.to : `${year}-12-31` };
  });
}
