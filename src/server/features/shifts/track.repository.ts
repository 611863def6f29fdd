/** The SQL of the route driven: segments stored once under the phone's id. */
import type { Insertable } from 'kysely';
import type { TrackSegmentTable } from '../../platform/db/schema.js';
import type { Executor } from '../../platform/db/database.js';

/** By id in any association: the phone made it, so a retry or a clash is found wherever it is. */
export function findSegment(db: Executor, id: string) {
  return db.selectFrom('track_segments').select(['association_id', 'shift_id', 'content_hash']).where('id', '=', id).executeTakeFirst();
}

/** Stores a segment; false when its id exists already (nothing is written then). */
export async function insertSegment(db: Executor, row: Insertable<TrackSegmentTable>): Promise<boolean> {
  const res = await db
    .insertInto('track_segments')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function segmentsOf(db: Executor, associationId: string, shiftId: string) {
  return db
    .selectFrom('track_segments')
    .selectAll()
    .where('association_id', '=', associationId)
    .where('shift_id', '=', shiftId)
    .orderBy('started_at')
    .execute();
}
