/** API schemas of cars. */
import { z } from 'zod';
import { normalizeRegistration, vehicleStatuses } from '../domain/vehicles.js';
import { id, isoDate } from './common.js';

const registration = z
  .string()
  .max(12)
  .transform((value, ctx) => {
    const normalized = normalizeRegistration(value);
    if (!normalized) {
      ctx.addIssue({ code: 'custom', message: 'not a Swedish registration number' });
      return z.NEVER;
    }
    return normalized;
  });
const carName = z.string().trim().min(1).max(100);
const odometerKm = z.number().int().min(0).max(2_000_000);

export const vehicle = z.object({
  id,
  name: z.string(),
  registration: z.string(),
  status: z.enum(vehicleStatuses),
  odometerKm: z.number(),
  insuranceDueOn: z.string().nullable(),
  serviceDueOn: z.string().nullable(),
});

export const vehicleCreate = z.strictObject({
  name: carName,
  registration,
  odometerKm: odometerKm.default(0),
  insuranceDueOn: isoDate.nullable().default(null),
  serviceDueOn: isoDate.nullable().default(null),
});

export const vehicleUpdate = z.strictObject({
  name: carName.optional(),
  registration: registration.optional(),
  status: z.enum(vehicleStatuses).optional(),
  odometerKm: odometerKm.optional(),
  insuranceDueOn: isoDate.nullable().optional(),
  serviceDueOn: isoDate.nullable().optional(),
});

export type Vehicle = z.infer<typeof vehicle>;
export type VehicleCreate = z.infer<typeof vehicleCreate>;
export type VehicleUpdate = z.infer<typeof vehicleUpdate>;
