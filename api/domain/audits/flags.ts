import { addDays, format, parseISO } from "date-fns";
import { REPORT_WITHIN_DAYS } from "./frequency.ts";

export type AuditStatus = "gepland" | "uitgevoerd" | "gerapporteerd" | "geannuleerd";

export interface AuditDates {
  status: AuditStatus;
  plannedOn: string;
  actualOn: string | null;
  reportedOn: string | null;
}

/** The last day on which reporting an audit carried out on `actualOn` is still on time. */
export function reportDueOn(actualOn: string) {
  return format(addDays(parseISO(actualOn), REPORT_WITHIN_DAYS), "yyyy-MM-dd");
}

/**
 * late: the planned day has passed and the audit was neither carried out nor cancelled.
 * reportLate: carried out, but management heard of it (or has still not heard of it)
 * more than REPORT_WITHIN_DAYS days later.
 */
export function auditFlags(a: AuditDates, today: string) {
  const late = a.status !== "geannuleerd" && !a.actualOn && a.plannedOn < today;
  const due = a.actualOn && a.status !== "geannuleerd" ? reportDueOn(a.actualOn) : null;
  const reportLate = !!due && (a.reportedOn ? a.reportedOn > due : today > due);
  return { late, reportLate };
}
