/**
 * What the association holds about one member, table by table, for the access
 * export (GDPR art. 15). Read-only; every query is scoped by the association.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { publicIdSql } from '../../platform/db/public-id.js';

type Db = Kysely<Database>;

export function shiftsOf(db: Db, associationId: string, memberId: string) {
  return db
    .selectFrom('shift_crew as c')
    .innerJoin('shifts as s', 's.id', 'c.shift_id')
    .innerJoin('vehicles as v', 'v.id', 's.vehicle_id')
    .select([
      's.id',
      's.starts_at',
      's.ends_at',
      's.status',
      's.checked_in_at',
      's.checked_out_at',
      'v.name as car',
      'c.place',
      'c.as_driver',
      'c.as_leader',
      'c.present',
    ])
    .where('c.association_id', '=', associationId)
    .where('c.member_id', '=', memberId)
    .orderBy('s.starts_at')
    .execute();
}

export function observationsOf(db: Db, associationId: string, memberId: string) {
  return db
    .selectFrom('observations as o')
    .innerJoin('observation_categories as c', 'c.id', 'o.category_id')
    .leftJoin('areas as a', 'a.id', 'o.area_id')
    .select([
      'o.id',
      publicIdSql('o').as('public_id'),
      'o.observed_at',
      'c.label_sv as category_sv',
      'c.label_en as category_en',
      'o.urgency',
      'o.text',
      'o.lat',
      'o.lng',
      'o.address',
      'a.name as area',
      'o.handed_to_police_at',
      'o.police_reference',
      'o.call_112_at',
      'o.call_reference',
      'o.shift_id',
    ])
    .where('o.association_id', '=', associationId)
    .where('o.author_member_id', '=', memberId)
    .orderBy('o.observed_at')
    .execute();
}

export function photosOf(db: Db, associationId: string, observationIds: string[]) {
  if (observationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('observation_photos')
    .select(['observation_id', 'sha256', 'mime'])
    .where('association_id', '=', associationId)
    .where('observation_id', 'in', observationIds)
    .execute();
}

export function routesOf(db: Db, associationId: string, memberId: string) {
  return db
    .selectFrom('track_segments')
    .select(['id', 'shift_id', 'started_at', 'ended_at', 'point_count', 'polyline'])
    .where('association_id', '=', associationId)
    .where('member_id', '=', memberId)
    .orderBy('started_at')
    .execute();
}

/** Entries about the member and entries of what the member did. */
export function auditAbout(db: Db, associationId: string, memberId: string) {
  return db
    .selectFrom('audit_log')
    .select(['created_at', 'action', 'entity_type', 'entity_id', 'actor_member_id', 'before_json', 'after_json'])
    .where('association_id', '=', associationId)
    .where((eb) => eb.or([eb('entity_id', '=', memberId), eb('actor_member_id', '=', memberId)]))
    .orderBy('created_at')
    .execute();
}

/** Mail to the member's address: what it said, except links that grant access (those stay sealed). */
export function mailsTo(db: Db, associationId: string, email: string) {
  return db
    .selectFrom('mail_outbox')
    .select(['created_at', 'sent_at', 'status', 'subject', 'text_body'])
    .where('association_id', '=', associationId)
    .where('to_address', '=', email)
    .orderBy('created_at')
    .execute();
}
