/**
 * A small RFC 5545 writer: just what a published shift calendar needs, with
 * the Europe/Stockholm time zone spelled out (VTIMEZONE) so Google, Apple and
 * Outlook show local times, UID + SEQUENCE so changes replace the old event,
 * and STATUS:CANCELLED so cancellations show up rather than vanish.
 */
import { localParts, TIME_ZONE } from '../../../shared/domain/time.js';

export interface CalendarEvent {
  uid: string;
  sequence: number;
  startsAt: string;
  endsAt: string;
  updatedAt: string;
  summary: string;
  description: string;
  location: string | null;
  url: string;
  cancelled: boolean;
}

const STOCKHOLM = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  `X-LIC-LOCATION:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/**
 * TEXT values escape backslash, semicolon, comma and every line break (RFC 5545 3.3.11): CRLF, LF, a bare CR,
 * the vertical tab and form feed, NEL, and the Unicode line and paragraph separators, each of which some reader
 * takes for the end of a line, where a text could otherwise start a content line of its own. Other control
 * characters are not allowed in TEXT and are dropped.
 */
export const escapeText = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, '');

/** Lines longer than 75 octets are folded with CRLF and a space, never inside a UTF-8 character (3.1). */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const utcStamp = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const localStamp = (iso: string) => {
  const p = localParts(iso);
  return `${p.date.replace(/-/g, '')}T${p.time.replace(':', '')}00`;
};

export function calendar(name: string, events: CalendarEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Grannstöd//Körpass//SV',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...STOCKHOLM,
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${utcStamp(e.updatedAt)}`,
      `LAST-MODIFIED:${utcStamp(e.updatedAt)}`,
      `SEQUENCE:${e.sequence}`,
      `DTSTART;TZID=${TIME_ZONE}:${localStamp(e.startsAt)}`,
      `DTEND;TZID=${TIME_ZONE}:${localStamp(e.endsAt)}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
      `URL:${e.url}`,
      `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
