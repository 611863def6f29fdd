/**
 * An observation's id as its association knows it: the id the phone made.
 * That id is unique within the association only (migration 0014); when another
 * association held it already, the row has an id of the server's and the
 * phone's id in `client_id`. Everything shown to or asked of an association
 * goes through these, so no answer differs by what another association holds.
 * Joins between tables keep using the row's own `id`, unique everywhere.
 */
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Database } from './schema.js';

/** The id to show, from a row holding both. */
export const publicIdOf = (r: { id: string; client_id: string | null }): string => r.client_id ?? r.id;

/** The id to show, in SQL, for the observations table under this name. */
export function publicIdSql(table = 'observations') {
  return sql<string>`coalesce(${sql.ref(`${table}.client_id`)}, ${sql.ref(`${table}.id`)})`;
}

/** The association's observation with this id (as the association knows it). */
export function hasPublicId(eb: ExpressionBuilder<Database, 'observations'>, associationId: string, id: string): Expression<SqlBool> {
  return eb.and([
    eb('observations.association_id', '=', associationId),
    eb.or([eb('observations.client_id', '=', id), eb.and([eb('observations.id', '=', id), eb('observations.client_id', 'is', null)])]),
  ]);
}
