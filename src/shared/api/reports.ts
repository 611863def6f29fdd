/** API schemas of recipients, routing rules and action items. */
import { z } from 'zod';
import { urgencies } from '../domain/categories.js';
import { answerStates, channels, deliveries, eventKinds, itemStates, recipientKinds } from '../domain/action-items.js';
import { email, guardedText, id, isoDate, language, personName, phone } from './common.js';

const name = z.string().trim().min(1).max(200);
/** What the association's own people write on an item (coordinators, crews re-checking): under the privacy guard. */
const reference = guardedText(100).pipe(z.string().min(1));
const note = guardedText(2000).pipe(z.string().min(1));
/** What a recipient writes through the answer link is their organisation's answer, not the association's record: not refused. */
const answerReference = z.string().trim().min(1).max(100);
const answerNote = z.string().trim().min(1).max(2000);

export const contact = z.strictObject({
  name: personName,
  role: z.string().trim().max(100).nullable().default(null),
  email: email.nullable().default(null),
  phone: phone.default(null),
});

const recipientFields = {
  name,
  kind: z.enum(recipientKinds),
  language,
  responseDays: z.number().int().min(1).max(365),
  channel: z.enum(channels),
  email: email.nullable(),
  delivery: z.enum(deliveries),
  open311Url: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable(),
  open311ApiKey: z.string().trim().min(1).max(200).nullable(),
  open311Jurisdiction: z.string().trim().min(1).max(100).nullable(),
  /** Category code → the recipient's Open311 service code. */
  open311ServiceCodes: z.record(z.string().max(60), z.string().trim().min(1).max(100)),
  manualInstructions: z.string().trim().min(1).max(1000).nullable(),
  contacts: z.array(contact).max(20),
  partnerOrganisationId: id.nullable(),
};

export const recipient = z.object({
  id,
  name: z.string(),
  kind: z.enum(recipientKinds),
  language,
  responseDays: z.number(),
  channel: z.enum(channels),
  email: z.string().nullable(),
  delivery: z.enum(deliveries),
  open311Url: z.string().nullable(),
  /** Never sent back: only whether one is stored. */
  open311ApiKey: z.boolean(),
  open311Jurisdiction: z.string().nullable(),
  open311ServiceCodes: z.record(z.string(), z.string()),
  manualInstructions: z.string().nullable(),
  contacts: z.array(z.object({ name: z.string(), role: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() })),
  partnerOrganisationId: z.string().nullable(),
  active: z.boolean(),
});
export type Recipient = z.infer<typeof recipient>;

const withDefaults = {
  ...recipientFields,
  language: language.default('sv'),
  responseDays: recipientFields.responseDays.default(14),
  email: recipientFields.email.default(null),
  delivery: recipientFields.delivery.default('each'),
  open311Url: recipientFields.open311Url.default(null),
  open311ApiKey: recipientFields.open311ApiKey.default(null),
  open311Jurisdiction: recipientFields.open311Jurisdiction.default(null),
  open311ServiceCodes: recipientFields.open311ServiceCodes.default({}),
  manualInstructions: recipientFields.manualInstructions.default(null),
  contacts: recipientFields.contacts.default([]),
  partnerOrganisationId: recipientFields.partnerOrganisationId.default(null),
};
export const recipientCreate = z.strictObject(withDefaults);
export const recipientUpdate = z.strictObject({
  ...Object.fromEntries(Object.entries(recipientFields).map(([k, v]) => [k, v.optional()])),
  active: z.boolean().optional(),
} as { [K in keyof typeof recipientFields]: z.ZodOptional<(typeof recipientFields)[K]> } & { active: z.ZodOptional<z.ZodBoolean> });
export type RecipientCreate = z.infer<typeof recipientCreate>;
export type RecipientUpdate = z.infer<typeof recipientUpdate>;

export const rule = z.object({
  id,
  categoryId: id.nullable(),
  areaId: id.nullable(),
  recipientId: id,
  precedence: z.number().int(),
  final: z.boolean(),
  enabled: z.boolean(),
});
export type Rule = z.infer<typeof rule>;
export const ruleCreate = z.strictObject({
  categoryId: id.nullable().default(null),
  areaId: id.nullable().default(null),
  recipientId: id,
  precedence: z.number().int().min(0).max(100_000).default(100),
  final: z.boolean().default(false),
});
export const ruleUpdate = z.strictObject({
  categoryId: id.nullable().optional(),
  areaId: id.nullable().optional(),
  recipientId: id.optional(),
  precedence: z.number().int().min(0).max(100_000).optional(),
  final: z.boolean().optional(),
  enabled: z.boolean().optional(),
});
export type RuleCreate = z.infer<typeof ruleCreate>;
export type RuleUpdate = z.infer<typeof ruleUpdate>;

const coordinate = { lat: z.coerce.number().min(-90).max(90), lng: z.coerce.number().min(-180).max(180) };
export const routingTry = z.strictObject({ categoryId: id, ...coordinate });
/** Before saving a capture: where it would go and what is already reported nearby. */
export const capturePreviewQuery = z.strictObject({ categoryId: id, urgency: z.enum(urgencies), ...coordinate });
export type CapturePreviewQuery = z.infer<typeof capturePreviewQuery>;
export const capturePreview = z.object({
  /** False for a note or a police tip handled by phone: it stays with the association. */
  routed: z.boolean(),
  recipients: z.array(z.string()),
  nearby: z.array(z.object({ distanceM: z.number(), recipient: z.string(), state: z.enum(itemStates), reportedAt: z.string() })),
});
export type CapturePreview = z.infer<typeof capturePreview>;
export const routingProposal = z.object({
  recipients: z.array(z.object({ id, name: z.string() })),
  ruleIds: z.array(id),
});

export const itemEvent = z.object({
  id,
  at: z.string(),
  kind: z.enum(eventKinds),
  state: z.enum(itemStates).nullable(),
  note: z.string().nullable(),
  externalReference: z.string().nullable(),
  by: z.enum(['member', 'recipient', 'system']),
  memberName: z.string().nullable(),
});

export const itemSummary = z.object({
  id,
  state: z.enum(itemStates),
  overdue: z.boolean(),
  urgent: z.boolean(),
  recipientId: id,
  recipientName: z.string(),
  channel: z.enum(channels),
  categoryId: id,
  categoryLabel: z.string(),
  icon: z.string(),
  lat: z.number(),
  lng: z.number(),
  externalReference: z.string().nullable(),
  deliveryError: z.string().nullable(),
  sentAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  observationIds: z.array(id),
});
export type ItemSummary = z.infer<typeof itemSummary>;
export const itemDetail = itemSummary.extend({
  events: z.array(itemEvent),
  manualInstructions: z.string().nullable(),
  recheckDueAt: z.string().nullable(),
  recheckedAt: z.string().nullable(),
  recheckResult: z.enum(['gone', 'still_there']).nullable(),
  /** What the recipient was sent: when, where and the crew's words, never who. */
  reported: z.array(
    z.object({
      observationId: z.string().nullable(),
      observedAt: z.string(),
      address: z.string().nullable(),
      areaName: z.string().nullable(),
      lat: z.number(),
      lng: z.number(),
      text: z.string().nullable(),
    }),
  ),
});
export type ItemDetail = z.infer<typeof itemDetail>;

export const itemListQuery = z.strictObject({
  state: z.enum([...itemStates, 'open', 'overdue', 'failed', 'todo']).optional(),
  recipientId: id.optional(),
  observationId: id.optional(),
  /** Sent in this period (local dates, both included). */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Made of an observation in this area. */
  areaId: id.optional(),
});

/** A coordinator records the recipient's answer (by phone, say), or what was done on the manual channel. */
export const itemUpdate = z.strictObject({
  state: z.enum([...answerStates, 'sent']).optional(),
  externalReference: reference.nullable().optional(),
  note: note.optional(),
});
export const itemCreate = z.strictObject({ observationId: id, recipientId: id });
export const itemJoin = z.strictObject({ observationId: id });
/** Why a coordinator takes an item back before it goes out. */
export const itemWithdraw = z.strictObject({ note: note.optional() });
/** What a patrol found when it looked again at a resolved item. */
export const recheckResults = ['gone', 'still_there'] as const;
/** shiftId: the shift on which the crew looked (a crew member must be on it; coordinators may leave it out). */
export const recheckDone = z.strictObject({ result: z.enum(recheckResults), note: note.optional(), shiftId: id.optional() });
export type RecheckDone = z.infer<typeof recheckDone>;

/** A resolved item for the crew of a shift to look at again, where the shift patrols. */
export const recheckTask = itemSummary.extend({ recheckDueAt: z.string(), address: z.string().nullable(), place: z.string().nullable() });
export type RecheckTask = z.infer<typeof recheckTask>;

export const duplicateCandidates = z.array(itemSummary.extend({ distanceM: z.number() }));

/** What the recipient sends through the answer link's form. */
export const recipientAnswer = z.strictObject({
  state: z.enum(answerStates),
  externalReference: answerReference.nullable().default(null),
  note: answerNote.nullable().default(null),
});
export type RecipientAnswer = z.infer<typeof recipientAnswer>;

/**
 * A district file as GIS tools write it: a GeoJSON FeatureCollection with any members and
 * properties (read by platform/geo/area-file.ts, which names each fault by its feature).
 */
export const areaImport = z.looseObject({ type: z.string(), features: z.array(z.unknown()).optional() });
/** The property holding each area's name; unset: name, namn and the like. */
export const areaImportQuery = z.strictObject({ nameProperty: z.string().trim().min(1).max(100).optional() });
export const area = z.object({ id, name: z.string(), geometry: z.object({ type: z.string(), coordinates: z.unknown() }) });
export const areaCreate = z.strictObject({
  name: z.string().trim().min(1).max(120),
  geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.any()).min(1) }),
});
