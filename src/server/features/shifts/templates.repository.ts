/** All SQL about shift templates. */
import type { Selectable } from 'kysely';
import type { ShiftTemplateTable } from '../../platform/db/schema.js';
import { newId } from '../../platform/db/ids.js';
import type { Template, TemplateInput } from '../../../shared/api/shifts.js';
import type { Executor } from '../../platform/db/database.js';

export type TemplateRow = Selectable<ShiftTemplateTable>;

export function toTemplate(r: TemplateRow, vehicleName: string): Template {
  return {
    id: r.id,
    vehicleId: r.vehicle_id,
    vehicleName,
    name: r.name,
    weekdays: r.weekdays.split(',').map(Number),
    startTime: r.start_time,
    endTime: r.end_time,
    endsNextDay: r.end_time <= r.start_time,
    crewMin: r.crew_min,
    crewMax: r.crew_max,
    areaId: r.area_id,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
  };
}

/** Live (not archived) templates, optionally of one car. */
export async function listTemplates(db: Executor, associationId: string, vehicleId?: string): Promise<TemplateRow[]> {
  let q = db.selectFrom('shift_templates').selectAll().where('association_id', '=', associationId).where('archived_at', 'is', null);
  if (vehicleId) q = q.where('vehicle_id', '=', vehicleId);
  return q.orderBy('vehicle_id').orderBy('start_time').execute();
}

export async function findTemplate(db: Executor, associationId: string, id: string): Promise<TemplateRow | undefined> {
  return db
    .selectFrom('shift_templates')
    .selectAll()
    .where('association_id', '=', associationId)
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

const columns = (t: TemplateInput) => ({
  vehicle_id: t.vehicleId,
  name: t.name,
  weekdays: t.weekdays.join(','),
  start_time: t.startTime,
  end_time: t.endTime,
  crew_min: t.crewMin,
  crew_max: t.crewMax,
  area_id: t.areaId,
  valid_from: t.validFrom,
  valid_until: t.validUntil,
});

export async function insertTemplate(db: Executor, associationId: string, t: TemplateInput, now: string): Promise<string> {
  const id = newId();
  await db
    .insertInto('shift_templates')
    .values({ id, association_id: associationId, ...columns(t), archived_at: null, created_at: now, updated_at: now })
    .execute();
  return id;
}

export async function updateTemplate(db: Executor, associationId: string, id: string, t: TemplateInput, now: string): Promise<void> {
  await db
    .updateTable('shift_templates')
    .set({ ...columns(t), updated_at: now })
    .where('association_id', '=', associationId)
    .where('id', '=', id)
    .execute();
}

export async function archiveTemplate(db: Executor, associationId: string, id: string, now: string): Promise<void> {
  await db.updateTable('shift_templates').set({ archived_at: now, updated_at: now }).where('association_id', '=', associationId).where('id', '=', id).execute();
}
