import { addDays, format, parseISO } from "date-fns";

/**
 * Working notes may be kept until `retentionDays` after the last of the conference's cases
 * closed. While any of its cases is still open the notes are still needed; the AVG asks
 * that they then really disappear, on time and by themselves.
 */
export function notesExpireOn(caseClosedOn: (string | null)[], retentionDays: number): string | null {
  if (!caseClosedOn.length || caseClosedOn.some((d) => !d)) return null;
  const lastClosed = [...(caseClosedOn as string[])].sort().at(-1)!;
  return format(addDays(parseISO(lastClosed), retentionDays), "yyyy-MM-dd");
}

export function notesDue(caseClosedOn: (string | null)[], retentionDays: number, today: string) {
  const expires = notesExpireOn(caseClosedOn, retentionDays);
  return !!expires && expires <= today;
}
