/** API schemas of calendar feeds: secret, revocable iCal addresses per member or per car. */
import { z } from 'zod';
import { id, isoDateTime } from './common.js';

export const calendarFeed = z.object({ id, vehicleId: id.nullable(), vehicleName: z.string().nullable(), url: z.string(), createdAt: isoDateTime });
export const calendarFeedCreate = z.strictObject({ vehicleId: id.nullable().default(null) });
export const feedFileParams = z.strictObject({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) });

export type CalendarFeed = z.infer<typeof calendarFeed>;
