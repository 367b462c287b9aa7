/**
 * Every write to a risk stores the full snapshot as a new version (risk_history). What
 * changed is derived from two consecutive snapshots, never stored separately, so the
 * explanation can't drift from the record.
 */

export const CHANGES = ["created", "updated", "reviewed", "closed"] as const;
export type Change = (typeof CHANGES)[number];

export interface RiskSnapshot {
  ref: string;
  kind: "risk" | "opportunity";
  title: string;
  description: string;
  processId: string | null;
  inherentLikelihood: number;
  inherentImpact: number;
  residualLikelihood: number;
  residualImpact: number;
  treatment: string;
  ownerId: string;
  reviewIntervalDays: number;
  lastReviewedOn: string;
  closedOn: string | null;
  /** Why: the review note, or the reason given with an update. Not a field of the risk. */
  note?: string | null;
}

export const FIELD_LABELS: Record<string, string> = {
  ref: "Kenmerk",
  kind: "Soort",
  title: "Titel",
  description: "Omschrijving",
  processId: "Proces",
  inherentLikelihood: "Kans (inherent)",
  inherentImpact: "Impact (inherent)",
  residualLikelihood: "Kans (restrisico)",
  residualImpact: "Impact (restrisico)",
  treatment: "Beheersing",
  ownerId: "Eigenaar",
  reviewIntervalDays: "Herbeoordelingstermijn (dagen)",
  lastReviewedOn: "Laatst beoordeeld",
  closedOn: "Afgesloten op",
};

/** Keys that describe the version rather than the risk. */
const META = new Set(["note"]);

/** A snapshot field holds text, a number (levels, days) or nothing. */
export type FieldValue = string | number | boolean | null;
export interface FieldChange {
  field: string;
  label: string;
  from: FieldValue;
  to: FieldValue;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields that differ between two snapshots, in a stable order (known fields first).
 * Against no previous snapshot (version 1) every field is listed as set from null.
 */
export function diffSnapshots(previous: Record<string, unknown> | null, next: Record<string, unknown>): FieldChange[] {
  const known = Object.keys(FIELD_LABELS);
  const others = [...new Set([...Object.keys(previous ?? {}), ...Object.keys(next)])].filter((k) => !known.includes(k)).sort();
  return [...known, ...others]
    .filter((field) => !META.has(field) && (field in next || (previous && field in previous)))
    .filter((field) => !same(previous?.[field], next[field]))
    .map((field) => ({
      field,
      label: FIELD_LABELS[field] ?? field,
      from: (previous?.[field] ?? null) as FieldValue,
      to: (next[field] ?? null) as FieldValue,
    }));
}

/** Version, time and snapshot of each row, oldest first, paired with the fields it changed. */
export function withChanges<T extends { version: number; snapshot: Record<string, unknown> }>(rows: T[]) {
  const sorted = [...rows].sort((a, b) => a.version - b.version);
  return sorted.map((row, i) => ({ ...row, changes: diffSnapshots(i ? sorted[i - 1].snapshot : null, row.snapshot) }));
}
