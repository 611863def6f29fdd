/** API schemas of the driving log (körjournal) and of volunteer hours and kilometres. */
import { z } from 'zod';
import { id, isoDate, isoDateTime } from './common.js';

export const tripFlags = ['gap', 'backwards', 'not_closed'] as const;
export type TripFlag = (typeof tripFlags)[number];

export const trip = z.object({
  shiftId: id,
  date: z.string(),
  startedAt: isoDateTime,
  endedAt: isoDateTime.nullable(),
  odometerStartKm: z.number(),
  odometerEndKm: z.number().nullable(),
  km: z.number().nullable(),
  startPlace: z.string().nullable(),
  endPlace: z.string().nullable(),
  purpose: z.string(),
  driverName: z.string().nullable(),
  /** gap: km since the last trip that no trip explains; backwards: starts below the last end; not_closed: no end reading. */
  flags: z.array(z.enum(tripFlags)),
  gapKm: z.number(),
});

export const drivingLog = z.object({
  vehicleId: id,
  vehicleName: z.string(),
  registration: z.string(),
  year: z.number(),
  odometerAtStartKm: z.number().nullable(),
  odometerAtEndKm: z.number().nullable(),
  totalKm: z.number(),
  trips: z.array(trip),
});

export const drivingLogQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

export const hoursQuery = z.strictObject({ from: isoDate, to: isoDate });
export const hours = z.object({
  from: z.string(),
  to: z.string(),
  members: z.array(z.object({ memberId: id, name: z.string(), shifts: z.number(), minutes: z.number() })),
  vehicles: z.array(
    z.object({
      vehicleId: id,
      name: z.string(),
      months: z.array(z.object({ month: z.string(), km: z.number(), planned: z.number(), run: z.number(), cancelled: z.number() })),
    }),
  ),
  totals: z.object({ minutes: z.number(), km: z.number(), planned: z.number(), run: z.number(), cancelled: z.number() }),
});

export type Trip = z.infer<typeof trip>;
export type DrivingLog = z.infer<typeof drivingLog>;
export type Hours = z.infer<typeof hours>;
