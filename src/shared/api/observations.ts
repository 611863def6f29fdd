/** API schemas of observation categories and observations. */
import { z } from 'zod';
import { observationStatuses, urgencies } from '../domain/categories.js';
import { itemStates } from '../domain/action-items.js';
import { guardedText, id, isoDate, isoDateTime } from './common.js';

const label = z.string().trim().min(1).max(120);
const icon = z.string().trim().min(1).max(16);

export const category = z.object({
  id,
  code: z.string(),
  parentId: id.nullable(),
  labelSv: z.string(),
  labelEn: z.string(),
  icon: z.string(),
  sortOrder: z.number(),
  enabled: z.boolean(),
  /** In the list only: the association's observations in this category (subcategories apart) over the last 90 days; the capture screen offers the most used first. */
  recentUses: z.number().int().optional(),
});
export const categoryCreate = z.strictObject({ parentId: id.nullable().default(null), labelSv: label, labelEn: label, icon: icon.default('•') });
export const categoryUpdate = z.strictObject({
  labelSv: label.optional(),
  labelEn: label.optional(),
  icon: icon.optional(),
  enabled: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});

const reference = guardedText(100).pipe(z.string().min(1));
/** What the phone sends for one observation; the same body may be sent any number of times. */
export const observationPut = z.strictObject({
  categoryId: id,
  urgency: z.enum(urgencies),
  text: z.string().trim().max(1000).nullable().default(null),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracyM: z.number().int().min(0).max(100_000).nullable().default(null),
  observedAt: isoDateTime,
  shiftId: id.nullable().default(null),
  /** "Lämnat till polisen": the text is not kept, only the time of the hand-over and the police's reference. */
  handedToPolice: z.boolean().default(false),
  policeReference: reference.nullable().default(null),
  /** For "Akut – ring 112": when the crew called, and an optional reference. */
  callMadeAt: isoDateTime.nullable().default(null),
  callReference: reference.nullable().default(null),
  /** A street address the phone looked up while online (GET /api/geocode/reverse). */
  address: guardedText(300).nullable().default(null),
  /** How many photos the phone will send after this: routing waits for them a while. A delivery hint, not content (not in the hash). */
  photosToFollow: z.number().int().min(0).max(10).default(0),
});

export const observationPatch = z.strictObject({
  categoryId: id.optional(),
  urgency: z.enum(urgencies).optional(),
  text: z.string().trim().max(1000).nullable().optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  handedToPolice: z.boolean().optional(),
  policeReference: reference.nullable().optional(),
});

export const observation = z.object({
  id,
  categoryId: id,
  categoryCode: z.string(),
  categoryLabel: z.string(),
  icon: z.string(),
  urgency: z.enum(urgencies),
  status: z.enum(observationStatuses),
  text: z.string().nullable(),
  lat: z.number(),
  lng: z.number(),
  accuracyM: z.number().nullable(),
  areaId: id.nullable(),
  areaName: z.string().nullable(),
  address: z.string().nullable(),
  observedAt: isoDateTime,
  shiftId: id.nullable(),
  vehicleId: id.nullable(),
  authorMemberId: id,
  authorName: z.string(),
  /** The partner system that submitted it through the Open311 endpoint (the author is the admin who issued its key). */
  viaOpen311: z.string().nullable(),
  /** Came with an address alone: a coordinator places it on the map before it is routed. */
  needsPlacing: z.boolean(),
  handedToPolice: z.object({ at: isoDateTime, reference: z.string().nullable() }).nullable(),
  call112: z.object({ at: isoDateTime, reference: z.string().nullable() }).nullable(),
  photos: z.array(z.object({ sha256: z.string(), width: z.number(), height: z.number(), url: z.string() })),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** What became of it: its latest action item's state and recipient; null while nothing was sent (or a note). */
  outcome: z.object({ state: z.enum(itemStates), recipient: z.string(), at: isoDateTime }).nullable(),
  /** Until when the author may still change it (coordinators may later, audited). */
  editableUntil: isoDateTime,
});

export const observationListQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  categoryId: id.optional(),
  urgency: z.enum(urgencies).optional(),
  /** not_sent: needs action, yet no rule gave it a recipient (coordinators send it by hand or add a rule). */
  status: z.enum([...observationStatuses, 'not_sent']).optional(),
  areaId: id.optional(),
  vehicleId: id.optional(),
  memberId: id.optional(),
  shiftId: id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The cursor of the previous page (its nextCursor). */
  cursor: z.string().max(100).optional(),
});
export const mapQuery = z.strictObject({
  /** The viewport: west,south,east,north in degrees. */
  bbox: z
    .string()
    .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/)
    .transform((s) => s.split(',').map(Number) as [number, number, number, number])
    .refine(([w, s, e, n]) => w < e && s < n && w >= -180 && e <= 180 && s >= -90 && n <= 90, 'west < east, south < north, within the world'),
  from: isoDate.optional(),
  to: isoDate.optional(),
  categoryId: id.optional(),
  urgency: z.enum(urgencies).optional(),
});
/** A marker: one observation (with its id) or a cluster of several (their centre and how many). */
export const mapMarker = z.object({ lat: z.number(), lng: z.number(), count: z.number(), id: id.nullable() });
export const mapResult = z.object({ total: z.number(), clustered: z.boolean(), markers: z.array(mapMarker) });
export type MapQuery = z.infer<typeof mapQuery>;
export type MapResult = z.infer<typeof mapResult>;

export const reverseQuery = z.strictObject({ lat: z.coerce.number().min(-90).max(90), lng: z.coerce.number().min(-180).max(180) });
export const reverseResult = z.object({ address: z.string().nullable() });

export const mapSettings = z.object({ tileUrl: z.string().nullable(), attribution: z.string() });
export type MapSettings = z.infer<typeof mapSettings>;

export const photoParams = z.strictObject({ id, sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export const observationPage = z.object({ items: z.array(observation), nextCursor: z.string().nullable() });

export type Category = z.infer<typeof category>;
export type CategoryCreate = z.infer<typeof categoryCreate>;
export type CategoryUpdate = z.infer<typeof categoryUpdate>;
export type ObservationPut = z.infer<typeof observationPut>;
export type ObservationPatch = z.infer<typeof observationPatch>;
export type Observation = z.infer<typeof observation>;
export type ObservationListQuery = z.infer<typeof observationListQuery>;

/** A place found by name for a capture without a position. */
export const placeSearchQuery = z.strictObject({ q: z.string().trim().min(2).max(200) });
export const placeHit = z.object({
  label: z.string(),
  lat: z.number(),
  lng: z.number(),
  /** geocoder: the configured address search; area: one of the association's areas (its middle); seen: an address crews have reported before. */
  source: z.enum(['geocoder', 'area', 'seen']),
});
export type PlaceHit = z.infer<typeof placeHit>;
