/** Ids and timestamps of rows. The id maker is shared with the phone, which makes observation ids offline. */
import { uuidv7 } from '../../../shared/domain/ids.js';

export const newId = uuidv7;

/** Row timestamps read the server's one clock (platform/clock.ts). */
export { nowIso } from '../clock.js';
