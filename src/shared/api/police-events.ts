/** API schemas of Polisen's events for the association's municipality. */
import { z } from 'zod';
import { isoDate } from './common.js';

export const policeEventsQuery = z.strictObject({ from: isoDate.optional(), to: isoDate.optional() });

export const policeEvent = z.object({
  id: z.string(),
  occurredAt: z.string(),
  name: z.string(),
  summary: z.string(),
  url: z.string(),
  type: z.string(),
  lat: z.number(),
  lng: z.number(),
});

export const policeEvents = z.object({
  municipality: z.string(),
  /** Always true: Polisen gives the centre of the municipality or county, never the place itself. */
  positionIsMunicipalityCentre: z.literal(true),
  events: z.array(policeEvent),
});
export type PoliceEvents = z.infer<typeof policeEvents>;
