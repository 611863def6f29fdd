/**
 * The route driven on a shift. With the crew's consent the phone samples its
 * position (about every 30 seconds or 100 metres) while the shift runs and
 * sends it in segments under ids it makes, by idempotent PUT like observations:
 * a retry stores nothing twice, other content under the same id is refused.
 * Kept compactly (an encoded polyline and seconds per point) and shown only to
 * the shift's crew and coordinators: where volunteers were is personal data.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { authorize, can, type Actor } from '../../platform/policies.js';
import { nowIso } from '../../platform/db/ids.js';
import type { Track, TrackSegmentPut } from '../../../shared/api/shifts.js';
import { decodePolyline, encodePolyline } from '../../../shared/domain/polyline.js';
import * as repo from './shifts.repository.js';
import * as track from './track.repository.js';

/** Positions may be sent from an hour before the start until twelve hours after the end (a phone that was offline). */
const BEFORE_MS = 3_600_000;
const LATE_MS = 12 * 3_600_000;

async function crewOrStaff(ctx: AppContext, actor: Actor, shiftId: string): Promise<repo.ShiftRow> {
  const shift = await repo.findShift(ctx.db, actor.associationId, shiftId);
  if (!shift) throw notFound();
  authorize(actor, 'shift.list');
  if (can(actor, 'shift.manage')) return shift;
  const crew = await repo.crewOf(ctx.db, actor.associationId, [shiftId]);
  if (!crew.some((c) => c.member_id === actor.memberId && c.place === 'crew')) throw new AppError('forbidden');
  return shift;
}

export async function putSegment(ctx: AppContext, actor: Actor, shiftId: string, segmentId: string, input: TrackSegmentPut): Promise<{ created: boolean }> {
  const shift = await crewOrStaff(ctx, actor, shiftId);
  const hash = createHash('sha256').update(JSON.stringify(input.points)).digest('hex');
  const same = async () => {
    const found = await track.findSegment(ctx.db, segmentId);
    if (!found) return false;
    if (found.association_id !== actor.associationId || found.shift_id !== shiftId || found.content_hash !== hash) throw new AppError('observation_conflict');
    return true;
  };
  const first = Date.parse(input.points[0]!.t);
  const last = Date.parse(input.points.at(-1)!.t);
  if (first < Date.parse(shift.starts_at) - BEFORE_MS || last > Date.parse(shift.ends_at) + LATE_MS || last > ctx.clock.now().getTime() + 600_000) {
    if (await same()) return { created: false };
    throw new AppError('validation', [{ field: 'points', message: 'error.field.outside_shift' }]);
  }
  const inserted = await track.insertSegment(ctx.db, {
    id: segmentId,
    association_id: actor.associationId,
    shift_id: shiftId,
    member_id: actor.memberId,
    started_at: new Date(first).toISOString(),
    ended_at: new Date(last).toISOString(),
    point_count: input.points.length,
    polyline: encodePolyline(input.points.map((p) => [p.lat, p.lng])),
    seconds: input.points.map((p) => Math.round((Date.parse(p.t) - first) / 1000)).join(','),
    content_hash: hash,
    created_at: nowIso(),
  });
  if (inserted) return { created: true };
  await same();
  return { created: false };
}

export async function getTrack(ctx: AppContext, actor: Actor, shiftId: string): Promise<Track> {
  await crewOrStaff(ctx, actor, shiftId);
  const rows = await track.segmentsOf(ctx.db, actor.associationId, shiftId);
  return {
    segments: rows.map((r) => {
      const start = Date.parse(r.started_at);
      const seconds = r.seconds.split(',').map(Number);
      return {
        id: r.id,
        memberId: r.member_id,
        points: decodePolyline(r.polyline).map(([lat, lng], i) => ({ t: new Date(start + seconds[i]! * 1000).toISOString(), lat, lng })),
      };
    }),
  };
}
