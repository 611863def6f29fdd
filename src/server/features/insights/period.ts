/**
 * Periods of the follow-up: local dates turned into UTC instants, the period
 * of equal length just before, and the stretches of time between the zone's
 * clock changes, so the database can count by local weekday and hour.
 */
import { AppError } from '../../platform/errors.js';
import { addDays, daysBetween, offsetMinutes, zonedInstant } from '../../../shared/domain/time.js';

/** Ten years and a little: the longest period anyone asks to compare. */
const MAX_DAYS = 3700;

export interface Period {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  /** [previousFrom 00:00, from 00:00) and [from 00:00, to + 1 00:00), local time, as UTC ISO. */
  previousFromIso: string;
  fromIso: string;
  toIso: string;
}

export function periodOf(from: string, to: string): Period {
  if (to < from || daysBetween(from, to) > MAX_DAYS) throw new AppError('validation', [{ field: 'to', message: 'error.field.invalid' }]);
  const days = daysBetween(from, to) + 1;
  const previousFrom = addDays(from, -days);
  const previousTo = addDays(from, -1);
  const iso = (date: string) => zonedInstant(date, '00:00').toISOString();
  return { from, to, previousFrom, previousTo, previousFromIso: iso(previousFrom), fromIso: iso(from), toIso: iso(addDays(to, 1)) };
}

/** Whether an instant lies in the period (true) or in the one before (false). */
export const inCurrent = (p: Period, iso: string) => iso >= p.fromIso;

/** One stretch of UTC time with the same offset from UTC (minutes) in the zone. */
export interface OffsetSpan {
  fromIso: string;
  toIso: string;
  offset: number;
}

const HOUR_MS = 3_600_000;
const spansByYear = new Map<number, OffsetSpan[]>();

/**
 * The zone's offsets over [fromIso, toIso) as stretches between clock changes,
 * found by asking the zone at each month's ends and, in a month with a change,
 * at each hour of its changeover day. Kept per year for the process: a past
 * year's changes do not move.
 */
export function offsetSpans(fromIso: string, toIso: string): OffsetSpan[] {
  const spans: OffsetSpan[] = [];
  for (let year = Number(fromIso.slice(0, 4)); year <= Number(toIso.slice(0, 4)); year++) {
    let yearSpans = spansByYear.get(year);
    if (!yearSpans) {
      yearSpans = [];
      let start = Date.UTC(year, 0, 1);
      let offset = offsetMinutes(start);
      for (let hour = start; hour < Date.UTC(year + 1, 0, 1);) {
        const monthEnd = Date.UTC(new Date(hour).getUTCFullYear(), new Date(hour).getUTCMonth() + 1, 1);
        if (offsetMinutes(monthEnd - 1) === offset) {
          hour = monthEnd;
          continue;
        }
        // The change is in this month: find its hour.
        while (offsetMinutes(hour) === offset) hour += HOUR_MS;
        yearSpans.push({ fromIso: new Date(start).toISOString(), toIso: new Date(hour).toISOString(), offset });
        start = hour;
        offset = offsetMinutes(hour);
      }
      yearSpans.push({ fromIso: new Date(start).toISOString(), toIso: new Date(Date.UTC(year + 1, 0, 1)).toISOString(), offset });
      spansByYear.set(year, yearSpans);
    }
    spans.push(...yearSpans);
  }
  return spans.filter((s) => s.toIso > fromIso && s.fromIso < toIso);
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
