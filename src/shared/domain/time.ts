/**
 * Wall-clock time in the association's zone (Europe/Stockholm) and the UTC
 * instants the database stores. Shifts are planned in local time ("Mon 09–13")
 * but stored as instants, so a shift across a daylight-saving change keeps
 * its true length. Only Intl is used: the browser and Node both have it.
 */
export const TIME_ZONE = 'Europe/Stockholm';

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = partsFormat.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    partsFormat.set(zone, f);
  }
  return f;
}

export interface LocalParts {
  date: string; // YYYY-MM-DD
  time: string; // HH:MM
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The local date, time and weekday of an instant. */
export function localParts(instant: Date | string, zone = TIME_ZONE): LocalParts {
  const p: Record<string, string> = {};
  for (const { type, value } of formatterFor(zone).formatToParts(new Date(instant))) p[type] = value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, weekday: weekdays[p.weekday!]! };
}

/** Minutes the zone is ahead of UTC at an instant (60 in winter, 120 in summer for Stockholm). */
export function offsetMinutes(instantMs: number, zone = TIME_ZONE): number {
  const p: Record<string, string> = {};
  for (const { type, value } of formatterFor(zone).formatToParts(new Date(instantMs))) p[type] = value;
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/**
 * The instant of a local date and time. A time skipped by the spring change
 * (02:30 on the last Sunday of March) moves forward by the gap, as clocks do;
 * a repeated autumn time takes its first (summer-time) occurrence.
 */
export function zonedInstant(date: string, time: string, zone = TIME_ZONE): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The offsets a day before and after bracket any change; keep those that map back to the wall time.
  const before = offsetMinutes(wall - 86_400_000, zone);
  const after = offsetMinutes(wall + 86_400_000, zone);
  const valid = [before, after].map((o) => wall - o * 60_000).filter((ms) => localMatches(ms, date, time, zone));
  if (valid.length > 0) return new Date(Math.min(...valid));
  // In the spring gap the wall time does not exist: the offset before the change lands just after it.
  return new Date(wall - before * 60_000);
}

function localMatches(ms: number, date: string, time: string, zone: string): boolean {
  const p = localParts(new Date(ms), zone);
  return p.date === date && p.time === time;
}

/** YYYY-MM-DD plus n days (calendar arithmetic, no zone involved). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday) of a calendar date. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week a date falls in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/** Whole calendar days from a to b. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Today's date in the zone. */
export function localToday(now: Date = new Date(), zone = TIME_ZONE): string {
  return localParts(now, zone).date;
}

/** The UTC instant where a local calendar day starts (00:00 local). */
export function startOfLocalDay(date: string, zone = TIME_ZONE): Date {
  return zonedInstant(date, '00:00', zone);
}
