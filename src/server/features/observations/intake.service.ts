/**
 * Observations that partner systems send (an Open311 POST with an API key):
 * written by the observations feature, with the app's privacy guard and area
 * check, into the same table and audit trail, then routed like any other.
 * The Open311 feature validates the request's own format and calls this.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { newId } from '../../platform/db/ids.js';
import { guardFields, placeOf } from './observation-rules.js';
import * as repo from './observations.repository.js';

export interface PartnerObservation {
  associationId: string;
  /** The member the API key was issued to: the author of what the partner sends. */
  authorMemberId: string;
  open311KeyId: string;
  open311KeyName: string;
  categoryId: string;
  urgency: string;
  text: string | null;
  address: string | null;
  lat: number;
  lng: number;
  mediaUrl: string | null;
  /** The address could not be placed: no area until a coordinator puts it on the map, and not routed before. */
  needsPlacing: boolean;
}

/** Stores a partner's observation and wakes routing; gives its id. AppError on personal data or a place far outside the areas. */
export async function recordPartnerObservation(ctx: AppContext, o: PartnerObservation): Promise<string> {
  guardFields({ text: o.text, address: o.address });
  const area = o.needsPlacing ? null : await placeOf(ctx.db, o.associationId, o.lat, o.lng);
  const id = newId();
  const now = ctx.clock.now().toISOString();
  const hash = createHash('sha256')
    .update(JSON.stringify([o.open311KeyId, o.categoryId, o.lat, o.lng, o.text, o.address, o.mediaUrl, now]))
    .digest('hex');
  await repo.insertObservationAudited(
    ctx.db,
    ctx.dialect,
    {
      id,
      association_id: o.associationId,
      author_member_id: o.authorMemberId,
      shift_id: null,
      vehicle_id: null,
      category_id: o.categoryId,
      urgency: o.urgency,
      text: o.text,
      lat: o.lat,
      lng: o.lng,
      accuracy_m: null,
      area_id: area?.id ?? null,
      address: o.address,
      observed_at: now,
      handed_to_police_at: null,
      police_reference: null,
      call_112_at: null,
      call_reference: null,
      content_hash: hash,
      created_at: now,
      updated_at: now,
      routed_at: null,
      open311_key_id: o.open311KeyId,
      media_url: o.mediaUrl,
      needs_placing: o.needsPlacing ? 1 : 0,
    },
    {
      associationId: o.associationId,
      actorMemberId: o.authorMemberId,
      action: 'observation.create',
      entityType: 'observation',
      entityId: id,
      after: { categoryId: o.categoryId, urgency: o.urgency, areaId: area?.id ?? null, open311Key: o.open311KeyName },
    },
  );
  ctx.jobs.kick();
  return id;
}
