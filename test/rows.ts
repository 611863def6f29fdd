/** Rows written straight into the database, for benchmarks and tests that need many or need them unrouted. */
import type { Insertable } from 'kysely';
import type { ActionItemTable, ObservationTable, ShiftCrewTable, ShiftTable } from '../src/server/platform/db/schema.js';
import { uuidv7 } from '../src/shared/domain/ids.js';
import { newItemRow } from '../src/server/features/reports/action-items.repository.js';

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

/** A closed shift, run from start to end with the odometer moved by km, unless told otherwise. */
export function shiftRow(
  r: Pick<Insertable<ShiftTable>, 'association_id' | 'vehicle_id' | 'starts_at' | 'ends_at'> & Partial<Insertable<ShiftTable>> & { km?: number },
): Insertable<ShiftTable> {
  const { km = 0, ...rest } = r;
  return {
    id: uuidv7(Date.parse(r.starts_at)),
    template_id: null,
    crew_min: 2,
    crew_max: 3,
    area_id: null,
    note: null,
    status: 'closed',
    cancel_reason: null,
    checked_in_at: r.starts_at,
    checked_in_by: null,
    driver_member_id: null,
    odometer_start_km: 1000,
    start_place: null,
    briefing_note: null,
    checked_out_at: r.ends_at,
    odometer_end_km: 1000 + km,
    end_place: null,
    summary: null,
    created_at: r.starts_at,
    updated_at: r.starts_at,
    ...rest,
  };
}

/** A crew seat, present unless told otherwise. */
export function crewRow(
  r: Pick<Insertable<ShiftCrewTable>, 'association_id' | 'shift_id' | 'member_id'> & Partial<Insertable<ShiftCrewTable>>,
): Insertable<ShiftCrewTable> {
  return { id: uuidv7(), place: 'crew', as_driver: 0, as_leader: 0, present: 1, created_at: new Date().toISOString(), ...r };
}

/** An action item sent at sent_at, due 14 days later, still waiting unless told otherwise. */
export function itemRow(
  r: Pick<Insertable<ActionItemTable>, 'association_id' | 'recipient_id' | 'category_id' | 'sent_at'> & Partial<Insertable<ActionItemTable>>,
): Insertable<ActionItemTable> {
  const sent = r.sent_at ?? new Date().toISOString();
  const item = { associationId: r.association_id, recipientId: r.recipient_id, categoryId: r.category_id, urgent: false, lat: 59.23, lng: 17.98, now: sent };
  return {
    ...newItemRow(item, 'sent'),
    id: uuidv7(Date.parse(sent)),
    due_at: new Date(Date.parse(sent) + 14 * 86_400_000).toISOString(),
    ...r,
  };
}
