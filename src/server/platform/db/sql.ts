/** SQL that the two dialects write differently, in one place (services never see the difference). */
import { sql, type RawBuilder } from 'kysely';
import type { Dialect } from './database.js';

/**
 * The integer part of a non-negative number. PostgreSQL's CAST to integer
 * rounds, SQLite's truncates; floor() is not in every SQLite build.
 */
export function floorOf(dialect: Dialect, value: RawBuilder<number>): RawBuilder<number> {
  return dialect === 'postgres' ? sql<number>`floor(${value})::integer` : sql<number>`cast(${value} as integer)`;
}

/**
 * 'D-HH' (ISO weekday 1–7, hour 00–23) of an ISO-8601 UTC text timestamp moved
 * by a number of minutes: the local weekday and hour when the minutes are the
 * zone's offset at that instant.
 */
export function weekdayHourOf(dialect: Dialect, isoText: RawBuilder<string>, minutes: RawBuilder<number>): RawBuilder<string> {
  if (dialect === 'postgres') return sql<string>`to_char(cast(${isoText} as timestamp) + ${minutes} * interval '1 minute', 'ID-HH24')`;
  // SQLite's %w counts Sunday as 0; ISO counts it as 7.
  return sql<string>`replace(substr(strftime('%w-%H', ${isoText}, ${minutes} || ' minutes'), 1, 1), '0', '7') || substr(strftime('%w-%H', ${isoText}, ${minutes} || ' minutes'), 2)`;
}
