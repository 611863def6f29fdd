/** How shifts read on screen: days, time spans and staffing, always in Stockholm time. */
import { language, t } from './i18n.js';
import { addDays, localParts, localToday, mondayOf, TIME_ZONE } from '../shared/domain/time.js';
import type { ShiftStatus, Staffing } from '../shared/domain/shifts.js';

const locale = () => (language.value === 'en' ? 'en-GB' : 'sv-SE');

/** "tisdag 1 december" */
export function formatDay(date: string): string {
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${date}T12:00:00Z`));
}

/** "1 december 2026": a date in a period that may cross a year */
export function formatDate(date: string): string {
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${date}T12:00:00Z`));
}

/** "09:00–13:00" */
export function timeSpan(startsAt: string, endsAt: string): string {
  const f = new Intl.DateTimeFormat(locale(), { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
  return `${f.format(new Date(startsAt))}–${f.format(new Date(endsAt))}`;
}

export const staffingLabel = (s: Staffing) => t(`shifts.staffing.${s}`);

/** Where a shift stands: ahead (its staffing is what matters), running, or over and said honestly. */
export type ShiftPhase = 'ahead' | 'running' | 'done' | 'not_run' | 'cancelled' | 'was_cancelled';
export function shiftPhase(s: { status: ShiftStatus; endsAt: string }, now = Date.now()): ShiftPhase {
  const over = Date.parse(s.endsAt) <= now;
  if (s.status === 'cancelled') return over ? 'was_cancelled' : 'cancelled';
  if (s.status === 'closed') return 'done';
  if (s.status === 'in_progress') return 'running';
  return over ? 'not_run' : 'ahead';
}
/** A shift that is over, greyed in lists. */
export const isPast = (s: { status: ShiftStatus; endsAt: string }) => !['ahead', 'running', 'cancelled'].includes(shiftPhase(s));
export const localDate = (iso: string) => localParts(iso).date;
export const today = () => localToday();
export const thisMonday = () => mondayOf(localToday());
export { addDays };

/** "2 h 30 min" */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

export const formatNumber = (n: number) => n.toLocaleString(locale());

/** "nov. 2026" from "2026-11" */
export function formatMonth(month: string): string {
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC', month: 'short', year: 'numeric' }).format(new Date(`${month}-15T12:00:00Z`));
}
