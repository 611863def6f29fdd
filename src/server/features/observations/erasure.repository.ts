/** Clearing what retention says is due: the crew's words and references, and photo rows. */
import type { Executor } from '../../platform/db/database.js';

/** The crew's words, references and linked pictures of these observations (the observation and its counts stay). */
export async function clearTexts(db: Executor, associationId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('observations')
    .set({ text: null, police_reference: null, call_reference: null, media_url: null })
    .where('association_id', '=', associationId)
    .where('id', 'in', ids)
    .execute();
}

/** These photo rows, deleted (the files go separately, once nothing refers to them). */
export async function deletePhotoRows(db: Executor, associationId: string, photos: { observation_id: string; sha256: string }[]): Promise<void> {
  if (photos.length === 0) return;
  await db
    .deleteFrom('observation_photos')
    .where('association_id', '=', associationId)
    .where((eb) => eb.or(photos.map((d) => eb.and([eb('observation_id', '=', d.observation_id), eb('sha256', '=', d.sha256)]))))
    .execute();
}
