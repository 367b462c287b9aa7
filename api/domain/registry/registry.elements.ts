import type { RegistryConference } from "./registry.types.ts";

/** The five elements every conference must record (the survey found them missing). */
export function elementsRecorded(c: RegistryConference): number {
  return [c.hasAanleiding, c.hasDoel, c.hasAanpak, !!c.directorOrganisationId, c.followUps.length > 0].filter(Boolean).length;
}

export const ELEMENT_COUNT = 5;

export type FollowUpState = "op_tijd" | "te_laat" | "open" | "verlopen";

/** Done on or before the due date is on time; open past the due date is overdue. */
export function followUpState(f: { dueOn: string; doneOn: string | null }, today: string): FollowUpState {
  if (f.doneOn) return f.doneOn <= f.dueOn ? "op_tijd" : "te_laat";
  return f.dueOn < today ? "verlopen" : "open";
}

export function activityCost(hours: number, staffRole: string, rates: Record<string, number>) {
  return Math.round(hours * (rates[staffRole] ?? 0) * 100) / 100;
}
