/** All SQL about cars. */
import type { VehicleTable } from '../../platform/db/schema.js';
import { newId } from '../../platform/db/ids.js';
import type { Vehicle, VehicleCreate, VehicleUpdate } from '../../../shared/api/vehicles.js';
import type { VehicleStatus } from '../../../shared/domain/vehicles.js';
import type { Executor } from '../../platform/db/database.js';

function toVehicle(r: VehicleTable): Vehicle {
  return {
    id: r.id,
    name: r.name,
    registration: r.registration,
    status: r.status as VehicleStatus,
    odometerKm: Number(r.odometer_km),
    insuranceDueOn: r.insurance_due_on,
    serviceDueOn: r.service_due_on,
  };
}

export async function listVehicles(db: Executor, associationId: string): Promise<Vehicle[]> {
  const rows = await db.selectFrom('vehicles').selectAll().where('association_id', '=', associationId).orderBy('name').execute();
  return rows.map(toVehicle);
}

export async function findVehicle(db: Executor, associationId: string, id: string): Promise<Vehicle | undefined> {
  const row = await db.selectFrom('vehicles').selectAll().where('association_id', '=', associationId).where('id', '=', id).executeTakeFirst();
  return row && toVehicle(row);
}

export async function insertVehicle(db: Executor, associationId: string, v: VehicleCreate, now: string): Promise<string> {
  const id = newId();
  await db
    .insertInto('vehicles')
    .values({
      id,
      association_id: associationId,
      name: v.name,
      registration: v.registration,
      status: 'in_service',
      odometer_km: v.odometerKm,
      insurance_due_on: v.insuranceDueOn,
      service_due_on: v.serviceDueOn,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function updateVehicle(db: Executor, associationId: string, id: string, v: VehicleUpdate, now: string): Promise<void> {
  await db
    .updateTable('vehicles')
    .set({
      ...(v.name !== undefined && { name: v.name }),
      ...(v.registration !== undefined && { registration: v.registration }),
      ...(v.status !== undefined && { status: v.status }),
      ...(v.odometerKm !== undefined && { odometer_km: v.odometerKm }),
      ...(v.insuranceDueOn !== undefined && { insurance_due_on: v.insuranceDueOn }),
      ...(v.serviceDueOn !== undefined && { service_due_on: v.serviceDueOn }),
      updated_at: now,
    })
    .where('association_id', '=', associationId)
    .where('id', '=', id)
    .execute();
}

/** The car's odometer follows the latest reading, never backwards. */
export async function raiseOdometer(db: Executor, associationId: string, id: string, km: number, now: string): Promise<void> {
  await db
    .updateTable('vehicles')
    .set({ odometer_km: km, updated_at: now })
    .where('association_id', '=', associationId)
    .where('id', '=', id)
    .where('odometer_km', '<', km)
    .execute();
}
