/** Cars: every member sees them; coordinators and admins add and change them (audited). */
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.repository.js';
import { nowIso } from '../../platform/db/ids.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { Vehicle, VehicleCreate, VehicleUpdate } from '../../../shared/api/vehicles.js';
import * as repo from './vehicles.repository.js';
import type { Executor } from '../../platform/db/database.js';

/** A unique violation on a car can only be its registration number: say so, naming the field. */
function rethrowAsRegistrationTaken(err: unknown): never {
  throw isUniqueViolation(err) ? new AppError('conflict', [{ field: 'registration', message: 'error.registration_taken' }]) : err;
}

export async function listVehicles(ctx: AppContext, actor: Actor): Promise<Vehicle[]> {
  authorize(actor, 'vehicle.list');
  return repo.listVehicles(ctx.db, actor.associationId);
}

export async function getVehicle(ctx: AppContext, actor: Actor, id: string): Promise<Vehicle> {
  const vehicle = await repo.findVehicle(ctx.db, actor.associationId, id);
  if (!vehicle) throw notFound();
  authorize(actor, 'vehicle.list');
  return vehicle;
}

export async function createVehicle(ctx: AppContext, actor: Actor, input: VehicleCreate): Promise<Vehicle> {
  authorize(actor, 'vehicle.manage');
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      const id = await repo.insertVehicle(trx, actor.associationId, input, nowIso());
      const vehicle = (await repo.findVehicle(trx, actor.associationId, id))!;
      await recordAudit(trx, {
        associationId: actor.associationId,
        actorMemberId: actor.memberId,
        action: 'vehicle.create',
        entityType: 'vehicle',
        entityId: id,
        after: { ...vehicle },
      });
      return vehicle;
    })
    .catch(rethrowAsRegistrationTaken);
}

export async function updateVehicle(ctx: AppContext, actor: Actor, id: string, input: VehicleUpdate): Promise<Vehicle> {
  const before = await repo.findVehicle(ctx.db, actor.associationId, id);
  if (!before) throw notFound();
  authorize(actor, 'vehicle.manage');
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      await repo.updateVehicle(trx, actor.associationId, id, input, nowIso());
      const after = (await repo.findVehicle(trx, actor.associationId, id))!;
      await recordAudit(trx, {
        associationId: actor.associationId,
        actorMemberId: actor.memberId,
        action: 'vehicle.update',
        entityType: 'vehicle',
        entityId: id,
        ...changedFields({ ...before }, { ...after }),
      });
      return after;
    })
    .catch(rethrowAsRegistrationTaken);
}

/** A check-out's odometer reading (inside the shift's transaction): the car's odometer follows it, never backwards. */
export async function recordOdometerReading(db: Executor, associationId: string, vehicleId: string, km: number): Promise<void> {
  await repo.raiseOdometer(db, associationId, vehicleId, km, nowIso());
}
