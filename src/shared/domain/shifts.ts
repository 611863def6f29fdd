/** Shifts (körpass): their states, staffing and the weekly patterns of templates. */
export const shiftStatuses = ['planned', 'in_progress', 'closed', 'cancelled'] as const;
export type ShiftStatus = (typeof shiftStatuses)[number];

export const staffingLevels = ['staffed', 'short', 'empty', 'cancelled'] as const;
export type Staffing = (typeof staffingLevels)[number];

export interface CrewSeat {
  asDriver: boolean;
  asLeader: boolean;
}

/**
 * Staffed: at least the minimum crew, with a driver and a shift leader (who may be one person).
 * Empty: nobody. Short: anything in between.
 */
export function staffingOf(status: ShiftStatus, crewMin: number, crew: readonly CrewSeat[]): Staffing {
  if (status === 'cancelled') return 'cancelled';
  if (crew.length === 0) return 'empty';
  const ok = crew.length >= crewMin && crew.some((c) => c.asDriver) && crew.some((c) => c.asLeader);
  return ok ? 'staffed' : 'short';
}

/** How many seats the missing roles need: a driver, a leader, or one person who is both. */
export function seatsNeededForRoles(crew: readonly CrewSeat[]): number {
  const driver = crew.some((c) => c.asDriver);
  const leader = crew.some((c) => c.asLeader);
  return driver && leader ? 0 : 1;
}

const MINUTES_PER_DAY = 1440;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

export const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** A template's weekly pattern; an end at or before the start means the shift ends the next day. */
export interface WeeklyPattern {
  weekdays: readonly number[];
  startTime: string;
  endTime: string;
}

export function patternLengthMinutes(p: Pick<WeeklyPattern, 'startTime' | 'endTime'>): number {
  const len = toMinutes(p.endTime) - toMinutes(p.startTime);
  return len > 0 ? len : len + MINUTES_PER_DAY;
}

/** The pattern's minutes within a week (Monday 00:00 = 0), split where they wrap past Sunday midnight. */
function weekIntervals(p: WeeklyPattern): [number, number][] {
  const out: [number, number][] = [];
  for (const day of p.weekdays) {
    const start = (day - 1) * MINUTES_PER_DAY + toMinutes(p.startTime);
    const end = start + patternLengthMinutes(p);
    if (end <= MINUTES_PER_WEEK) out.push([start, end]);
    else out.push([start, MINUTES_PER_WEEK], [0, end - MINUTES_PER_WEEK]);
  }
  return out;
}

/** True when two weekly patterns share any minute (back-to-back shifts, 09–13 and 13–17, do not). */
export function patternsOverlap(a: WeeklyPattern, b: WeeklyPattern): boolean {
  const bs = weekIntervals(b);
  return weekIntervals(a).some(([s1, e1]) => bs.some(([s2, e2]) => s1 < e2 && s2 < e1));
}

/** True when date ranges [from, until] overlap; a null until is open-ended. */
export function periodsOverlap(aFrom: string, aUntil: string | null, bFrom: string, bUntil: string | null): boolean {
  return (aUntil === null || bFrom <= aUntil) && (bUntil === null || aFrom <= bUntil);
}
