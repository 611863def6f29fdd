/** The ordered list of migrations; a new one is appended, a landed one is never edited. */
import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
};
