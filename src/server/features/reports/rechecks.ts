/**
 * Re-checks: a resolved item of a category that asks for it (graffiti: the
 * municipality's 48 hours) waits for a patrol to look again. It shows on every
 * shift whose area covers the place, from when it is due until someone has
 * looked. Still there after all: the item goes on the coordinators' to-do list.
 */
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { authorize, can, type Actor } from '../../platform/policies.js';
import { contains, type Geometry } from '../../../shared/domain/geo.js';
import type { RecheckDone, RecheckTask } from '../../../shared/api/reports.js';
import * as repo from './action-items.repository.js';
import * as shifts from './rechecks.repository.js';
import { auditItem, summaries } from './action-items.service.js';

/** A re-check not made within this many days is no longer shown: the place has surely changed. */
const SHOWN_DAYS = 30;
const MOST = 50;

/** The shift's crew and the coordinators see its re-checks; for anyone else the shift has none to show. */
async function assertCrewOrStaff(ctx: AppContext, actor: Actor, shiftId: string): Promise<void> {
  authorize(actor, 'observation.create');
  if (can(actor, 'item.list')) return;
  if (!(await shifts.onCrew(ctx.db, actor.associationId, shiftId, actor.memberId))) throw notFound();
}

export async function rechecksForShift(ctx: AppContext, actor: Actor, shiftId: string): Promise<RecheckTask[]> {
  await assertCrewOrStaff(ctx, actor, shiftId);
  const shift = await shifts.shiftArea(ctx.db, actor.associationId, shiftId);
  if (!shift) throw notFound();
  const since = new Date(Date.parse(shift.endsAt) - SHOWN_DAYS * 86_400_000).toISOString();
  const due = await repo.rechecksDue(ctx.db, actor.associationId, shift.endsAt, since, 500);
  // A shift with no area patrols the whole district.
  const area = shift.geojson ? (JSON.parse(shift.geojson) as Geometry) : null;
  const here = due.filter((r) => !area || contains(area, Number(r.lat), Number(r.lng))).slice(0, MOST);
  const observations = await repo.observationsOfItems(
    ctx.db,
    actor.associationId,
    here.map((r) => r.id),
  );
  const base = await summaries(ctx, here, actor);
  return base.map((s, i) => {
    const first = observations.find((o) => o.item_id === s.id);
    return { ...s, recheckDueAt: here[i]!.recheck_due_at!, address: first?.address ?? null, place: first?.area_name ?? null };
  });
}

/** A later patrol looked again: a member of the crew of a shift the re-check shows on (or a coordinator) records it, once. */
export async function markRechecked(ctx: AppContext, actor: Actor, id: string, input: RecheckDone): Promise<void> {
  authorize(actor, 'observation.create');
  if (!can(actor, 'item.list')) {
    if (!input.shiftId) throw new AppError('validation', [{ field: 'shiftId', message: 'error.field.required' }]);
    const shown = await rechecksForShift(ctx, actor, input.shiftId);
    if (!shown.some((task) => task.id === id)) throw notFound();
  }
  const row = await repo.findItem(ctx.db, actor.associationId, id);
  if (!row?.recheck_due_at) throw notFound();
  if (row.rechecked_at) return;
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateItem(trx, actor.associationId, id, { rechecked_at: at, recheck_result: input.result, updated_at: at });
    await repo.addEvent(trx, actor.associationId, id, { kind: 'rechecked', note: input.note ?? null, memberId: actor.memberId, at });
    await auditItem(trx, actor, id, { action: 'action_item.recheck', after: { result: input.result } });
  });
}
