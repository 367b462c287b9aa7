/**
 * Which values are dates is decided by the field's name (the API's convention: …On, …At, period bounds),
 * never by how a value looks: a risk titled "2025-13-01" is a title, not a broken date.
 */
const DATE_KEYS = new Set(["periodFrom", "periodTo", "from", "to", "since"]);

export const isDateField = (key: string) => /[a-z](On|At)$/.test(key) || DATE_KEYS.has(key);

/** The calendar day of a yyyy-mm-dd date or ISO timestamp, or null when it is no real day (so formatting never throws). */
export function parseIsoDay(iso: string): Date | null {
  const day = iso.slice(0, 10);
  const d = new Date(`${day}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day ? d : null;
}
