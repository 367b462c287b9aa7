/**
 * The fieldwork monitor, computed from the invitations' timestamps: invited, opened,
 * started and submitted per day and per group, and the response rate against the previous
 * wave at the same day of fieldwork (day 0 = the opening day).
 */
export interface InvitationTimes {
  createdAt: Date;
  openedAt: Date | null;
  startedAt: Date | null;
  submittedAt: Date | null;
  organisationType: string;
  branchId: string | null;
}

export interface Tally {
  invited: number;
  opened: number;
  started: number;
  submitted: number;
}

const DAY = 86_400_000;
const empty = (): Tally => ({ invited: 0, opened: 0, started: 0, submitted: 0 });
const day = (d: Date) => d.toISOString().slice(0, 10);

function add(t: Tally, inv: InvitationTimes, until?: Date) {
  const before = (d: Date | null) => !!d && (!until || d <= until);
  if (before(inv.createdAt)) t.invited++;
  if (before(inv.openedAt)) t.opened++;
  if (before(inv.startedAt ?? inv.submittedAt)) t.started++;
  if (before(inv.submittedAt)) t.submitted++;
}

export function perDay(list: InvitationTimes[]) {
  const days = new Map<string, Tally>();
  const bump = (d: Date | null, key: keyof Tally) => {
    if (!d) return;
    const t = days.get(day(d)) ?? empty();
    t[key]++;
    days.set(day(d), t);
  };
  for (const inv of list) {
    bump(inv.createdAt, "invited");
    bump(inv.openedAt, "opened");
    bump(inv.startedAt ?? inv.submittedAt, "started");
    bump(inv.submittedAt, "submitted");
  }
  let cum = empty();
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, t]) => {
      cum = {
        invited: cum.invited + t.invited,
        opened: cum.opened + t.opened,
        started: cum.started + t.started,
        submitted: cum.submitted + t.submitted,
      };
      return { date, ...t, cumulative: { ...cum } };
    });
}

export function perGroup(list: InvitationTimes[], key: "organisationType" | "branchId") {
  const groups = new Map<string, Tally>();
  for (const inv of list) {
    const g = inv[key] ?? "onbekend";
    const t = groups.get(g) ?? empty();
    add(t, inv);
    groups.set(g, t);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, t]) => ({ group, ...t, responseRate: t.invited ? t.submitted / t.invited : null }));
}

/** Fieldwork day of `at` in a wave that opened at `opensAt` (0 on the opening day). */
export function fieldworkDay(opensAt: Date, at: Date) {
  return Math.max(0, Math.floor((at.getTime() - opensAt.getTime()) / DAY));
}

/** Response rate after `days` full days of fieldwork, counting only invitations that existed then. */
export function rateAtDay(list: InvitationTimes[], opensAt: Date, days: number) {
  const until = new Date(opensAt.getTime() + (days + 1) * DAY - 1);
  const t = empty();
  for (const inv of list) add(t, inv, until);
  return { invited: t.invited, submitted: t.submitted, responseRate: t.invited ? t.submitted / t.invited : null };
}
