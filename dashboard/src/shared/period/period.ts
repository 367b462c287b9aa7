/** Calendar quarters for the report period picker; dates are yyyy-mm-dd. */
export interface Period {
  from: string;
  to: string;
}
export interface Quarter extends Period {
  year: number;
  quarter: number;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate(); // month 1..12

export function quarterOf(year: number, quarter: number): Quarter {
  const first = 3 * (quarter - 1) + 1;
  return { year, quarter, from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(lastDay(year, first + 2))}` };
}

/** The last `count` quarters that have fully ended before `todayIso`, newest first. */
export function fullQuarters(todayIso: string, count = 8): Quarter[] {
  let year = Number(todayIso.slice(0, 4));
  let quarter = Math.floor((Number(todayIso.slice(5, 7)) - 1) / 3) + 1;
  const out: Quarter[] = [];
  for (let i = 0; i < count; i++) {
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
    out.push(quarterOf(year, quarter));
  }
  return out;
}

export const lastFullQuarter = (todayIso: string): Quarter => fullQuarters(todayIso, 1)[0];

export const validPeriod = (p: Period) => /^\d{4}-\d{2}-\d{2}$/.test(p.from) && /^\d{4}-\d{2}-\d{2}$/.test(p.to) && p.from <= p.to;
