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
 * ISO weekday × 100 + hour (Monday 09:00 is 109, Sunday 23:00 is 723) of an
 * ISO-8601 UTC text timestamp moved by a number of minutes: the local weekday
 * and hour when the minutes are the zone's offset at that instant.
 */
export function weekdayHourOf(dialect: Dialect, isoText: RawBuilder<string>, minutes: RawBuilder<number>): RawBuilder<number> {
  if (dialect === 'postgres') {
    const local = sql`(cast(${isoText} as timestamp) + ${minutes} * interval '1 minute')`;
    return sql<number>`cast(extract(isodow from ${local}) * 100 + extract(hour from ${local}) as integer)`;
  }
  // SQLite's %w counts from Sunday = 0; ISO from Monday = 1.
  const shift = sql`${minutes} || ' minutes'`;
  return sql<number>`((cast(strftime('%w', ${isoText}, ${shift}) as integer) + 6) % 7 + 1) * 100 + cast(strftime('%H', ${isoText}, ${shift}) as integer)`;
}
