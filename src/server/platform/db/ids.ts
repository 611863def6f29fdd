/** Ids and timestamps of rows. The id maker is shared with the phone, which makes observation ids offline. */
import { uuidv7 } from '../../../shared/domain/ids.js';

export const newId = uuidv7;

/** Timestamps are stored as ISO-8601 UTC text on both dialects, so they sort and compare as strings. */
export function nowIso(): string {
  return new Date().toISOString();
}
