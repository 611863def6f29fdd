/** Checks that ids sent by a client belong to the actor's association; a foreign id reads as a bad field, never as data. */
import { AppError } from '../../platform/errors.js';
import type { Executor } from '../../platform/db/database.js';

export async function assertVehicleOf(db: Executor, associationId: string, vehicleId: string): Promise<{ status: string; odometer_km: number }> {
  const v = await db
    .selectFrom('vehicles')
    .select(['status', 'odometer_km'])
    .where('association_id', '=', associationId)
    .where('id', '=', vehicleId)
    .executeTakeFirst();
  if (!v) throw new AppError('validation', [{ field: 'vehicleId', message: 'error.field.invalid' }]);
  return v;
}

export async function assertAreaOf(db: Executor, associationId: string, areaId: string | null): Promise<void> {
  if (areaId === null) return;
  const a = await db.selectFrom('areas').select('id').where('association_id', '=', associationId).where('id', '=', areaId).executeTakeFirst();
  if (!a) throw new AppError('validation', [{ field: 'areaId', message: 'error.field.invalid' }]);
}
