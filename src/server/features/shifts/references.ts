/** Checks that ids sent by a client belong to the actor's association; a foreign id reads as a bad field, never as data. */
import { AppError } from '../../platform/errors.js';
import type { Executor } from '../../platform/db/database.js';
import { areaExists, vehicleOf } from './neighbours.repository.js';

export async function assertVehicleOf(db: Executor, associationId: string, vehicleId: string): Promise<{ status: string; odometer_km: number }> {
  const v = await vehicleOf(db, associationId, vehicleId);
  if (!v) throw new AppError('validation', [{ field: 'vehicleId', message: 'error.field.invalid' }]);
  return v;
}

export async function assertAreaOf(db: Executor, associationId: string, areaId: string | null): Promise<void> {
  if (areaId === null) return;
  if (!(await areaExists(db, associationId, areaId))) throw new AppError('validation', [{ field: 'areaId', message: 'error.field.invalid' }]);
}
