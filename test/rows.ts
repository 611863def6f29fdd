/** Rows written straight into the database, for benchmarks and tests that need many or need them unrouted. */
import type { Insertable } from 'kysely';
import type { ObservationTable } from '../src/server/platform/db/schema.js';
import { uuidv7 } from '../src/shared/domain/ids.js';

type Required = Pick<ObservationTable, 'association_id' | 'author_member_id' | 'category_id' | 'lat' | 'lng'>;

/** A new observation needing action, not routed yet, made now unless told otherwise. */
export function observationRow(r: Required & Partial<Insertable<ObservationTable>>): Insertable<ObservationTable> {
  const at = r.observed_at ?? new Date().toISOString();
  return {
    id: uuidv7(Date.parse(at)),
    shift_id: null,
    vehicle_id: null,
    urgency: 'needs_action',
    text: null,
    accuracy_m: 10,
    area_id: null,
    address: null,
    observed_at: at,
    handed_to_police_at: null,
    police_reference: null,
    call_112_at: null,
    call_reference: null,
    content_hash: '0'.repeat(64),
    created_at: at,
    updated_at: at,
    routed_at: null,
    ...r,
  };
}
