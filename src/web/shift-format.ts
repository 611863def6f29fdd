/** How shifts read on screen: days, time spans and staffing, always in Stockholm time. */
import { language, t } from './i18n.js';
import { addDays, localParts, localToday, mondayOf, TIME_ZONE } from '../shared/domain/time.js';
import type { Staffing } from '../shared/domain/shifts.js';

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
