import { addDays, endOfISOWeek, format, getISOWeek, getISOWeekYear, parseISO, startOfISOWeek } from "date-fns";

/** The ISO week (Monday to Sunday) that holds a date, as its label and its seven dates. */
export function isoWeekOf(date: string) {
  const day = parseISO(date);
  const monday = startOfISOWeek(day);
  const dates = Array.from({ length: 7 }, (_, i) => format(addDays(monday, i), "yyyy-MM-dd"));
  return {
    week: `${getISOWeekYear(day)}-W${String(getISOWeek(day)).padStart(2, "0")}`,
    from: dates[0],
    to: format(endOfISOWeek(day), "yyyy-MM-dd"),
    dates,
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Hours and cost per day of the week and in total; days without hours show 0, so a screen draws all seven. */
export function weekTotals(dates: string[], entries: { performedOn: string; hours: number; cost: number }[]) {
  const days = dates.map((date) => {
    const on = entries.filter((e) => e.performedOn === date);
    return { date, hours: round2(on.reduce((s, e) => s + e.hours, 0)), cost: round2(on.reduce((s, e) => s + e.cost, 0)) };
  });
  return { days, totalHours: round2(days.reduce((s, d) => s + d.hours, 0)), totalCost: round2(days.reduce((s, d) => s + d.cost, 0)) };
}
