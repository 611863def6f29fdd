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
