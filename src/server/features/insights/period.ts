/**
 * Periods of the follow-up: local dates turned into UTC instants, the period
 * of equal length just before, and local weekday and hour of UTC hour buckets
 * without an Intl call per bucket (that alone would cost tens of ms a year).
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

/** Local ISO weekday (1 = Monday) and hour of UTC hour buckets 'YYYY-MM-DDTHH'. */
export function localHourReader(): (bucket: string) => { weekday: number; hour: number } {
  const dayOffsets = new Map<string, [number, number]>();
  return (bucket) => {
    const ms = Date.parse(`${bucket}:00:00Z`);
    const day = bucket.slice(0, 10);
    let offsets = dayOffsets.get(day);
    if (!offsets) {
      const start = Date.parse(`${day}T00:00:00Z`);
      offsets = [offsetMinutes(start), offsetMinutes(start + 86_400_000 - 1)];
      dayOffsets.set(day, offsets);
    }
    // Only on the two days a year the clocks change does the hour itself need asking.
    const offset = offsets[0] === offsets[1] ? offsets[0] : offsetMinutes(ms);
    const local = new Date(ms + offset * 60_000);
    return { weekday: ((local.getUTCDay() + 6) % 7) + 1, hour: local.getUTCHours() };
  };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
