/** Shift templates: weekly patterns per car, which never overlap for one car; coordinators manage them. */
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.repository.js';
import { nowIso } from '../../platform/db/ids.js';
import type { Template, TemplateInput } from '../../../shared/api/shifts.js';
import { patternsOverlap, periodsOverlap } from '../../../shared/domain/shifts.js';
import * as repo from './templates.repository.js';
import { assertAreaOf, assertVehicleOf } from './references.js';
import { vehicleOf, vehiclesOf } from './neighbours.repository.js';
import type { Executor } from '../../platform/db/database.js';

async function vehicleName(db: Executor, associationId: string, vehicleId: string): Promise<string> {
  return (await vehicleOf(db, associationId, vehicleId))?.name ?? '';
}

export async function listTemplates(ctx: AppContext, actor: Actor): Promise<Template[]> {
  authorize(actor, 'shift.list');
  const [rows, vehicles] = await Promise.all([repo.listTemplates(ctx.db, actor.associationId), vehiclesOf(ctx.db, actor.associationId)]);
  const names = new Map(vehicles.map((v) => [v.id, v.name]));
  return rows.map((r) => repo.toTemplate(r, names.get(r.vehicle_id) ?? ''));
}

/** Refuses a pattern that shares any time with another live template of the same car in an overlapping period. */
async function assertNoOverlap(db: Executor, associationId: string, t: TemplateInput, exceptId?: string): Promise<void> {
  const others = (await repo.listTemplates(db, associationId, t.vehicleId)).filter((o) => o.id !== exceptId);
  const clash = others.find(
    (o) =>
      periodsOverlap(t.validFrom, t.validUntil, o.valid_from, o.valid_until) &&
      patternsOverlap(t, { weekdays: o.weekdays.split(',').map(Number), startTime: o.start_time, endTime: o.end_time }),
  );
  if (clash) throw new AppError('template_overlap', [{ field: 'startTime', message: 'error.template_overlap' }]);
}

export async function createTemplate(ctx: AppContext, actor: Actor, input: TemplateInput): Promise<Template> {
  authorize(actor, 'shift.manage');
  return ctx.db.transaction().execute(async (trx) => {
    await assertVehicleOf(trx, actor.associationId, input.vehicleId);
    await assertAreaOf(trx, actor.associationId, input.areaId);
    await assertNoOverlap(trx, actor.associationId, input);
    const id = await repo.insertTemplate(trx, actor.associationId, input, nowIso());
    const template = repo.toTemplate((await repo.findTemplate(trx, actor.associationId, id))!, await vehicleName(trx, actor.associationId, input.vehicleId));
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'shift_template.create',
      entityType: 'shift_template',
      entityId: id,
      after: { ...template },
    });
    return template;
  });
}

/** Changes a template; shifts already generated keep their times (change those one by one or generate anew). */
export async function updateTemplate(ctx: AppContext, actor: Actor, id: string, input: TemplateInput): Promise<Template> {
  const before = await repo.findTemplate(ctx.db, actor.associationId, id);
  if (!before) throw notFound();
  authorize(actor, 'shift.manage');
  return ctx.db.transaction().execute(async (trx) => {
    await assertVehicleOf(trx, actor.associationId, input.vehicleId);
    await assertAreaOf(trx, actor.associationId, input.areaId);
    await assertNoOverlap(trx, actor.associationId, input, id);
    await repo.updateTemplate(trx, actor.associationId, id, input, nowIso());
    const name = await vehicleName(trx, actor.associationId, input.vehicleId);
    const after = repo.toTemplate((await repo.findTemplate(trx, actor.associationId, id))!, name);
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'shift_template.update',
      entityType: 'shift_template',
      entityId: id,
      ...changedFields({ ...repo.toTemplate(before, name) }, { ...after }),
    });
    return after;
  });
}

/** Archives a template: it stops generating; shifts made from it stay. */
export async function archiveTemplate(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const before = await repo.findTemplate(ctx.db, actor.associationId, id);
  if (!before) throw notFound();
  authorize(actor, 'shift.manage');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.archiveTemplate(trx, actor.associationId, id, nowIso());
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'shift_template.archive',
      entityType: 'shift_template',
      entityId: id,
      before: { name: before.name },
    });
  });
}
